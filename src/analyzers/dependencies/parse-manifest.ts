import { baseName } from "../../diff/file-kinds.ts";
import type { ParsedManifest } from "./declared-dependency.ts";
import { parseCargoToml } from "./parse-cargo-toml.ts";
import { parseGitmodules } from "./parse-gitmodules.ts";
import { parseGoMod } from "./parse-go-mod.ts";
import { parsePackageJson } from "./parse-package-json.ts";
import { parsePyproject } from "./parse-pyproject.ts";
import { parseRequirements } from "./parse-requirements.ts";

const PARSERS: { test: (name: string) => boolean; parse: (text: string) => ParsedManifest | null }[] = [
  { test: (name) => name === "package.json", parse: parsePackageJson },
  { test: (name) => /^requirements[\w.-]*\.txt$/.test(name), parse: parseRequirements },
  { test: (name) => name === "pyproject.toml", parse: parsePyproject },
  { test: (name) => name === "go.mod", parse: parseGoMod },
  { test: (name) => name === "Cargo.toml", parse: parseCargoToml },
  { test: (name) => name === ".gitmodules", parse: parseGitmodules },
];

/** True for the manifests `parseManifest` reads. */
export function isParsedManifest(path: string): boolean {
  const name = baseName(path);
  return PARSERS.some((parser) => parser.test(name));
}

/**
 * Parses a manifest by its file name. `undefined`: not a manifest kind we read; `null`: one we
 * read, but this text does not parse.
 */
export function parseManifest(path: string, text: string): ParsedManifest | null | undefined {
  const name = baseName(path);
  return PARSERS.find((parser) => parser.test(name))?.parse(text);
}
