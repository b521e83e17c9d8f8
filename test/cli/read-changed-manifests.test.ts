import { afterEach, describe, expect, it } from "vitest";
import { collectLocalPr } from "../../src/cli/collect-local-pr.ts";
import { readChangedManifests } from "../../src/cli/read-changed-manifests.ts";
import { reviewCommand } from "../../src/cli/review-command.ts";
import { captureIo, createTempGitRepo, type TempGitRepo } from "./temp-git-repo.ts";

const pkg = (deps: Record<string, string>, scripts: Record<string, string> = {}) =>
  `${JSON.stringify({ name: "app", scripts, dependencies: deps }, null, 2)}\n`;

describe("readChangedManifests (the CLI's base and head texts, from git)", () => {
  let repo: TempGitRepo;
  afterEach(() => repo.remove());

  function branchWithManifestChanges(): void {
    repo = createTempGitRepo();
    repo.write("package.json", pkg({ express: "^5.0.0" }, { test: "node --test" }));
    repo.write("src/a.ts", "export const a = 1;\n");
    repo.commitAll("base");
    repo.git("checkout", "--quiet", "-b", "feature");
    repo.write("package.json", pkg({ express: "^5.0.0", lodahs: "^4.17.21" }, { test: "vitest" }));
    repo.write("tools/requirements.txt", "requests==2.32.0\n");
    repo.write("src/a.ts", "export const a = 2;\n");
    repo.commitAll("feature");
  }

  it("reads changed manifests at the merge base and HEAD, and nothing else", () => {
    branchWithManifestChanges();
    const pr = collectLocalPr(repo.dir, "main");
    const contents = readChangedManifests(pr.root, pr.files, { base: pr.mergeBase, head: pr.headSha });
    expect(
      contents.map((entry) => [entry.path, entry.base?.includes("lodahs"), entry.head?.includes("lodahs")]),
    ).toEqual([
      ["package.json", false, true],
      ["tools/requirements.txt", undefined, false],
    ]);
    expect(contents[1]?.base).toBeNull();
  });

  it("skips a file over the byte limit, leaving it to the diff", () => {
    branchWithManifestChanges();
    const pr = collectLocalPr(repo.dir, "main");
    const contents = readChangedManifests(
      pr.root,
      pr.files,
      { base: pr.mergeBase, head: pr.headSha },
      {
        maxFiles: 20,
        maxBytes: 40,
      },
    );
    expect(contents.map((entry) => [entry.path, entry.skipped])).toEqual([
      ["package.json", "over the 40-byte limit, or not readable from git"],
      ["tools/requirements.txt", undefined],
    ]);
  });

  it("lets `pr-triage review` find a typosquat that the hunk alone hides (a script line changed too)", async () => {
    branchWithManifestChanges();
    const capture = captureIo(repo.dir);
    expect(await reviewCommand({ base: "main", json: true }, capture.io)).toBe(0);
    const report = JSON.parse(capture.stdout()) as { findings: { ruleId: string; path: string }[] };
    expect(report.findings.filter((f) => f.path === "package.json").map((f) => f.ruleId)).toEqual([
      "dependencies/typosquat",
      "dependencies/new",
    ]);
  });
});
