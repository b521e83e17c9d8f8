import { describe, expect, it } from "vitest";
import type { DiffFile } from "../../src/diff/diff-model.ts";
import { parseFilePatch } from "../../src/diff/parse-file-patch.ts";
import type { Finding } from "../../src/findings/finding.ts";
import { fingerprint } from "../../src/review/fingerprint.ts";
import { llmSecurity, testFinding } from "../helpers/test-finding.ts";

function files(patch: string): ReadonlyMap<string, DiffFile> {
  const file = parseFilePatch({
    filename: "src/db.ts",
    status: "modified",
    additions: 1,
    deletions: 0,
    patch,
  });
  return new Map([[file.path, file]]);
}

const FIRST_PUSH = files(`@@ -1,2 +1,3 @@
 import { db } from "./db";
+const rows = db.query("SELECT * FROM t WHERE id = " + id);
 export { rows };`);
// Two lines added above: the same code is now on line 4.
const SECOND_PUSH = files(`@@ -1,2 +1,5 @@
 import { db } from "./db";
+// Loads the rows.
+const id = input();
+const rows = db.query("SELECT * FROM t WHERE id = " + id);
 export { rows };`);

/** The SQL-injection finding this file's fingerprints are about. */
const finding = (overrides: Partial<Finding>): Finding =>
  testFinding({
    ...llmSecurity,
    message: "Use a parameterized query.",
    path: "src/db.ts",
    confidence: 0.9,
    ...overrides,
  });

describe("fingerprint", () => {
  it("is 16 hex digits, the same for the same issue on the same code after the code moved down", () => {
    const before = fingerprint(finding({ line: 2 }), FIRST_PUSH);
    expect(before).toMatch(/^[0-9a-f]{16}$/);
    expect(fingerprint(finding({ line: 4, title: "Query built from user input" }), SECOND_PUSH)).toBe(before);
  });

  it("keys an LLM finding by its category, an analyzer finding by its rule", () => {
    const security = fingerprint(finding({}), FIRST_PUSH);
    expect(fingerprint(finding({ ruleId: "llm/other-wording" }), FIRST_PUSH)).toBe(security);
    expect(fingerprint(finding({ category: "correctness" }), FIRST_PUSH)).not.toBe(security);
    const analyzer = finding({ source: "analyzer", ruleId: "secrets/aws", category: "secrets" });
    expect(fingerprint({ ...analyzer, category: "other" }, FIRST_PUSH)).toBe(
      fingerprint(analyzer, FIRST_PUSH),
    );
    expect(fingerprint({ ...analyzer, ruleId: "secrets/gcp" }, FIRST_PUSH)).not.toBe(
      fingerprint(analyzer, FIRST_PUSH),
    );
  });

  it("tells apart the same rule on different code, and a PR-wide finding by its title", () => {
    expect(fingerprint(finding({ line: 1 }), FIRST_PUSH)).not.toBe(
      fingerprint(finding({ line: 2 }), FIRST_PUSH),
    );
    const prWide = finding({ path: null, line: null });
    expect(fingerprint(prWide, FIRST_PUSH)).toBe(fingerprint({ ...prWide, message: "reworded" }, FIRST_PUSH));
    expect(fingerprint({ ...prWide, title: "Another issue" }, FIRST_PUSH)).not.toBe(
      fingerprint(prWide, FIRST_PUSH),
    );
  });
});
