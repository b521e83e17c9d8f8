import { seededRandom } from "../test/helpers/seeded-random.ts";
/** Shape of a synthetic pull request diff. */
export interface GeneratedDiffOptions {
  files: number;
  /** Changed lines (additions + deletions) over the whole diff, spread evenly over the files. */
  changedLines: number;
  seed: number;
}

/**
 * Writes a synthetic `git diff` as GitHub would serve it, for benchmarks: mostly modified
 * source files with a few hunks each, plus the mix real PRs have (new, deleted and renamed
 * files, binaries, a CRLF file, a missing final newline). Deterministic for a given seed.
 */
export function generatePrDiff(options: GeneratedDiffOptions): string {
  const random = seededRandom(options.seed);
  const isBinary = (index: number) => index % 50 === 7;
  let textFiles = 0;
  for (let index = 0; index < options.files; index++) if (!isBinary(index)) textFiles++;
  // Spread the changed lines exactly: the first `extra` text files take one more line.
  const base = Math.floor(options.changedLines / Math.max(1, textFiles));
  let extra = options.changedLines - base * textFiles;
  const out: string[] = [];
  for (let index = 0; index < options.files; index++) {
    const path = `packages/pkg-${index % 40}/src/module-${index}/file-${index}.ts`;
    if (isBinary(index)) {
      out.push(binaryFile(path.replace(/\.ts$/, ".png")));
      continue;
    }
    const changed = Math.max(1, base + (extra-- > 0 ? 1 : 0));
    const kind = index % 50;
    if (kind === 11) out.push(newFile(path, changed, random));
    else if (kind === 13) out.push(deletedFile(path, changed, random));
    else
      out.push(modifiedFile(path, changed, random, kind === 17 ? "renamed" : kind === 19 ? "crlf" : "plain"));
  }
  return out.join("");
}

function modifiedFile(
  path: string,
  changed: number,
  random: () => number,
  variant: "plain" | "renamed" | "crlf",
): string {
  const oldPath = variant === "renamed" ? path.replace("/src/", "/lib/") : path;
  const eol = variant === "crlf" ? "\r" : "";
  const header =
    variant === "renamed"
      ? `diff --git a/${oldPath} b/${path}\nsimilarity index 88%\nrename from ${oldPath}\nrename to ${path}\nindex 1a2b3c4..5d6e7f8 100644\n`
      : `diff --git a/${path} b/${path}\nindex 1a2b3c4..5d6e7f8 100644\n`;
  const hunkCount = 1 + Math.floor(random() * 3);
  let body = `--- a/${oldPath}\n+++ b/${path}\n`;
  let oldLine = 1 + Math.floor(random() * 20);
  let newLine = oldLine;
  let left = changed;
  for (let h = 0; h < hunkCount && left > 0; h++) {
    const size = h === hunkCount - 1 ? left : Math.max(1, Math.floor(left / (hunkCount - h)));
    left -= size;
    const deletions = Math.floor(size * 0.35);
    const additions = size - deletions;
    const lines: string[] = [];
    for (let c = 0; c < 3; c++) lines.push(` ${codeLine(random)}${eol}`);
    for (let d = 0; d < deletions; d++) lines.push(`-${codeLine(random)}${eol}`);
    for (let a = 0; a < additions; a++) lines.push(`+${codeLine(random)}${eol}`);
    for (let c = 0; c < 3; c++) lines.push(` ${codeLine(random)}${eol}`);
    body += `@@ -${oldLine},${deletions + 6} +${newLine},${additions + 6} @@ export function handler${h}(input: Input) {\n${lines.join("\n")}\n`;
    const gap = 20 + Math.floor(random() * 40);
    oldLine += deletions + 6 + gap;
    newLine += additions + 6 + gap;
  }
  return header + body;
}

function newFile(path: string, changed: number, random: () => number): string {
  const lines = Array.from({ length: changed }, () => `+${codeLine(random)}`);
  return `diff --git a/${path} b/${path}\nnew file mode 100644\nindex 0000000..5d6e7f8\n--- /dev/null\n+++ b/${path}\n@@ -0,0 +1,${changed} @@\n${lines.join("\n")}\n\\ No newline at end of file\n`;
}

function deletedFile(path: string, changed: number, random: () => number): string {
  const lines = Array.from({ length: changed }, () => `-${codeLine(random)}`);
  return `diff --git a/${path} b/${path}\ndeleted file mode 100644\nindex 5d6e7f8..0000000\n--- a/${path}\n+++ /dev/null\n@@ -1,${changed} +0,0 @@\n${lines.join("\n")}\n`;
}

function binaryFile(path: string): string {
  return `diff --git a/${path} b/${path}\nindex 1a2b3c4..5d6e7f8 100644\nBinary files a/${path} and b/${path} differ\n`;
}

const WORDS = ["user", "token", "request", "config", "value", "result", "item", "cache", "index", "buffer"];

function codeLine(random: () => number): string {
  const pick = () => WORDS[Math.floor(random() * WORDS.length)] ?? "value";
  const indent = "  ".repeat(1 + Math.floor(random() * 3));
  return `${indent}const ${pick()}${Math.floor(random() * 1000)} = await ${pick()}.get(${pick()}, { retries: ${Math.floor(random() * 5)} });`;
}
