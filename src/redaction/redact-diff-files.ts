import type { DiffFile } from "../diff/diff-model.ts";
import { replaceRanges } from "./redact-text.ts";

/** A secret's place on one new-file line: 0-based [start, end) columns. */
export interface SecretSpan {
  path: string;
  line: number;
  start: number;
  end: number;
}

/**
 * The diff model with every secret span blanked out of the new side's lines, so what is
 * rendered for the model never holds a secret, whatever rendering or chunking follows. Files
 * without a span are returned as they are.
 */
export function redactDiffFiles(files: readonly DiffFile[], spans: readonly SecretSpan[]): DiffFile[] {
  const byFile = new Map<string, Map<number, [number, number][]>>();
  for (const span of spans) {
    const lines = byFile.get(span.path) ?? new Map<number, [number, number][]>();
    lines.set(span.line, [...(lines.get(span.line) ?? []), [span.start, span.end]]);
    byFile.set(span.path, lines);
  }
  return files.map((file) => {
    const lines = byFile.get(file.path);
    if (!lines) return file;
    return {
      ...file,
      hunks: file.hunks.map((hunk) => ({
        ...hunk,
        lines: hunk.lines.map((line) => {
          const ranges = line.kind === "del" || line.newLine === null ? undefined : lines.get(line.newLine);
          return ranges ? { ...line, content: replaceRanges(line.content, ranges) } : line;
        }),
      })),
    };
  });
}
