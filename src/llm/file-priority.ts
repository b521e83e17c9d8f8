import picomatch from "picomatch";
import type { DiffFile } from "../diff/diff-model.ts";

const TEST_PATH = /(^|\/)(test|tests|__tests__|spec|specs)\/|[._-](test|spec)\.[a-z]+$/i;
const DOC_PATH = /\.(md|mdx|txt|rst|adoc)$|(^|\/)docs?\//i;
const GENERATED_PATH = /(^|\/)(generated|gen|__generated__)\/|\.(generated|gen|pb)\.[a-z]+$|\.d\.ts$/i;
// Agent instructions and CI are written in Markdown/YAML but are as dangerous as code.
const ALWAYS_FIRST =
  /(^|\/)(\.github\/workflows\/|AGENTS\.md$|CLAUDE\.md$|GEMINI\.md$|\.cursorrules$|\.cursor\/|mcp\.json$)/i;

/**
 * The order a reviewer with little time reads a PR: sensitive paths, then source, then tests,
 * docs and generated files. Lower numbers are sent to the model first.
 */
export function filePriority(file: DiffFile, sensitiveGlobs: readonly string[]): number {
  if (sensitiveGlobs.length > 0 && picomatch(sensitiveGlobs as string[], { dot: true })(file.path)) return 0;
  if (ALWAYS_FIRST.test(file.path)) return 0;
  if (GENERATED_PATH.test(file.path)) return 4;
  if (TEST_PATH.test(file.path)) return 2;
  if (DOC_PATH.test(file.path)) return 3;
  return 1;
}
