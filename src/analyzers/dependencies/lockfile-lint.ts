import { createRequire } from "node:module";

type LockfileLint = typeof import("lockfile-lint-api");
let loaded: LockfileLint | undefined;

/**
 * lockfile-lint-api, loaded on first use: it costs ~12 MB and ~150 ms to load, and most PRs
 * change no lockfile, so the app should not pay for it at start-up or on every triage.
 */
export function lockfileLint(): LockfileLint {
  loaded ??= createRequire(import.meta.url)("lockfile-lint-api") as LockfileLint;
  return loaded;
}
