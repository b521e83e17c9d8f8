import { describe, expect, it } from "vitest";
import type { Finding } from "../../src/findings/finding.ts";
import { applyPolicyCitations } from "../../src/policies/apply-policy-citations.ts";
import { parsePolicyFile } from "../../src/policies/parse-policy-file.ts";
import type { Policy, PolicySource } from "../../src/policies/policy.ts";
import { MAX_POLICY_BYTES, MAX_POLICY_FILES, readPolicies } from "../../src/policies/read-policies.ts";
import { renderPolicySummary } from "../../src/policies/render-policy-summary.ts";
import { NO_POLICIES, selectPolicies } from "../../src/policies/select-policies.ts";

const DIR = ".github/pr-triage/policies";
const GLOB = `${DIR}/*.md`;

function policy(overrides: Partial<Policy> & { path: string }): Policy {
  return { title: overrides.path, paths: [], severity: null, body: "Do the right thing.", ...overrides };
}

function changed(...paths: string[]) {
  return paths.map((path) => ({ path, oldPath: path }));
}

/** An in-memory policy folder; `unreadable` paths throw like a failed API call. */
function memorySource(files: Record<string, string>, unreadable: string[] = []): PolicySource {
  return {
    async list(dir) {
      return Object.entries(files)
        .filter(([path]) => path.startsWith(`${dir}/`))
        .map(([path, text]) => ({ path, size: Buffer.byteLength(text) }));
    },
    async read(path) {
      if (unreadable.includes(path)) throw Object.assign(new Error("Forbidden"), { status: 403 });
      return files[path] ?? "";
    },
  };
}

describe("parsePolicyFile", () => {
  it("reads title, paths and severity from the front matter", () => {
    const { policy: parsed, problems } = parsePolicyFile(
      `${DIR}/api.md`,
      "---\ntitle: Validate input\npaths: ['src/api/**', 'src/routes/**']\nseverity: high\n---\n\n# Heading\nUse zod.\n",
    );
    expect(problems).toEqual([]);
    expect(parsed).toEqual({
      path: `${DIR}/api.md`,
      title: "Validate input",
      paths: ["src/api/**", "src/routes/**"],
      severity: "high",
      body: "# Heading\nUse zod.",
    });
  });

  it("without front matter, applies everywhere and takes its title from the first heading or the file name", () => {
    expect(parsePolicyFile(`${DIR}/x.md`, "Intro\n\n# No eval\nNever call eval.\n").policy).toMatchObject({
      title: "No eval",
      paths: [],
      severity: null,
    });
    expect(parsePolicyFile(`${DIR}/no-floating_promises.md`, "Await them.").policy?.title).toBe(
      "no floating promises",
    );
  });

  it("accepts a single glob as `paths:`", () => {
    expect(parsePolicyFile("p.md", "---\npaths: src/**/*.ts\n---\nText").policy?.paths).toEqual([
      "src/**/*.ts",
    ]);
  });

  it("reports each bad front-matter key and still applies the policy with that key's default", () => {
    const { policy: parsed, problems } = parsePolicyFile(
      "p.md",
      "---\ntitle: Keep it\nseverity: urgent\npath: src/**\npaths: []\n---\nText",
    );
    expect(parsed).toMatchObject({ title: "Keep it", severity: null, paths: [] });
    expect(problems).toEqual([
      {
        file: "p.md",
        keyPath: "severity",
        problem: 'Expected one of `info`, `low`, `medium`, `high`, `critical`, got "urgent".',
        fix: "Correct the value or remove the key. Until then the policy uses the reviewer's judgement.",
      },
      {
        file: "p.md",
        keyPath: "path",
        problem: "Unknown front-matter key `path`.",
        fix: "Remove it or fix its spelling. Keys allowed here: `title`, `paths`, `severity`.",
      },
      expect.objectContaining({ keyPath: "paths", problem: expect.stringContaining("got []") }),
    ]);
  });

  it("reports invalid front-matter YAML and an unclosed front matter", () => {
    const broken = parsePolicyFile("p.md", "---\npaths: [src/**\n---\nText");
    expect(broken.problems[0]).toMatchObject({ keyPath: "(front matter)" });
    expect(broken.problems[0]?.problem).toMatch(/^Invalid YAML in the front matter: /);
    expect(broken.policy).toMatchObject({ paths: [], body: "Text" });

    const unclosed = parsePolicyFile("p.md", "---\ntitle: X\nText");
    expect(unclosed.problems[0]?.problem).toBe("The front matter opens with `---` but is never closed.");
    expect(unclosed.policy?.body).toContain("title: X");
  });

  it("rejects a policy with no text", () => {
    const { policy: parsed, problems } = parsePolicyFile("p.md", "---\ntitle: Empty\n---\n\n");
    expect(parsed).toBeNull();
    expect(problems[0]).toMatchObject({
      keyPath: "(file)",
      problem: "The policy has no text after its front matter.",
    });
  });
});

