import nock from "nock";
import { ProbotOctokit } from "probot";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { fetchPrDiff } from "../../src/github/fetch-pr-diff.ts";
import { listPrFiles } from "../../src/github/list-pr-files.ts";
import type { Octokit } from "../../src/github/octokit.ts";

const API = "https://api.github.com";
const REPO = { owner: "octo", repo: "shop" };
const PULL = `/repos/octo/shop/pulls/7`;

const TestOctokit = ProbotOctokit.defaults({ retry: { enabled: false }, throttle: { enabled: false } });
const octokit = (): Octokit => new TestOctokit({ auth: { token: "ghs_test" } }) as unknown as Octokit;

const PATCH = "@@ -1 +1 @@\n-a\n+b";
const listed = (filename: string, extra: Record<string, unknown> = {}) => ({
  filename,
  status: "modified",
  additions: 1,
  deletions: 1,
  changes: 2,
  patch: PATCH,
  ...extra,
});

/** One page of `pulls.listFiles`, linking to the next page when `next` is given. */
function nockFilesPage(page: number, files: unknown[], next?: number): nock.Scope {
  const link = next ? { link: `<${API}${PULL}/files?per_page=100&page=${next}>; rel="next"` } : undefined;
  const query = page === 1 ? { per_page: "100" } : { per_page: "100", page: String(page) };
  return nock(API).get(`${PULL}/files`).query(query).reply(200, files, link);
}

function nockDiff(status: number, body: string | Record<string, unknown>): nock.Scope {
  return nock(API)
    .get(PULL)
    .matchHeader("accept", /application\/vnd\.github\.v3\.diff/)
    .reply(status, body, typeof body === "string" ? { "content-type": "text/plain; charset=utf-8" } : {});
}

const TOO_LARGE = {
  message:
    "Sorry, the diff exceeded the maximum number of files (300). Consider using 'List pull requests files' API.",
  errors: [{ resource: "PullRequest", field: "diff", code: "too_large" }],
};

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());
afterAll(() => nock.enableNetConnect());

