import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONFIG_PATH } from "../../src/config/config-path.ts";
import { defaultConfig } from "../../src/config/config-schema.ts";
import { parseUnifiedDiff } from "../../src/diff/parse-unified-diff.ts";
import { loadRepoConfig } from "../../src/github/load-repo-config.ts";
import { detectPolicyChanges } from "../../src/policies/detect-policy-changes.ts";
import { nockRepoFile } from "../helpers/nock-config.ts";
import { testOctokit } from "../helpers/test-octokit.ts";

const REPO = { owner: "acme", repo: "api" };

describe("loadRepoConfig", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("reads the base branch's config; the PR head's version is never fetched, and its change is flagged", async () => {
    const base = nockRepoFile("acme/api", CONFIG_PATH, "main", "review:\n  severityThreshold: medium\n");
    const head = nockRepoFile(
      "acme/api",
      CONFIG_PATH,
      "feature/lower-the-bar",
      "review:\n  severityThreshold: critical\n",
    );

    const { config, problems } = await loadRepoConfig(testOctokit(), REPO, "main");

    expect(base.isDone()).toBe(true);
    expect(head.isDone()).toBe(false);
    expect(problems).toEqual([]);
    expect(config.review.severityThreshold).toBe("medium");

    const prDiff = parseUnifiedDiff(
      [
        "diff --git a/.github/pr-triage.yml b/.github/pr-triage.yml",
        "index 1111111111111111111111111111111111111111..2222222222222222222222222222222222222222 100644",
        "--- a/.github/pr-triage.yml",
        "+++ b/.github/pr-triage.yml",
        "@@ -1,2 +1,2 @@",
        " review:",
        "-  severityThreshold: medium",
        "+  severityThreshold: critical",
        "",
      ].join("\n"),
    );
    expect(detectPolicyChanges(prDiff, config)).toEqual([
      expect.objectContaining({
        ruleId: "config/policy-change",
        path: ".github/pr-triage.yml",
        line: 2,
        severity: "high",
      }),
    ]);
  });

  it("merges `_extends` deeply: mappings key by key, lists replaced by the repository's", async () => {
    const scopes = [
      nockRepoFile(
        "acme/api",
        CONFIG_PATH,
        "main",
        "_extends: org-settings\nreview:\n  maxInlineComments: 5\nignore: ['fixtures/**']\n",
      ),
      nockRepoFile(
        "acme/org-settings",
        CONFIG_PATH,
        null,
        "review:\n  severityThreshold: high\n  maxInlineComments: 3\nignore: ['docs/**']\nrouting:\n  high:\n    teams: [seniors]\n",
      ),
    ];

    const { config, problems } = await loadRepoConfig(testOctokit(), REPO, "main");

    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(problems).toEqual([]);
    expect(config.review).toEqual({ severityThreshold: "high", maxInlineComments: 5 });
    expect(config.ignore.paths).toEqual(["fixtures/**"]);
    expect(config.routing.high.teams).toEqual(["seniors"]);
  });

  it("falls back to the org's `.github` repository when the repository has no config", async () => {
    const scopes = [
      nockRepoFile("acme/api", CONFIG_PATH, "main", null),
      nockRepoFile(
        "acme/.github",
        CONFIG_PATH,
        null,
        "routing:\n  critical:\n    users: [octo-sec]\nlabels: maybe\n",
      ),
    ];

    const { config, problems } = await loadRepoConfig(testOctokit(), REPO, "main");

    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(config.routing.critical.users).toEqual(["octo-sec"]);
    expect(config.labels).toBe(true);
    expect(problems).toEqual([
      expect.objectContaining({
        file: "acme/.github:.github/pr-triage.yml",
        keyPath: "labels",
        problem: 'Expected `true` or `false`, got "maybe".',
      }),
    ]);
  });

  it("uses the defaults, with no problem, when there is no config anywhere", async () => {
    nockRepoFile("acme/api", CONFIG_PATH, "main", null);
    nockRepoFile("acme/.github", CONFIG_PATH, null, null);
    expect(await loadRepoConfig(testOctokit(), REPO, "main")).toEqual({
      config: defaultConfig(),
      problems: [],
    });
  });

  it("reports invalid YAML with its line, and triages on the defaults", async () => {
    nockRepoFile("acme/api", CONFIG_PATH, "main", "review:\n  maxInlineComments: [1\nlabels: false\n");
    const { config, problems } = await loadRepoConfig(testOctokit(), REPO, "main");
    expect(config).toEqual(defaultConfig());
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: CONFIG_PATH, keyPath: "(file)" });
    expect(problems[0]?.problem).toMatch(/^Invalid YAML at line \d+, column \d+: /);
  });

  it("reports an invalid `_extends` value", async () => {
    nockRepoFile("acme/api", CONFIG_PATH, "main", "_extends: 'not a / valid / repo'\n");
    const { problems } = await loadRepoConfig(testOctokit(), REPO, "main");
    expect(problems).toEqual([
      expect.objectContaining({
        keyPath: "_extends",
        problem: 'Invalid value "not a / valid / repo" for _extends in .github/pr-triage.yml',
      }),
    ]);
  });

  it("does not stop triage when GitHub fails to answer", async () => {
    nock("https://api.github.com")
      .get(`/repos/acme/api/contents/${encodeURIComponent(CONFIG_PATH)}`)
      .query({ ref: "main" })
      .reply(500, { message: "Server Error" });
    const { config, problems } = await loadRepoConfig(testOctokit(), REPO, "main");
    expect(config).toEqual(defaultConfig());
    expect(problems[0]?.problem).toMatch(/^GitHub answered HTTP 500 when reading the config/);
  });
});
