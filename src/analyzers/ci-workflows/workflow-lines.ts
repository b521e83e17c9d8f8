import type { DiffFile } from "../../diff/diff-model.ts";

const RUN_START = /^(\s*)(-\s+)?run\s*:\s*(.*)$/;
/** A line that begins a step (a list item of `steps:`). */
export const STEP_START = /^\s*-\s/;
/** A `${{ secrets.* }}` expression: the line hands a repository secret to the step. */
export const SECRET_EXPRESSION = /\$\{\{\s*secrets\./;

/** A new-side line of a workflow file. */
export interface WorkflowLine {
  line: number;
  content: string;
  added: boolean;
  /** True when the line is part of a `run:` shell script. */
  inRun: boolean;
}

/** The new side of every hunk, marking which lines belong to a `run:` script block. */
export function workflowLines(file: DiffFile): WorkflowLine[] {
  const out: WorkflowLine[] = [];
  for (const hunk of file.hunks) {
    let runIndent: number | null = null;
    for (const line of hunk.lines) {
      if (line.kind === "del" || line.newLine === null) continue;
      const indent = line.content.search(/\S/);
      const start = RUN_START.exec(line.content);
      let inRun = false;
      if (start) {
        // `run: echo hi` is a one-line script; `run: |` opens a block of deeper-indented lines.
        runIndent = (start[1]?.length ?? 0) + (start[2]?.length ?? 0);
        inRun = true;
      } else if (runIndent !== null && (indent > runIndent || indent === -1)) {
        inRun = true;
      } else {
        runIndent = null;
      }
      out.push({ line: line.newLine, content: line.content, added: line.kind === "add", inRun });
    }
  }
  return out;
}
