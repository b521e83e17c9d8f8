import { countTokens } from "gpt-tokenizer";
import type { DiffFile } from "../diff/diff-model.ts";
import { renderFileForModel } from "../diff/render-file-for-model.ts";

/** A file ready for the model, with the priority that decides what is sent first. */
export interface PackableFile {
  file: DiffFile;
  /** Lower is sent first (see `filePriority`). */
  priority: number;
}

export interface Chunk {
  files: string[];
  text: string;
  tokens: number;
}

export interface PackResult {
  chunks: Chunk[];
  /** Files (or parts of files) that did not fit, with the reason, for the coverage section. */
  skipped: { path: string; reason: string }[];
}

/** No rendered file (header plus one line) is smaller than this. */
const MIN_FILE_TOKENS = 12;

/**
 * Packs files into at most `maxChunks` chunks of at most `budget` tokens each, highest priority
 * first. A file that alone exceeds the budget is split between hunks, never inside one: half a
 * hunk gives the model wrong context and wrong line numbers.
 */
export function packChunks(files: readonly PackableFile[], budget: number, maxChunks: number): PackResult {
  const ordered = [...files].sort(
    (a, b) => a.priority - b.priority || a.file.path.localeCompare(b.file.path),
  );
  const chunks: Chunk[] = [];
  const skipped: PackResult["skipped"] = [];
  const place = (path: string, text: string, tokens: number): boolean => {
    const fits = chunks.find((chunk) => chunk.tokens + tokens <= budget);
    if (fits) {
      if (!fits.files.includes(path)) fits.files.push(path);
      fits.text += `\n${text}`;
      fits.tokens += tokens;
      return true;
    }
    if (chunks.length >= maxChunks) return false;
    chunks.push({ files: [path], text, tokens });
    return true;
  };
  const budgetUsed = `LLM budget used up (${maxChunks} request(s) of ${budget} tokens)`;

  for (const { file } of ordered) {
    // Once every request is full, don't render and tokenize the rest just to skip them.
    if (chunks.length >= maxChunks && chunks.every((chunk) => budget - chunk.tokens < MIN_FILE_TOKENS)) {
      skipped.push({ path: file.path, reason: budgetUsed });
      continue;
    }
    const whole = renderFileForModel(file);
    const tokens = countTokens(whole);
    if (tokens <= budget) {
      if (!place(file.path, whole, tokens)) skipped.push({ path: file.path, reason: budgetUsed });
      continue;
    }
    // Too big for one request: send it hunk group by hunk group.
    let group: DiffFile["hunks"] = [];
    let groupTokens = 0;
    const flush = (): boolean => {
      if (group.length === 0) return true;
      const text = renderFileForModel({ ...file, hunks: group });
      const ok = place(file.path, text, countTokens(text));
      if (!ok)
        skipped.push({ path: file.path, reason: `${budgetUsed}; ${describeHunks(group)} not reviewed` });
      group = [];
      groupTokens = 0;
      return ok;
    };
    for (const hunk of file.hunks) {
      const hunkTokens = countTokens(renderFileForModel({ ...file, hunks: [hunk] }));
      if (hunkTokens > budget) {
        flush();
        skipped.push({
          path: file.path,
          reason: `${describeHunks([hunk])} is ${hunkTokens} tokens, over the ${budget}-token budget`,
        });
        continue;
      }
      if (groupTokens + hunkTokens > budget) flush();
      group.push(hunk);
      groupTokens += hunkTokens;
    }
    flush();
  }
  return { chunks, skipped };
}

function describeHunks(hunks: DiffFile["hunks"]): string {
  const first = hunks[0];
  const last = hunks[hunks.length - 1];
  if (!first || !last) return "no lines";
  return `lines ${first.newStart}–${last.newStart + Math.max(0, last.newLines - 1)}`;
}