describe("readPolicies", () => {
  it("reads every matching file and reports each unusable one, keeping the rest", async () => {
    const files = {
      [`${DIR}/good.md`]: "---\ntitle: Good\n---\nBe good.",
      [`${DIR}/huge.md`]: "x".repeat(MAX_POLICY_BYTES + 1),
      [`${DIR}/secret.md`]: "Cannot read me",
      [`${DIR}/binary.md`]: "PK\u0000\u0003",
      [`${DIR}/notes.txt`]: "not matched by the glob",
    };
    const { policies, problems } = await readPolicies(memorySource(files, [`${DIR}/secret.md`]), [GLOB]);
    expect(policies.map((p) => p.title)).toEqual(["Good"]);
    expect(problems).toEqual([
      {
        file: `${DIR}/binary.md`,
        keyPath: "(file)",
        problem: "Not UTF-8 text (it contains binary data or invalid characters).",
        fix: "Save the policy as UTF-8 markdown. It is not applied until then.",
      },
      {
        file: `${DIR}/huge.md`,
        keyPath: "(file)",
        problem: "Too large: 32,769 bytes, over the 32,768-byte limit for a policy file.",
        fix: "Split it into smaller policies scoped with `paths:` front matter. It is not applied until then.",
      },
      {
        file: `${DIR}/secret.md`,
        keyPath: "(file)",
        problem: "Could not read the file: HTTP 403 (Forbidden)",
        fix: "Make it a regular UTF-8 text file on the base branch (not a symlink or submodule). It is not applied until then.",
      },
    ]);
  });

  it("never reads a file that is too large", async () => {
    const source = memorySource({ [`${DIR}/huge.md`]: "x".repeat(MAX_POLICY_BYTES + 1) });
    source.read = async () => {
      throw new Error("must not be read");
    };
    const { problems } = await readPolicies(source, [GLOB]);
    expect(problems[0]?.problem).toMatch(/^Too large/);
  });

  it(`reads at most ${MAX_POLICY_FILES} files and reports the rest`, async () => {
    const files = Object.fromEntries(
      Array.from({ length: MAX_POLICY_FILES + 2 }, (_, i) => [
        `${DIR}/p${String(i).padStart(2, "0")}.md`,
        "Rule.",
      ]),
    );
    const { policies, problems } = await readPolicies(memorySource(files), [GLOB]);
    expect(policies).toHaveLength(MAX_POLICY_FILES);
    expect(problems.map((p) => p.file)).toEqual([`${DIR}/p50.md`, `${DIR}/p51.md`]);
  });

  it("is silent when the default folder is missing, but reports a configured glob that matches nothing", async () => {
    expect(await readPolicies(memorySource({}), [GLOB])).toEqual({ policies: [], problems: [] });
    const { problems } = await readPolicies(memorySource({}), ["docs/policies/*.md"]);
    expect(problems).toEqual([
      expect.objectContaining({
        keyPath: "policies.paths",
        problem: "`docs/policies/*.md` matches no file on the base branch.",
      }),
    ]);
  });
});

