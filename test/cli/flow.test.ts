import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FlowReport } from "../../src/analytics/compute-flow-report.ts";
import { runCli } from "../../src/cli/run-cli.ts";
import { captureIo } from "./temp-git-repo.ts";

const API = "https://ghe.example.test";
const REPO = "/api/v3/repos/acme/api";
const HOUR_MS = 3_600_000;
const ENV = { GITHUB_TOKEN: "ghp_flowtesttoken", GHE_HOST: "ghe.example.test" };
const LIST_QUERY = { state: "all", sort: "updated", direction: "desc", per_page: "100" };

// Recorded-shape GitHub responses (pulls.list and the issue timeline), timed relative to now.
const T = Date.now() - 5 * 24 * HOUR_MS;
const at = (hours: number) => new Date(T + hours * HOUR_MS).toISOString();
const user = (login: string, type = "User") => ({ login, type });
function pr(
  number: number,
  author: ReturnType<typeof user>,
  opts: { created: number; merged?: number; labels?: string[] },
) {
  return {
    number,
    title: `Change ${number}`,
    user: author,
    body: "",
    draft: false,
    head: { ref: `feature-${number}` },
    labels: (opts.labels ?? []).map((name) => ({ name })),
    created_at: at(opts.created),
    updated_at: at(opts.merged ?? opts.created + 1),
    merged_at: opts.merged === undefined ? null : at(opts.merged),
  };
}
const PR1 = pr(1, user("dev-1"), { created: 0, merged: 5, labels: ["risk: high"] });
const PR2 = pr(2, user("copilot-swe-agent[bot]", "Bot"), {
  created: 0,
  merged: 1,
  labels: ["risk: critical"],
});
const PR3 = pr(3, user("dev-3"), { created: 24 });
const OLD = { ...pr(4, user("dev-4"), { created: -30 * 24 }), updated_at: at(-30 * 24) };

function nockHistory(): nock.Scope {
  const next = `<${API}${REPO}/pulls?state=all&sort=updated&direction=desc&per_page=100&page=2>; rel="next"`;
  return nock(API)
    .get(`${REPO}/pulls`)
    .query(LIST_QUERY)
    .reply(200, [PR3, PR1], { link: next })
    .get(`${REPO}/pulls`)
    .query({ ...LIST_QUERY, page: "2" })
    .reply(200, [PR2, OLD])
    .get(`${REPO}/issues/3/timeline`)
    .query({ per_page: "100" })
    .reply(
      403,
      {
        message: "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
      },
      { "retry-after": "1" },
    )
    .get(`${REPO}/issues/3/timeline`)
    .query({ per_page: "100" })
    .reply(200, [
      { event: "commented", node_id: "c3", created_at: at(25), actor: user("carol"), user: user("carol") },
    ])
    .get(`${REPO}/issues/1/timeline`)
    .query({ per_page: "100" })
    .reply(
      200,
      [
        { event: "ready_for_review", node_id: "r1", created_at: at(2), actor: user("dev-1") },
        {
          event: "review_requested",
          node_id: "q1",
          created_at: at(2),
          actor: user("dev-1"),
          requested_reviewer: user("bob"),
        },
        {
          event: "commented",
          node_id: "b1",
          created_at: at(2.5),
          actor: user("ci[bot]", "Bot"),
          user: user("ci[bot]", "Bot"),
        },
      ],
      { link: `<${API}${REPO}/issues/1/timeline?per_page=100&page=2>; rel="next"` },
    )
    .get(`${REPO}/issues/1/timeline`)
    .query({ per_page: "100", page: "2" })
    .reply(200, [
      { event: "reviewed", node_id: "v1", submitted_at: at(3), user: user("bob"), state: "APPROVED" },
      { event: "merged", node_id: "m1", created_at: at(5), actor: user("bob") },
      { event: "closed", node_id: "x1", created_at: at(5), actor: user("bob") },
    ])
    .get(`${REPO}/issues/2/timeline`)
    .query({ per_page: "100" })
    .reply(200, [
      {
        event: "review_requested",
        node_id: "q2",
        created_at: at(0.1),
        actor: user("pr-triage[bot]", "Bot"),
        requested_reviewer: user("alice"),
      },
      { event: "merged", node_id: "m2", created_at: at(1), actor: user("copilot-swe-agent[bot]", "Bot") },
    ]);
}

