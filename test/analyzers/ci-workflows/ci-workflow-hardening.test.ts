import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ciWorkflows } from "../../../src/analyzers/ci-workflows/ci-workflows.ts";
import { addedFile, analyzerInput, diffFiles } from "../diff-fixture.ts";

const CORPUS = resolve(import.meta.dirname, "../../../../shared/corpus");
const run = (path: string, yaml: string) => ciWorkflows.run(analyzerInput([addedFile(path, yaml)]));
const rules = async (path: string, yaml: string) =>
  (await run(path, yaml))
    .filter((f) => f.ruleId !== "ci-workflows/new-workflow")
    .map((f) => [f.ruleId, f.line]);

const GITHUB_SCRIPT = `on:
  issues:
    types: [opened]
jobs:
  triage:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea
        with:
          script: |
            const title = "\${{ github.event.issue.title }}";
            await github.rest.issues.addLabels({ ...context.repo, issue_number: context.issue.number, labels: [title] });
`;

describe("ci-workflows: GitHub's security-hardening rules", () => {
  it("flags an untrusted context expanded into actions/github-script's script, at its line", async () => {
    expect(await rules(".github/workflows/triage.yml", GITHUB_SCRIPT)).toEqual([
      ["ci-workflows/github-script-injection", 11],
    ]);
  });

  it("leaves github-script alone when the text comes through env, and other steps' scripts alone", async () => {
    const safe = GITHUB_SCRIPT.replace(
      // biome-ignore lint/suspicious/noTemplateCurlyInString: an Actions expression is the input.
      'const title = "${{ github.event.issue.title }}";',
      "const title = process.env.TITLE;",
    );
    expect(await rules(".github/workflows/triage.yml", safe)).toEqual([]);
    const other = GITHUB_SCRIPT.replace("actions/github-script@", "some-org/render@");
    expect((await rules(".github/workflows/triage.yml", other)).map(([rule]) => rule)).not.toContain(
      "ci-workflows/github-script-injection",
    );
  });

  it("sees a github-script injection added to an existing workflow", async () => {
    const diff = `
diff --git a/.github/workflows/welcome.yml b/.github/workflows/welcome.yml
index 1111111..2222222 100644
--- a/.github/workflows/welcome.yml
+++ b/.github/workflows/welcome.yml
@@ -8,4 +8,5 @@ jobs:
       - uses: actions/github-script@60a0d83039c74a4aee543508d2ffcb1c3799cdea
         with:
           script: |
+            console.log("\${{ github.event.pull_request.body }}");
             await github.rest.issues.createComment({ ...context.repo, issue_number: 1, body: "hi" });
`;
    const findings = await ciWorkflows.run(analyzerInput(diffFiles(diff)));
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([["ci-workflows/github-script-injection", 11]]);
  });

  it("flags the disabled ::set-env / ::add-path commands and re-enabling them", async () => {
    const yaml = `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    env:
      ACTIONS_ALLOW_UNSECURE_COMMANDS: true
    steps:
      - run: |
          echo "::set-env name=MAJOR::$major"
          echo "::add-path::/opt/tool/bin"
`;
    expect(await rules(".github/workflows/build.yml", yaml)).toEqual([
      ["ci-workflows/unsecure-commands-enabled", 6],
      ["ci-workflows/unsecure-command", 9],
      ["ci-workflows/unsecure-command", 10],
    ]);
  });

  it.skipIf(!existsSync(`${CORPUS}/prs/express-4251.diff`))(
    "flags ::set-env in the real express PR 4251 (skipped without ../shared/corpus)",
    async () => {
      const files = diffFiles(readFileSync(`${CORPUS}/prs/express-4251.diff`, "utf8"));
      const findings = await ciWorkflows.run(analyzerInput(files));
      expect(findings.filter((f) => f.ruleId === "ci-workflows/unsecure-command")).toMatchObject([
        { path: ".github/workflows/Test.yml", severity: "medium" },
      ]);
    },
  );

  it("flags workflow_run's head branch or commit message in a run: script", async () => {
    const yaml = `on:
  workflow_run:
    workflows: [CI]
    types: [completed]
jobs:
  report:
    runs-on: ubuntu-latest
    steps:
      - run: echo "Built \${{ github.event.workflow_run.head_branch }}"
      - run: echo "\${{ github.event.workflow_run.head_commit.message }}" > notes.txt
      - run: echo "\${{ github.event.workflow_run.conclusion }}"
`;
    expect(await rules(".github/workflows/report.yml", yaml)).toEqual([
      ["ci-workflows/privileged-trigger", 2],
      ["ci-workflows/workflow-run-injection", 9],
      ["ci-workflows/workflow-run-injection", 10],
    ]);
  });

  it("flags gh pr checkout and git fetch of pull/N/head in a pull_request_target job, not in pull_request", async () => {
    const yaml = (trigger: string) => `on:
  ${trigger}:
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: gh pr checkout \${{ github.event.number }}
      - run: git fetch origin pull/\${{ github.event.number }}/head:pr && git checkout pr
`;
    expect(await rules(".github/workflows/build.yml", yaml("pull_request_target"))).toEqual([
      ["ci-workflows/privileged-trigger", 2],
      ["ci-workflows/privileged-pr-fetch", 7],
      ["ci-workflows/privileged-pr-fetch", 8],
    ]);
    expect(await rules(".github/workflows/build.yml", yaml("pull_request"))).toEqual([]);
  });
});
