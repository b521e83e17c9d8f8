import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from "yaml";
import type { DiffFile } from "../../diff/diff-model.ts";

/** A workflow whose whole text the diff shows (an added file), parsed with the `yaml` package. */
export interface WorkflowDocument {
  /** Event names under `on:` (string, list and map forms). */
  triggers: Set<string>;
  /** Every `actions/github-script` step's `script:` with the new-file line where each of its lines starts. */
  githubScripts: { text: string; firstLine: number }[];
}

/**
 * Parses the workflow when the diff holds all of it: only an added file's single hunk does. A
 * modified file shows fragments, which the line-based rules read instead; returns null then, and
 * for YAML that does not parse (GitHub would reject the workflow anyway).
 */
export function workflowDocument(file: DiffFile): WorkflowDocument | null {
  const [hunk, ...rest] = file.hunks;
  if (file.status !== "added" || !hunk || rest.length > 0 || hunk.newStart > 1) return null;
  const text = hunk.lines.map((line) => line.content).join("\n");
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) return null;
  const root = document.toJS() as { on?: unknown; jobs?: unknown } | null;
  return {
    triggers: triggerNames(root?.on),
    githubScripts: githubScripts(document.contents, lineCounter),
  };
}

function triggerNames(on: unknown): Set<string> {
  if (typeof on === "string") return new Set([on]);
  if (Array.isArray(on)) return new Set(on.filter((name): name is string => typeof name === "string"));
  if (on && typeof on === "object") return new Set(Object.keys(on));
  return new Set();
}

function githubScripts(root: Node | null, lines: LineCounter): WorkflowDocument["githubScripts"] {
  const out: WorkflowDocument["githubScripts"] = [];
  const jobs = isMap(root) ? root.get("jobs", true) : null;
  if (!isMap(jobs)) return out;
  for (const job of jobs.items) {
    const steps = isMap(job.value) ? job.value.get("steps", true) : null;
    if (!isSeq(steps)) continue;
    for (const step of steps.items) {
      if (!isMap(step)) continue;
      const uses = step.get("uses");
      if (typeof uses !== "string" || !uses.startsWith("actions/github-script@")) continue;
      const inputs = step.get("with", true);
      const script = isMap(inputs) ? inputs.get("script", true) : null;
      if (!isScalar(script) || typeof script.value !== "string" || !script.range) continue;
      // A block scalar (`script: |`) starts on the line after its indicator.
      const indicatorLine = lines.linePos(script.range[0]).line;
      const block = script.type === "BLOCK_LITERAL" || script.type === "BLOCK_FOLDED";
      out.push({ text: script.value, firstLine: block ? indicatorLine + 1 : indicatorLine });
    }
  }
  return out;
}
