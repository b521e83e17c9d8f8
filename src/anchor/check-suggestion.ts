import type { DiffFile } from "../diff/diff-model.ts";
import type { Finding } from "../findings/finding.ts";
import type { Anchor } from "./anchor-finding.ts";

/** Whether a finding's replacement can be posted as a one-click GitHub suggestion. */
export type SuggestionCheck = { applies: true; current: string[] } | { applies: false; reason: string };

/**
 * A suggestion replaces lines `startLine`…`line` of the head file when a reviewer commits it.
 * It is offered only when that exact range (not a snapped or clamped one) lies inside one hunk
 * on the RIGHT side, so every line it replaces is known from the diff (`current`), and when it
 * actually changes them. Anything else is shown as a plain code block, never as a suggestion.
 */
export function checkSuggestion(
  finding: Finding,
  anchor: Anchor,
  file: DiffFile | undefined,
): SuggestionCheck {
  if (finding.replacement === undefined) return refuse("no replacement was proposed");
  if (anchor.side !== "RIGHT") return refuse("it is about removed lines");
  if (anchor.moved) return refuse("the comment was moved off the lines it is about");
  const first = finding.startLine ?? finding.line;
  if (first === null || anchor.line !== finding.line || (anchor.startLine ?? anchor.line) !== first) {
    return refuse("its range reaches outside the diff");
  }
  if (!file) return refuse("the file is not in the diff");
  for (const hunk of file.hunks) {
    const byLine = new Map<number, string>();
    for (const line of hunk.lines) if (line.newLine !== null) byLine.set(line.newLine, line.content);
    if (!byLine.has(first) && !byLine.has(anchor.line)) continue;
    const current: string[] = [];
    for (let n = first; n <= anchor.line; n++) {
      const content = byLine.get(n);
      if (content === undefined) return refuse("its range spans more than one hunk");
      current.push(content);
    }
    if (current.join("\n") === finding.replacement.replace(/\r?\n$/, "")) {
      return refuse("it would not change the lines");
    }
    return { applies: true, current };
  }
  return refuse("its range is not inside a hunk");
}

function refuse(reason: string): SuggestionCheck {
  return { applies: false, reason };
}
