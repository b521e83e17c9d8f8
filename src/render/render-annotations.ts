import { type Finding, severityRank } from "../findings/finding.ts";
import { sanitizeMarkdown } from "./sanitize-markdown.ts";

export interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  annotation_level: "notice" | "warning" | "failure";
  title: string;
  message: string;
}

/** GitHub accepts at most 50 annotations per check-run request. */
export const ANNOTATIONS_PER_REQUEST = 50;
const MAX_ANNOTATIONS = 150;

/**
 * Check annotations for the most severe findings that point at a line of the new code
 * (annotations always refer to the head commit, so removed-line findings cannot be shown).
 */
export function renderAnnotations(findings: readonly Finding[], host: string): CheckAnnotation[] {
  return findings
    .filter((f) => f.path !== null && f.line !== null && f.side === "RIGHT" && f.severity !== "info")
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity))
    .slice(0, MAX_ANNOTATIONS)
    .map((f) => ({
      path: f.path as string,
      start_line: f.startLine ?? (f.line as number),
      end_line: f.line as number,
      annotation_level:
        f.severity === "critical" || f.severity === "high"
          ? "failure"
          : f.severity === "medium"
            ? "warning"
            : "notice",
      title: sanitizeMarkdown(f.title, host).slice(0, 255),
      message: sanitizeMarkdown(f.message, host).slice(0, 64_000),
    }));
}

/** Splits annotations into request-sized batches. */
export function batchAnnotations(annotations: readonly CheckAnnotation[]): CheckAnnotation[][] {
  const batches: CheckAnnotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) {
    batches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
  }
  return batches;
}
