import type { LockfilePackages } from "lockfile-lint-api";
import type { Finding } from "../../findings/finding.ts";
import { ruleFinding } from "../rule-finding.ts";
import { DEPENDENCY_RULES } from "./dependency-rules.ts";
import { escapeRegExp, findLine } from "./find-line.ts";
import { lockfileLint } from "./lockfile-lint.ts";

/** Sources that skip the registry's immutable, integrity-checked tarballs, or travel in clear text. */
const UNSAFE_SOURCE = /^(git\+ssh|git\+https?|git|ssh|http):/;
const SHOWN = 10;
const {
  lockfileUnsafeSource: UNSAFE,
  lockfileUntrustedHost: UNTRUSTED_HOST,
  lockfileNameMismatch: NAME_MISMATCH,
  lockfileWeakIntegrity: WEAK_INTEGRITY,
} = DEPENDENCY_RULES;

/**
 * lockfile-lint's checks, on the entries the PR adds or changes only: old lockfiles are full of
 * sha1 hashes and mirrors nobody can fix in this PR, so whole-file checks would be noise.
 */
export function lockfileEntryFindings(
  path: string,
  base: LockfilePackages | null,
  head: LockfilePackages,
  headText: string,
  allowedHosts: readonly string[],
): Finding[] {
  const changed = changedEntries(base ?? {}, head);
  const keys = Object.keys(changed);
  if (keys.length === 0) return [];
  const { ValidateHost, ValidateIntegrity, ValidatePackageNames } = lockfileLint();
  const lines = headText.split(/\r?\n/);
  const lineOf = (key: string) => {
    const resolved = changed[key]?.resolved;
    return resolved ? findLine(lines, new RegExp(escapeRegExp(resolved))) : null;
  };
  const findings: Finding[] = [];
  const unsafe = keys.filter((key) => UNSAFE_SOURCE.test(changed[key]?.resolved ?? ""));
  const registryEntries = pick(changed, (key) => !unsafe.includes(key));
  const offHost = new ValidateHost({ packages: registryEntries })
    .validate([...allowedHosts], { emptyHostname: true })
    .errors.map((error) => error.package);
  if (unsafe.length > 0) {
    findings.push(
      ruleFinding(UNSAFE, {
        title: `Lockfile installs ${unsafe.length} ${plural(unsafe.length, "package")} from git or plain HTTP: ${path}`,
        message: `${list(unsafe, changed)}. ${UNSAFE.why} ${UNSAFE.fix}`,
        path,
        line: firstLine(unsafe, lineOf),
      }),
    );
  }
  if (offHost.length > 0) {
    const hosts = [...new Set(offHost.map((key) => hostOf(changed[key]?.resolved)))];
    findings.push(
      ruleFinding(UNTRUSTED_HOST, {
        title: `Lockfile resolves packages from ${plural(hosts.length, "an unexpected host", `${hosts.length} unexpected hosts`)}: ${hosts.join(", ")}`,
        message: `${list(offHost, changed)}. Allowed registries: ${allowedHosts.join(", ")} (config \`dependencies.allowedRegistries\`). An entry pointing elsewhere downloads code nobody reviewed. ${UNTRUSTED_HOST.fix}`,
        path,
        line: firstLine(offHost, lineOf),
      }),
    );
  }
  for (const key of keys) {
    const entry = changed[key];
    if (!entry || new ValidatePackageNames({ packages: { [key]: entry } }).validate().errors.length === 0)
      continue;
    findings.push(
      ruleFinding(NAME_MISMATCH, {
        title: `${NAME_MISMATCH.title}: ${packageName(key)}`,
        message: `The entry \`${packageName(key)}\` downloads \`${entry.resolved ?? ""}\`, a tarball of a different package. That is how a hand-edited lockfile swaps in malicious code under a trusted name. ${NAME_MISMATCH.fix}`,
        path,
        line: lineOf(key),
      }),
    );
  }
  const weak = [
    ...new ValidateIntegrity({ packages: registryEntries }).validate().errors.map((error) => error.package),
    ...Object.keys(registryEntries).filter(
      (key) =>
        registryEntries[key]?.integrity === undefined && /^https:/.test(registryEntries[key]?.resolved ?? ""),
    ),
  ];
  if (weak.length > 0) {
    findings.push(
      ruleFinding(WEAK_INTEGRITY, {
        title: `${WEAK_INTEGRITY.title}: ${path}`,
        message: `${list(weak, changed, (entry) => entry.integrity?.split("-")[0] ?? "no integrity")}. ${WEAK_INTEGRITY.why} ${WEAK_INTEGRITY.fix}`,
        path,
        line: firstLine(weak, lineOf),
      }),
    );
  }
  return findings;
}

/** Entries that are new or differ from the base (a version bump yields a new key). */
function changedEntries(base: LockfilePackages, head: LockfilePackages): LockfilePackages {
  return pick(head, (key) => JSON.stringify(base[key]) !== JSON.stringify(head[key]));
}

function pick(packages: LockfilePackages, keep: (key: string) => boolean): LockfilePackages {
  return Object.fromEntries(Object.entries(packages).filter(([key]) => keep(key)));
}

/** `name@1.0.0-<hash>` (lockfile-lint's npm key) or `name@^1.0.0` (yarn's) → `name`. */
function packageName(key: string): string {
  return key.startsWith("@") ? `@${key.slice(1).split("@")[0]}` : (key.split("@")[0] ?? key);
}

function list(
  keys: readonly string[],
  entries: LockfilePackages,
  detail: (entry: LockfilePackages[string]) => string = (entry) => entry.resolved ?? "",
): string {
  const shown = keys.slice(0, SHOWN).map((key) => {
    const entry = entries[key];
    return `\`${packageName(key)}\` (${entry ? detail(entry).slice(0, 120) : ""})`;
  });
  return `${shown.join(", ")}${keys.length > SHOWN ? ` and ${keys.length - SHOWN} more` : ""}`;
}

function hostOf(url: string | undefined): string {
  try {
    return new URL(url ?? "").host || (url ?? "");
  } catch {
    return url ?? "";
  }
}

function firstLine(keys: readonly string[], lineOf: (key: string) => number | null): number | null {
  for (const key of keys) {
    const line = lineOf(key);
    if (line !== null) return line;
  }
  return null;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return count === 1 ? one : many;
}