describe("selectPolicies: path-scoped, within a token budget", () => {
  const api = policy({
    path: `${DIR}/api.md`,
    title: "Validate input",
    paths: ["src/api/**"],
    severity: "high",
  });
  const sql = policy({ path: `${DIR}/sql.md`, title: "Parameterized SQL", paths: ["src/db/**", "**/*.sql"] });
  const secrets = policy({ path: `${DIR}/secrets.md`, title: "No secrets", severity: "critical" });

  it("applies policies whose paths match a changed file, plus those without paths", () => {
    const selection = selectPolicies([api, sql, secrets], changed("src/api/users.ts", "README.md"), 4_000);
    expect(selection.applied.map((a) => [a.policy.title, a.matched])).toEqual([
      ["No secrets", []],
      ["Validate input", ["src/api/users.ts"]],
    ]);
    expect(selection.unmatched).toBe(1);
    expect(selection.prompt).toContain(
      "### Policy: Validate input\n(applies to `src/api/**`; a violation is high severity)",
    );
    expect(selection.prompt).toContain(
      "### Policy: No secrets\n(applies to every change; a violation is critical severity)",
    );
    expect(selection.prompt).not.toContain("Parameterized SQL");
  });

  it("matches the old path of a renamed file", () => {
    const selection = selectPolicies(
      [sql],
      [{ path: "src/storage/users.ts", oldPath: "src/db/users.ts" }],
      4_000,
    );
    expect(selection.applied.map((a) => a.policy.title)).toEqual(["Parameterized SQL"]);
  });

  it("lists a matching policy that does not fit the budget, and still sends the ones that fit", () => {
    const long = policy({
      path: `${DIR}/long.md`,
      title: "Long",
      paths: ["src/**"],
      severity: "critical",
      body: "word ".repeat(3_000),
    });
    const selection = selectPolicies([long, api], changed("src/api/a.ts"), 500);
    expect(selection.applied.map((a) => a.policy.title)).toEqual(["Validate input"]);
    expect(selection.skipped).toEqual([
      {
        policy: long,
        reason: expect.stringMatching(
          /^over the 500-token policy budget \(`policies.maxTokens`; this one needs \d+\)$/,
        ),
      },
    ]);
    expect(selection.tokens).toBeLessThanOrEqual(500);
  });

  it("tells the model that no policy applies when none matches", () => {
    const selection = selectPolicies([api], changed("README.md"), 4_000);
    expect(selection.applied).toEqual([]);
    expect(selection.prompt).toBe(NO_POLICIES);
  });

  it("renders the summary section: applied policies with the files that matched, and skipped ones", () => {
    const long = policy({
      path: `${DIR}/long.md`,
      title: "Long",
      paths: ["src/**"],
      body: "word ".repeat(3_000),
    });
    const selection = selectPolicies([api, long, sql, secrets], changed("src/api/a.ts"), 600);
    expect(renderPolicySummary(selection, true)).toMatchInlineSnapshot(`
      "### Policies
      The AI review applied 2 of 4 policies from the base branch:
      - **No secrets** (\`.github/pr-triage/policies/secrets.md\`): every change
      - **Validate input** (\`.github/pr-triage/policies/api.md\`): \`src/api/a.ts\`
      - Not applied: **Long** (\`.github/pr-triage/policies/long.md\`): over the 600-token policy budget (\`policies.maxTokens\`; this one needs 3016)"
    `);
    expect(renderPolicySummary(selection, false)).toContain(
      "2 of 4 policies from the base branch apply, but the AI review did not run",
    );
    expect(renderPolicySummary(selectPolicies([], changed("a"), 600), true)).toBe("");
  });
});

describe("applyPolicyCitations", () => {
  const finding = (cited: string | null): Finding => ({
    ruleId: "llm/policy",
    source: "llm",
    severity: "medium",
    category: "policy",
    title: "Unvalidated input",
    message: "req.query.name goes into SQL.",
    path: "src/api/users.ts",
    line: 4,
    startLine: null,
    side: "RIGHT",
    confidence: 0.9,
    riskFloor: 0,
    policy: cited,
  });
  const api = policy({ path: "api.md", title: "Validate input", severity: "high" });
  const loose = policy({ path: "loose.md", title: "Be careful" });

  it("normalises a cited title to the policy's and applies the policy's severity", () => {
    const [cited] = applyPolicyCitations([finding("`validate input`")], [api]);
    expect(cited).toMatchObject({ policy: "Validate input", severity: "high" });
    const [unsevere] = applyPolicyCitations([finding("Be careful")], [loose]);
    expect(unsevere).toMatchObject({ policy: "Be careful", severity: "medium" });
  });

  it("drops a citation of a policy that was not applied, keeping the finding", () => {
    const [invented] = applyPolicyCitations([finding("Company-wide rule 7")], [api]);
    expect(invented).toMatchObject({ policy: null, severity: "medium", title: "Unvalidated input" });
    expect(applyPolicyCitations([finding(null)], [api])[0]?.policy).toBeNull();
  });
});
