import { createHash } from "node:crypto";
import type { DiffFile } from "../diff/diff-model.ts";
import type { Finding } from "../findings/finding.ts";
import { lineContent } from "./line-content.ts";

/**
 * A finding's identity across pushes: what was found (rule, or the LLM's category) plus the code
 * it points at, not the line number, which shifts whenever lines are added above it. The same
 * issue on the same code gets the same fingerprint, so it is not posted again.
 */
export function fingerprint(finding: Finding, files: ReadonlyMap<string, DiffFile>): string {
  const what = finding.source === "llm" ? `llm:${finding.category}` : finding.ruleId;
  const code =
    finding.path !== null && finding.line !== null
      ? lineContent(files.get(finding.path), finding.line, finding.side)
      : "";
  const identity = `${what}\u0000${finding.path ?? ""}\u0000${code || (finding.path === null ? finding.title : "")}`;
  return createHash("sha256").update(identity).digest("hex").slice(0, 16);
}
