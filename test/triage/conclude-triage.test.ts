import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/config-schema.ts";
import type { DiffFile } from "../../src/diff/diff-model.ts";
import type { Finding } from "../../src/findings/finding.ts";
import { concludeTriage } from "../../src/triage/conclude-triage.ts";
import type { PreparedTriage } from "../../src/triage/prepare-triage.ts";

function fileWith(lines: string[], start: number): DiffFile {
  return {
    path: "src/db.ts",
    oldPath: "src/db.ts",
    status: "modified",
    binary: false,
    patchMissing: false,
    oldMode: null,
    newMode: null,
    additions: lines.length,
    deletions: 0,
    hunks: [
      {
        oldStart: start,
        oldLines: 0,
        newStart: start,
        newLines: lines.length,
        section: "",
        lines: lines.map((content, i) => ({
          kind: "add" as const,
          content,
          oldLine: null,
          newLine: start + i,
        })),
      },
    ],
  };
}

function llmFinding(line: number): Finding {
  return {
    ruleId: "llm/security",
    source: "llm",
    severity: "high",
    category: "security",
    // The model words the same issue differently on each push.
    title: line === 2 ? "SQL injection" : "Query built from user input",
    message: "Use a parameterized query.",
    path: "src/db.ts",
    line,
    startLine: null,
    side: "RIGHT",
    confidence: 0.9,
    riskFloor: 0,
    policy: null,
  };
}

const prepared: PreparedTriage = {
  secrets: [],
  analyzerFindings: [],
  pack: { chunks: [], skipped: [] },
  analyzersOnly: [],
};
const llm = {
  mode: "ok" as const,
  model: "m",
  usage: { inputTokens: 1, cachedTokens: 0, outputTokens: 1, requests: 1 },
  costUsd: 0,
};

describe("concludeTriage across two pushes", () => {
  it("does not post the same issue again when the code moved down, and reports the delta", () => {
    const code = ["import db from './db';", "db.query('SELECT * FROM t WHERE id=' + id);"];
    const first = concludeTriage({
      headSha: "aaa1111",
      files: [fileWith(code, 1)],
      config: defaultConfig(),
      prepared,
      llm,
      llmFindings: [llmFinding(2)],
      configProblems: [],
    });
    expect(first.inline).toHaveLength(1);
    const postedFp = first.fingerprints.get(first.inline[0]?.finding as Finding) as string;

    // Second push: three lines added above, so the same code is now on line 5.
    const second = concludeTriage({
      headSha: "bbb2222",
      files: [fileWith(["// a", "// b", "// c", ...code], 1)],
      config: defaultConfig(),
      prepared,
      llm,
      llmFindings: [llmFinding(5)],
      configProblems: [],
      alreadyPosted: new Set([postedFp]),
      previousState: first.state,
    });
    expect(second.inline).toEqual([]);
    expect(second.summaryOnly).toEqual([
      { finding: expect.objectContaining({ line: 5 }), reason: "already commented on an earlier push" },
    ]);
    expect(second.delta).toEqual({ previousHead: "aaa1111", added: 0, stillOpen: 1, fixed: [] });
  });

  it("reports fixed findings by title when they disappear", () => {
    const previousState = { headSha: "aaa1111", findings: { deadbeefdeadbeef: "Hard-coded password" } };
    const result = concludeTriage({
      headSha: "ccc3333",
      files: [],
      config: defaultConfig(),
      prepared,
      llm,
      llmFindings: [],
      configProblems: [],
      previousState,
    });
    expect(result.delta).toEqual({
      previousHead: "aaa1111",
      added: 0,
      stillOpen: 0,
      fixed: ["Hard-coded password"],
    });
  });
});

describe("concludeTriage redaction", () => {
  it("masks secret values in every finding before anything can be posted", () => {
    const secret = "sk_live_51HqLyjWDarjtT1zdp7dcXYZ";
    const result = concludeTriage({
      headSha: "ddd4444",
      files: [],
      config: defaultConfig(),
      prepared: {
        ...prepared,
        secrets: [secret],
        analyzerFindings: [
          {
            ...llmFinding(2),
            source: "analyzer",
            ruleId: "ci/run",
            message: `step runs \`curl -H ${secret}\``,
          },
        ],
      },
      llm,
      llmFindings: [{ ...llmFinding(3), title: `Key ${secret} committed` }],
      configProblems: [],
    });
    expect(JSON.stringify(result.findings)).not.toContain(secret);
    expect(result.findings.map((f) => `${f.title} ${f.message}`).join(" ")).toContain("[REDACTED SECRET]");
  });
});
