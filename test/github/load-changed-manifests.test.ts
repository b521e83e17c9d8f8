import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { loadChangedManifests } from "../../src/github/load-changed-manifests.ts";
import { addedFile, diffFiles } from "../analyzers/diff-fixture.ts";
import { nockRepoFile } from "../helpers/nock-config.ts";
import { testOctokit } from "../helpers/test-octokit.ts";

const REPO = { owner: "acme", repo: "api" };
const SHAS = { base: "b".repeat(40), head: "h".repeat(40) };

const files = diffFiles(`
diff --git a/package.json b/package.json
index 1111111..2222222 100644
--- a/package.json
+++ b/package.json
@@ -1,1 +1,1 @@
-{"name":"a"}
+{"name":"b"}
diff --git a/src/index.ts b/src/index.ts
index 1111111..2222222 100644
--- a/src/index.ts
+++ b/src/index.ts
@@ -1,1 +1,1 @@
-a
+b
diff --git a/yarn.lock b/yarn.lock
index 1111111..2222222 100644
--- a/yarn.lock
+++ b/yarn.lock
@@ -1,1 +1,1 @@
-a
+b
`);

describe("loadChangedManifests", () => {
  beforeEach(() => nock.disableNetConnect());
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("reads only changed manifests and lockfiles, at the base and head SHAs, as raw text", async () => {
    const scopes = [
      nockRepoFile("acme/api", "package.json", SHAS.base, '{"name":"a"}'),
      nockRepoFile("acme/api", "package.json", SHAS.head, '{"name":"b"}'),
      nockRepoFile("acme/api", "yarn.lock", SHAS.base, "a"),
      nockRepoFile("acme/api", "yarn.lock", SHAS.head, "b"),
      nockRepoFile("acme/api", "go.mod", SHAS.head, "module x\n"),
    ];
    const result = await loadChangedManifests(
      testOctokit(),
      REPO,
      [...files, addedFile("go.mod", "module x\n")],
      SHAS,
    );
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(result).toEqual({
      contents: [
        { path: "package.json", base: '{"name":"a"}', head: '{"name":"b"}' },
        { path: "yarn.lock", base: "a", head: "b" },
        { path: "go.mod", base: null, head: "module x\n" },
      ],
      skipped: [],
    });
  });

  it("stays within the file and byte limits and reports what it skipped", async () => {
    const scopes = [nockRepoFile("acme/api", "package.json", SHAS.base, "x".repeat(100))];
    const result = await loadChangedManifests(testOctokit(), REPO, files, SHAS, {
      maxFiles: 1,
      maxBytes: 50,
    });
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    const skipped = [
      { path: "yarn.lock", reason: "over the 1-file limit" },
      { path: "package.json", reason: "100 bytes at bbbbbbb, over the 50-byte limit" },
    ];
    expect(result).toEqual({
      // The analyzers see the skips too, so the summary can name them.
      contents: skipped.map(({ path, reason }) => ({ path, base: null, head: null, skipped: reason })),
      skipped,
    });
  });

  it("skips a modified file that GitHub does not have at the base, instead of calling every entry new", async () => {
    const scopes = [
      nockRepoFile("acme/api", "package.json", SHAS.base, null),
      nockRepoFile("acme/api", "package.json", SHAS.head, "{}"),
    ];
    const result = await loadChangedManifests(testOctokit(), REPO, files.slice(0, 1), SHAS);
    for (const scope of scopes) expect(scope.isDone()).toBe(true);
    expect(result.contents).toEqual([
      { path: "package.json", base: null, head: null, skipped: "not found at base" },
    ]);
  });

  it("reports a GitHub error as skipped instead of failing the triage", async () => {
    const scope = nock("https://api.github.com")
      .get(`/repos/acme/api/contents/package.json`)
      .query(true)
      .reply(500, { message: "boom" });
    const result = await loadChangedManifests(testOctokit(), REPO, files.slice(0, 1), SHAS);
    expect(scope.isDone()).toBe(true);
    expect(result.skipped).toEqual([
      { path: "package.json", reason: "GitHub could not serve it at bbbbbbb (HTTP 500)" },
    ]);
  });
});
