import picomatch from "picomatch";
import type { DiffFile } from "./diff-model.ts";

/**
 * Files nobody reviews line by line: lockfiles, minified, generated, vendored, build output and
 * binaries. The LLM skips them and they do not count as hand-written size or untested source;
 * they still reach the deterministic analyzers (a lockfile change is a supply-chain signal).
 */
const DEFAULT_IGNORES: readonly { glob: string; reason: string }[] = [
  {
    glob: "**/{package-lock.json,npm-shrinkwrap.json,yarn.lock,pnpm-lock.yaml,bun.lockb,bun.lock}",
    reason: "lockfile",
  },
  {
    glob: "**/{Cargo.lock,Gemfile.lock,poetry.lock,uv.lock,composer.lock,go.sum,Pipfile.lock}",
    reason: "lockfile",
  },
  { glob: "**/*.min.{js,css}", reason: "minified" },
  { glob: "**/*.{map,snap}", reason: "generated" },
  { glob: "**/__snapshots__/**", reason: "snapshot" },
  { glob: "**/{vendor,node_modules,third_party}/**", reason: "vendored" },
  { glob: "**/{dist,build}/**", reason: "build output" },
  { glob: "**/*.{generated,gen}.*", reason: "generated" },
  {
    glob: "**/*.{png,jpg,jpeg,gif,webp,ico,pdf,zip,gz,tgz,jar,woff,woff2,ttf,eot,mp4,mp3,wasm,exe,dll,so,dylib}",
    reason: "binary",
  },
];

/** Code generators' conventional markers (`// Code generated … DO NOT EDIT.`, `@generated`). */
const GENERATED_HEADER = /@generated\b|\bDO NOT EDIT\b|auto-?generated\b.*\bdo not (edit|modify)\b/i;
const HEADER_LINES = 5;

type Matcher = { test: (path: string) => boolean; reason: string };
const matchersByIgnores = new Map<string, Matcher[]>();

/**
 * Why `file` is generated or ignored, or `null` for a hand-written file: the config's `ignore`
 * globs added to the defaults (never replacing them), then a generator header in the first
 * lines of the new file. A user glob without a slash (`*.pb.go`) matches the file name at any
 * depth, as in `.gitignore`; one with a slash matches the whole path.
 */
export function generatedReason(file: DiffFile, userIgnores: readonly string[]): string | null {
  const reason = matchersFor(userIgnores).find((matcher) => matcher.test(file.path))?.reason;
  if (reason !== undefined) return reason;
  const first = file.hunks[0];
  if (first?.newStart !== 1) return null;
  const header = first.lines.filter((line) => line.newLine !== null && line.newLine <= HEADER_LINES);
  return header.some((line) => GENERATED_HEADER.test(line.content)) ? "generated (header says so)" : null;
}

function matchersFor(userIgnores: readonly string[]): Matcher[] {
  const key = JSON.stringify(userIgnores);
  const cached = matchersByIgnores.get(key);
  if (cached) return cached;
  const matchers = [
    ...DEFAULT_IGNORES.map((rule) => ({ test: picomatch(rule.glob, { dot: true }), reason: rule.reason })),
    ...userIgnores.map((glob) => ({
      test: picomatch(glob, { dot: true, basename: !glob.includes("/") }),
      reason: `ignored by config (${glob})`,
    })),
  ];
  // Configs come from many repositories in a long-running app: keep the cache small.
  if (matchersByIgnores.size > 100) matchersByIgnores.clear();
  matchersByIgnores.set(key, matchers);
  return matchers;
}