describe("listPrFiles", () => {
  it("follows every page, not just the first 30 files", async () => {
    const pages = [
      nockFilesPage(
        1,
        Array.from({ length: 100 }, (_, i) => listed(`src/a${i}.ts`)),
        2,
      ),
      nockFilesPage(
        2,
        Array.from({ length: 100 }, (_, i) => listed(`src/b${i}.ts`)),
        3,
      ),
      nockFilesPage(
        3,
        Array.from({ length: 42 }, (_, i) => listed(`src/c${i}.ts`)),
      ),
    ];
    const result = await listPrFiles(octokit(), REPO, 7, 242);
    expect(result.files).toHaveLength(242);
    expect(result.files[241]?.path).toBe("src/c41.ts");
    expect(result.files[0]?.hunks[0]?.lines).toHaveLength(2);
    expect(result.unlisted).toBe(0);
    for (const page of pages) expect(page.isDone()).toBe(true);
  });

  it("stops at GitHub's 3,000-file cap and reports the files it could not list", async () => {
    const pages = Array.from({ length: 30 }, (_, p) =>
      nockFilesPage(
        p + 1,
        Array.from({ length: 100 }, (_, i) => listed(`f${p}/${i}.ts`)),
        p + 2, // even page 30 claims a next page; it must not be fetched
      ),
    );
    const result = await listPrFiles(octokit(), REPO, 7, 3_400);
    expect(result.files).toHaveLength(3_000);
    expect(result.unlisted).toBe(400);
    for (const page of pages) expect(page.isDone()).toBe(true);
  });

  it("takes a too-large file's patch from the full diff, keeping listFiles' name and status", async () => {
    const files = nockFilesPage(1, [
      listed("src/ok.ts"),
      listed("data/big.ts", {
        status: "renamed",
        previous_filename: "data/old.ts",
        additions: 2,
        deletions: 0,
        patch: undefined,
      }),
    ]);
    const diff = nockDiff(
      200,
      "diff --git a/src/ok.ts b/src/ok.ts\nindex 1..2 100644\n--- a/src/ok.ts\n+++ b/src/ok.ts\n@@ -1 +1 @@\n-a\n+b\n" +
        "diff --git a/data/old.ts b/data/big.ts\nsimilarity index 90%\nrename from data/old.ts\nrename to data/big.ts\n" +
        "index 3..4 100644\n--- a/data/old.ts\n+++ b/data/big.ts\n@@ -1 +1,3 @@ export const rows = [\n x\n+y\n+z\n",
    );
    const { files: result } = await listPrFiles(octokit(), REPO, 7, 2);
    expect(result[1]).toMatchObject({
      path: "data/big.ts",
      oldPath: "data/old.ts",
      status: "renamed",
      patchMissing: false,
      additions: 2,
      deletions: 0,
    });
    expect(result[1]?.hunks[0]?.lines.map((l) => l.newLine)).toEqual([1, 2, 3]);
    expect(files.isDone() && diff.isDone()).toBe(true);
  });

  it("states GitHub's too_large refusal in the file's reason instead of failing", async () => {
    nockFilesPage(1, [listed("big.sql", { additions: 9_000, deletions: 0, patch: undefined })]);
    const diff = nockDiff(406, TOO_LARGE);
    const { files } = await listPrFiles(octokit(), REPO, 7, 1);
    expect(files[0]).toMatchObject({ patchMissing: true, hunks: [] });
    expect(files[0]?.patchMissingReason).toBe(
      `GitHub sent no patch (file diff too large); GitHub refused the full diff: ${TOO_LARGE.message}`,
    );
    expect(diff.isDone()).toBe(true);
  });

  it("does not ask for the full diff when GitHub would refuse it (over 300 files)", async () => {
    nockFilesPage(
      1,
      Array.from({ length: 100 }, (_, i) => listed(`a${i}.ts`)),
      2,
    );
    nockFilesPage(
      2,
      Array.from({ length: 100 }, (_, i) => listed(`b${i}.ts`)),
      3,
    );
    nockFilesPage(
      3,
      Array.from({ length: 100 }, (_, i) => listed(`c${i}.ts`)),
      4,
    );
    nockFilesPage(4, [listed("huge.json", { additions: 50_000, patch: undefined })]);
    const { files } = await listPrFiles(octokit(), REPO, 7, 301);
    expect(files[300]?.patchMissingReason).toBe(
      "GitHub sent no patch (file diff too large); the whole PR is over GitHub's diff limit (300 files or 20,000 lines)",
    );
    expect(nock.pendingMocks()).toEqual([]);
  });

  it("keeps the files listed when the full diff fails for another reason", async () => {
    nockFilesPage(1, [listed("big.ts", { additions: 5_000, patch: undefined })]);
    nockDiff(502, { message: "Bad Gateway" });
    const { files } = await listPrFiles(octokit(), REPO, 7, 1);
    expect(files[0]?.patchMissingReason).toMatch(
      /^GitHub sent no patch \(file diff too large\); the full diff could not be read \(.+\)$/,
    );
  });

  it("does not fetch the full diff for binary files alone", async () => {
    nockFilesPage(1, [
      listed("logo.png", { status: "added", additions: 0, deletions: 0, changes: 0, patch: undefined }),
    ]);
    const { files } = await listPrFiles(octokit(), REPO, 7, 1);
    expect(files[0]).toMatchObject({ binary: true, patchMissing: true });
    expect(nock.pendingMocks()).toEqual([]);
  });
});

describe("fetchPrDiff", () => {
  it("returns the diff media type's text", async () => {
    const scope = nockDiff(200, "diff --git a/x b/x\n");
    await expect(fetchPrDiff(octokit(), REPO, 7)).resolves.toEqual({
      status: "ok",
      text: "diff --git a/x b/x\n",
    });
    expect(scope.isDone()).toBe(true);
  });

  it("answers too-large for GitHub's 406 too_large, with GitHub's message", async () => {
    nockDiff(406, TOO_LARGE);
    await expect(fetchPrDiff(octokit(), REPO, 7)).resolves.toEqual({
      status: "too-large",
      message: TOO_LARGE.message,
    });
  });

  it("throws any other failure", async () => {
    nockDiff(404, { message: "Not Found" });
    await expect(fetchPrDiff(octokit(), REPO, 7)).rejects.toMatchObject({ status: 404 });
    nockDiff(406, { message: "Unsupported media type" });
    await expect(fetchPrDiff(octokit(), REPO, 7)).rejects.toMatchObject({ status: 406 });
  });
});