describe("pr-triage flow", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("computes the report from paginated history, waiting out a secondary rate limit", async () => {
    const scope = nockHistory();
    const run = captureIo(process.cwd(), ENV);
    expect(await runCli(["flow", "--repo", "acme/api", "--since", "7d", "--json"], run.io)).toBe(0);
    expect(scope.isDone()).toBe(true);
    const report = JSON.parse(run.stdout()) as FlowReport;
    expect(report.windows.map((w) => w.days)).toEqual([7]);
    const [week] = report.windows;
    // #1: ready at 2 h (opened as a draft), bot comment ignored, bob at 3 h; #3: carol after 1 h.
    expect(week?.pickup.all).toEqual({ count: 2, p50Hours: 1, p75Hours: 1 });
    expect(week?.cycle.byLevel.high).toEqual({ count: 1, p50Hours: 3, p75Hours: 3 });
    expect(week?.cycle.byAuthor.agent).toEqual({ count: 1, p50Hours: 1, p75Hours: 1 });
    expect(week?.riskMix).toEqual({ low: 0, medium: 0, high: 1, critical: 1, untriaged: 1 });
    expect(week?.routedReview).toMatchObject({
      merged: 2,
      reviewedByRouted: 1,
      mergedWithout: [
        {
          pullNumber: 2,
          url: "https://ghe.example.test/acme/api/pull/2",
          reason: "merged before a review by @alice",
        },
      ],
    });
    expect(run.stderr()).toContain("listed 3 pull requests updated since");
    expect(run.stderr()).toContain("timeline 3/3: #2");
    expect(run.stderr()).toContain(
      `secondary rate limit on GET ${API}${REPO}/issues/3/timeline?per_page=100: waiting 1 s (retry 1 of 3)`,
    );
  }, 20_000);

  it("prints Markdown with the LinearB bands and the list of PRs merged without their review", async () => {
    nockHistory();
    const run = captureIo(process.cwd(), ENV);
    expect(await runCli(["flow", "--repo", "acme/api", "--since", "30d"], run.io)).toBe(0);
    const markdown = run.stdout();
    expect(markdown).toContain("# Review flow: acme/api");
    expect(markdown).toContain("## Last 7 days (3 PRs)");
    expect(markdown).toContain("## Last 30 days (3 PRs)");
    expect(markdown).toMatch(
      /\| Pickup \(ready → first human response\) \| 1\.0 h \/ 1\.0 h \(2\) \|.*\| strong \|/,
    );
    expect(markdown).toContain(
      "- [acme/api#2](https://ghe.example.test/acme/api/pull/2) Change 2 (critical): merged before a review by @alice",
    );
    expect(markdown).toContain("linearb.helpdocs.io");
  }, 20_000);

  it("says what is missing: the token, the repository, a valid period", async () => {
    const noToken = captureIo(process.cwd(), {});
    expect(await runCli(["flow", "--repo", "acme/api"], noToken.io)).toBe(2);
    expect(noToken.stderr()).toContain("Set GITHUB_TOKEN");
    const badRepo = captureIo(process.cwd(), ENV);
    expect(await runCli(["flow", "--repo", "acme"], badRepo.io)).toBe(2);
    expect(badRepo.stderr()).toContain('--repo expects owner/name, e.g. --repo octo-org/api; got "acme"');
    const badSince = captureIo(process.cwd(), ENV);
    expect(await runCli(["flow", "--repo", "acme/api", "--since", "3 months"], badSince.io)).toBe(2);
    expect(badSince.stderr()).toContain('--since expects a period like 90d, 12w or 48h; got "3 months"');
  });
});
