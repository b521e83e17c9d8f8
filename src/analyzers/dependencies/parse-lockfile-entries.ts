import type { LockfilePackages } from "lockfile-lint-api";
import { parse } from "yaml";
import { baseName } from "../../diff/file-kinds.ts";
import { lockfileLint } from "./lockfile-lint.ts";

type Table = Record<string, unknown>;

/** True for the lockfiles whose entries `parseLockfileEntries` reads. */
export function isParsedLockfile(path: string): boolean {
  return ["package-lock.json", "npm-shrinkwrap.json", "yarn.lock", "pnpm-lock.yaml"].includes(baseName(path));
}

/**
 * A lockfile's entries in lockfile-lint's shape (`name@version` → resolved, integrity), for its
 * validators: yarn through lockfile-lint's own parser; npm and pnpm here, because its npm parser
 * drops the scope of v1 entries (`@babel/code-frame` becomes `code-frame`, which its own name
 * check then flags) and it does not read pnpm at all. `null` when the text does not parse.
 */
export function parseLockfileEntries(path: string, text: string): LockfilePackages | null {
  const name = baseName(path);
  try {
    if (name === "pnpm-lock.yaml") return pnpmEntries(text);
    if (name === "yarn.lock")
      return new (lockfileLint().ParseLockfile)({ lockfileText: text, lockfileType: "yarn" }).parseSync()
        .object;
    return npmEntries(table(JSON.parse(text)));
  } catch {
    return null;
  }
}

/** v2/v3 `packages` keyed by install path (`node_modules/a/node_modules/@s/b`), else v1's nested `dependencies`. */
function npmEntries(lockfile: Table): LockfilePackages {
  const entries: LockfilePackages = {};
  const add = (name: string, value: unknown) => {
    const { version, resolved, integrity } = table(value);
    if (typeof version !== "string" || name === "") return;
    entries[`${name}@${version}`] = {
      version,
      ...(typeof resolved === "string" ? { resolved } : {}),
      ...(typeof integrity === "string" ? { integrity } : {}),
    };
  };
  const packages = table(lockfile.packages);
  if (Object.keys(packages).length > 0) {
    for (const [path, value] of Object.entries(packages)) {
      const at = path.lastIndexOf("node_modules/");
      if (at !== -1) add(path.slice(at + "node_modules/".length), value);
    }
    return entries;
  }
  const walk = (dependencies: unknown) => {
    for (const [name, value] of Object.entries(table(dependencies))) {
      add(name, value);
      walk(table(value).dependencies);
    }
  };
  walk(lockfile.dependencies);
  return entries;
}

/**
 * pnpm keys packages `/name@1.0.0` (v6), `name@1.0.0` (v9) or `/name/1.0.0` (v5); registry
 * tarballs carry only an integrity, other sources a `tarball` URL or a git `repo`.
 */
function pnpmEntries(text: string): LockfilePackages {
  const packages = table(table(parse(text)).packages);
  const entries: LockfilePackages = {};
  for (const [key, value] of Object.entries(packages)) {
    const resolution = table(table(value).resolution);
    const entry: LockfilePackages[string] = {};
    if (typeof resolution.integrity === "string") entry.integrity = resolution.integrity;
    if (typeof resolution.tarball === "string") entry.resolved = resolution.tarball;
    else if (typeof resolution.repo === "string") entry.resolved = gitUrl(resolution.repo);
    entries[pnpmName(key)] = entry;
  }
  return entries;
}

function pnpmName(key: string): string {
  const bare = key.replace(/^\//, "").replace(/\(.*$/, "");
  const v5 = /^((?:@[^/]+\/)?[^/@]+)\/(\d[^/]*)$/.exec(bare);
  return v5 ? `${v5[1]}@${v5[2]}` : bare;
}

function gitUrl(repo: string): string {
  return /^[a-z+]+:/.test(repo) ? (repo.startsWith("git") ? repo : `git+${repo}`) : `git+https://${repo}`;
}

function table(value: unknown): Table {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Table) : {};
}
