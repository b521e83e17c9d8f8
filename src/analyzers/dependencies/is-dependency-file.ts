import { isParsedLockfile } from "./parse-lockfile-entries.ts";
import { isParsedManifest } from "./parse-manifest.ts";

/** Files whose full text the dependency checks read at base and head: manifests, lockfiles, `.gitmodules`. */
export function isDependencyFile(path: string): boolean {
  return isParsedManifest(path) || isParsedLockfile(path);
}
