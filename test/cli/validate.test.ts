import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { captureIo, createTempGitRepo, type TempGitRepo } from "./temp-git-repo.ts";

const BROKEN_CONFIG = `review:
  maxInlineComents: 3
risk:
  sensitivePaths:
    - pattern: "src/auth/**"
      weight: high
      reason: Auth
routing:
  high:
    teams: [backend-leads]
`;

describe("pr-triage validate", () => {
  let repo: TempGitRepo;
  beforeEach(() => {
    repo = createTempGitRepo();
  });
  afterEach(() => repo.remove());

  it("reports a broken config with each key path, what is wrong and how to fix it", async () => {
    repo.write(".github/pr-triage.yml", BROKEN_CONFIG);
    repo.write(".github/pr-triage/policies/sql.md", "---\nseverity: urgent\n---\nParameterize SQL.\n");
    const run = captureIo(repo.dir);

    expect(await runCli(["validate"], run.io)).toBe(1);

    const out = run.stdout();
    expect(out).toContain(
      "✗ .github/pr-triage.yml\n  review.maxInlineComents: Unknown key `maxInlineComents`.\n    fix: Did you mean `maxInlineComments`?",
    );
    expect(out).toContain(
      '  risk.sensitivePaths[0].weight: Expected a whole number from 0 to 100, got "high".',
    );
    expect(out).toContain(
      '✗ .github/pr-triage/policies/sql.md\n  severity: Expected one of `info`, `low`, `medium`, `high`, `critical`, got "urgent".',
    );
    expect(out).toContain("3 problem(s).");
  });

  it("passes the example policy set", async () => {
    const run = captureIo(fileURLToPath(new URL("../../", import.meta.url)));
    expect(await runCli(["validate", "examples/typescript-service"], run.io)).toBe(0);
    expect(run.stdout()).toContain("Policies:   5 from .github/pr-triage/policies/*.md");
    expect(run.stdout()).toContain("✓ No problems found.");
  });

  it("prints JSON with --json", async () => {
    repo.write(".github/pr-triage.yml", "labels: maybe\n");
    const run = captureIo(repo.dir);
    expect(await runCli(["validate", ".", "--json"], run.io)).toBe(1);
    const report = JSON.parse(run.stdout());
    expect(report.ok).toBe(false);
    expect(report.config.effective.labels).toBe(true);
    expect(report.problems).toEqual([expect.objectContaining({ keyPath: "labels" })]);
  });

  it("rejects an unknown command or a missing directory with usage help", async () => {
    const run = captureIo(repo.dir);
    expect(await runCli(["lint"], run.io)).toBe(2);
    expect(run.stderr()).toContain('Unknown command "lint": expected `validate`, `review` or `flow`.');
    expect(await runCli(["validate", "nope"], run.io)).toBe(2);
    expect(run.stderr()).toContain('validate expected a directory, got "nope"');
  });

  it("runs through the bin launcher, as `npx pr-triage` does", () => {
    repo.write(".github/pr-triage.yml", BROKEN_CONFIG);
    const bin = fileURLToPath(new URL("../../bin/pr-triage.js", import.meta.url));
    let stdout = "";
    let status = 0;
    try {
      execFileSync(process.execPath, [bin, "validate", repo.dir], { encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      ({ stdout, status } = error as { stdout: string; status: number });
    }
    expect(status).toBe(1);
    expect(stdout).toContain("review.maxInlineComents: Unknown key");
  });
});
