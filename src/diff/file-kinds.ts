/** Basename of a repository path, for rules that care about the file's name, not its folder. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

const PROSE = /\.(md|mdx|mdc|markdown|txt|rst|adoc|asciidoc|org|textile)$/i;
const PROSE_NAMES =
  /^(readme|license|licence|copying|notice|authors|contributors|changelog|history|\.cursorrules|\.windsurfrules|\.clinerules|\.rules|\.goosehints)$/i;

/**
 * Text written for people (docs, rules files). Typography there legitimately uses NBSP, soft
 * hyphens and any script, so the "looks blank / looks Latin" checks are kept for code.
 */
export function isProseFile(path: string): boolean {
  const name = baseName(path);
  return PROSE.test(name) || PROSE_NAMES.test(name);
}

const STRUCTURED_CONFIG = /\.(json|jsonc|json5|ya?ml|toml)$/i;

/** JSON, YAML and TOML: formats where `\uXXXX` escapes silently become the real character. */
export function isStructuredConfig(path: string): boolean {
  return STRUCTURED_CONFIG.test(baseName(path));
}

const LOCKFILES = new Set([
  "package-lock.json",
  "npm-shrinkwrap.json",
  "yarn.lock",
  "pnpm-lock.yaml",
  "bun.lock",
  "bun.lockb",
  "Cargo.lock",
  "Gemfile.lock",
  "poetry.lock",
  "uv.lock",
  "composer.lock",
  "go.sum",
  "Pipfile.lock",
]);

export function isLockfile(path: string): boolean {
  return LOCKFILES.has(baseName(path));
}

const TEST_PATH =
  /(^|\/)(test|tests|__tests__|spec|specs|e2e|testing|testdata|fixtures?)\/|[._-](test|spec)\.[a-z0-9]+$|(^|\/)test_[^/]+\.py$|_test\.(go|py|rb|exs?)$/i;

export function isTestFile(path: string): boolean {
  return TEST_PATH.test(path);
}

const SOURCE =
  /\.(c|cc|cpp|cs|cxx|go|h|hpp|java|js|jsx|kt|kts|m|mjs|cjs|mm|php|py|rb|rs|scala|sh|swift|ts|tsx|mts|cts|vue|svelte|ex|exs|erl|hs|lua|pl|r|dart|zig)$/i;

/** Program source (not docs, config or data), the code a test would cover. */
export function isSourceFile(path: string): boolean {
  return SOURCE.test(baseName(path));
}
