import { describe, expect, it } from "vitest";
import { ciWorkflows } from "../../../src/analyzers/ci-workflows/ci-workflows.ts";
import { addedFile, analyzerInput, diffFiles } from "../diff-fixture.ts";

const run = (path: string, yaml: string) => ciWorkflows.run(analyzerInput([addedFile(path, yaml)]));

const PWN_REQUEST = `name: Build
on:
  pull_request_target:
permissions: write-all
jobs:
  build:
    runs-on: [self-hosted, linux]
    steps:
      - uses: actions/checkout@v4
        with:
          ref: \${{ github.event.pull_request.head.sha }}
      - uses: some-org/lint-action@v1
      - run: |
          echo "\${{ github.event.pull_request.title }}"
          curl -H "Authorization: \${{ secrets.DEPLOY_TOKEN }}" https://deploy.example.com
`;

describe("ciWorkflows", () => {
  it("flags a pwn request and everything that makes it worse, at the right lines", async () => {
    const findings = await run(".github/workflows/build.yml", PWN_REQUEST);
    expect(findings.map((f) => [f.ruleId, f.line, f.severity])).toEqual([
      ["ci-workflows/privileged-checkout", 11, "critical"],
      ["ci-workflows/write-all", 4, "high"],
      ["ci-workflows/self-hosted-runner", 7, "high"],
      ["ci-workflows/script-injection", 14, "critical"],
      ["ci-workflows/secret-in-run", 15, "high"],
      ["ci-workflows/unpinned-action", 12, "medium"],
      ["ci-workflows/new-workflow", null, "medium"],
    ]);
  });

  it("flags network code run in CI with secrets in the step's env (express-7335's pattern)", async () => {
    const yaml = `on:
  pull_request:
jobs:
  gate:
    runs-on: ubuntu-latest
    steps:
      - name: Gate
        run: npx -y @getripple/cli@1.0.10 ci
        env:
          API_KEY: \${{ secrets.API_KEY }}
`;
    const findings = await run(".github/workflows/gate.yml", yaml);
    expect(findings.map((f) => [f.ruleId, f.line, f.severity])).toEqual([
      ["ci-workflows/remote-code", 8, "high"],
      ["ci-workflows/new-workflow", null, "medium"],
    ]);
  });

  it("stays quiet on a safe edit: pinned actions, secrets via env, pull_request", async () => {
    const diff = `
diff --git a/.github/workflows/ci.yml b/.github/workflows/ci.yml
index 1111111..2222222 100644
--- a/.github/workflows/ci.yml
+++ b/.github/workflows/ci.yml
@@ -8,5 +8,7 @@ jobs:
     steps:
       - uses: actions/checkout@v4
-      - uses: some-org/lint-action@v1
+      - uses: some-org/lint-action@0123456789abcdef0123456789abcdef01234567 # v1.2.0
+      - run: npm test
+        env:
+          TOKEN: \${{ secrets.TOKEN }}
       - run: npm run build
`;
    expect(await ciWorkflows.run(analyzerInput(diffFiles(diff)))).toEqual([]);
  });

  it("ignores workflows outside the root .github/workflows (GitHub never runs them)", async () => {
    expect(await run("examples/app/.github/workflows/cd.yml", PWN_REQUEST)).toEqual([]);
  });
});
