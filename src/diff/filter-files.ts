import picomatch from "picomatch";
import type { DiffFile } from "./diff-model.ts";

/**
 * Files the LLM should not spend tokens on. They still reach the deterministic analyzers:
 * a lockfile change is exactly what the supply-chain checks want to see.
 */
export const DEFAULT_IGNORES: readonly { glob: string; reason: string }[] = [
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

export interface FilterResult {
  reviewable: DiffFile[];
  ignored: { file: DiffFile; reason: string }[];
}

/**
 * Splits files into those the LLM reviews and those it skips, each skip with the reason the
 * summary's coverage section shows. The user's globs are added to the defaults, never replace
 * them. A user glob without a slash (`*.pb.go`) matches the file name at any depth, as in
 * `.gitignore`; one with a slash matches the whole path.
 */
export function filterFiles(files: readonly DiffFile[], userIgnores: readonly string[]): FilterResult {
  const matchers = [
    ...DEFAULT_IGNORES.map((rule) => ({ test: picomatch(rule.glob, { dot: true }), reason: rule.reason })),
    ...userIgnores.map((glob) => ({
      test: picomatch(glob, { dot: true, basename: !glob.includes("/") }),
      reason: `ignored by config (${glob})`,
    })),
  ];
  const result: FilterResult = { reviewable: [], ignored: [] };
  for (const file of files) {
    const reason = matchers.find((m) => m.test(file.path))?.reason ?? unreviewableReason(file);
    if (reason === null) result.reviewable.push(file);
    else result.ignored.push({ file, reason });
  }
  return result;
}

/** Why a file has nothing for the LLM to read, or `null` when it has lines to review. */
function unreviewableReason(file: DiffFile): string | null {
  if (file.binary) return file.patchMissingReason ?? "binary file";
  if (file.status === "removed") return "deleted file";
  if (file.patchMissing) return file.patchMissingReason ?? "GitHub sent no patch (too large)";
  if (file.hunks.length > 0) return null;
  if (file.status === "renamed" || file.status === "copied") return `${file.status} without changes`;
  if (file.oldMode !== null && file.newMode !== null && file.oldMode !== file.newMode) {
    return `mode change only (${file.oldMode} → ${file.newMode})`;
  }
  return "no changed lines (empty file)";
}
