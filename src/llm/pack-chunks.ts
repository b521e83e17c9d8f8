import { countTokens } from "gpt-tokenizer";

/** A file ready for the model, with the priority that decides what is sent first. */
export interface PackableFile {
  path: string;
  rendered: string;
  /** Lower is sent first: sensitive paths and source before tests, docs and generated files. */
  priority: number;
}

export interface PackResult {
  chunks: { files: string[]; text: string; tokens: number }[];
  /** Files that did not fit in the budget, with the reason, for the coverage section. */
  skipped: { path: string; reason: string }[];
}

/**
 * Packs whole files into at most `maxChunks` chunks of at most `budget` tokens each, by priority.
 * A file is never split: a half-shown hunk gives the model wrong context and wrong lines.
 */
export function packChunks(files: readonly PackableFile[], budget: number, maxChunks: number): PackResult {
  const ordered = [...files].sort((a, b) => a.priority - b.priority || a.path.localeCompare(b.path));
  const chunks: PackResult["chunks"] = [];
  const skipped: PackResult["skipped"] = [];
  for (const file of ordered) {
    const tokens = countTokens(file.rendered);
    if (tokens > budget) {
      skipped.push({ path: file.path, reason: `diff is ${tokens} tokens, over the ${budget}-token budget` });
      continue;
    }
    const fits = chunks.find((chunk) => chunk.tokens + tokens <= budget);
    if (fits) {
      fits.files.push(file.path);
      fits.text += `\n${file.rendered}`;
      fits.tokens += tokens;
    } else if (chunks.length < maxChunks) {
      chunks.push({ files: [file.path], text: file.rendered, tokens });
    } else {
      skipped.push({
        path: file.path,
        reason: `LLM budget used up (${maxChunks} requests of ${budget} tokens)`,
      });
    }
  }
  return { chunks, skipped };
}
