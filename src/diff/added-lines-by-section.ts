import type { Hunk } from "./diff-model.ts";

/** An added line of a JSON manifest, with the name of the object it sits in (if the diff shows it). */
export interface SectionedLine {
  line: number;
  content: string;
  section: string | null;
}

const OPENER = /^\s*"([^"]+)"\s*:\s*\{\s*$/;
const CLOSER = /^\s*\}/;

/**
 * Which top-level object (`dependencies`, `scripts`, ...) each added line of a package.json sits
 * in, read from the hunk's own lines and git's section header. Lines whose object opened outside
 * the hunk and its header get `null`: guessing there would invent dependencies.
 */
export function addedLinesBySection(hunks: readonly Hunk[]): SectionedLine[] {
  const out: SectionedLine[] = [];
  for (const hunk of hunks) {
    let section = OPENER.exec(hunk.section)?.[1] ?? null;
    for (const line of hunk.lines) {
      if (line.kind === "del") continue;
      const opened = OPENER.exec(line.content);
      if (opened) {
        section = opened[1] ?? null;
        continue;
      }
      if (CLOSER.test(line.content)) {
        section = null;
        continue;
      }
      if (line.kind === "add" && line.newLine !== null) {
        out.push({ line: line.newLine, content: line.content, section });
      }
    }
  }
  return out;
}
