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

/** Splits files into those the LLM reviews and those it skips, merging user globs with the defaults. */
export function filterFiles(files: readonly DiffFile[], userIgnores: readonly string[]): FilterResult {
  const matchers = [
    ...DEFAULT_IGNORES.map((rule) => ({ test: picomatch(rule.glob, { dot: true }), reason: rule.reason })),
    ...userIgnores.map((glob) => ({
      test: picomatch(glob, { dot: true }),
      reason: `ignored by config (${glob})`,
    })),
  ];
  const result: FilterResult = { reviewable: [], ignored: [] };
  for (const file of files) {
    const rule = matchers.find((m) => m.test(file.path));
    if (rule) result.ignored.push({ file, reason: rule.reason });
    else if (file.binary) result.ignored.push({ file, reason: "binary" });
    else if (file.status === "removed") result.ignored.push({ file, reason: "deleted file" });
    else if (file.patchMissing) result.ignored.push({ file, reason: "GitHub sent no patch (too large)" });
    else result.reviewable.push(file);
  }
  return result;
}
