import { editDistance } from "./edit-distance.ts";

/** Separators and common suffixes that squatters add or drop (`cross-env` → `crossenv`). */
function skeleton(name: string): string {
  return name.toLowerCase().replace(/[-_.]/g, "").replace(/js$/, "");
}

/**
 * The popular package a name imitates, or null. Exact popular names are never squats; short
 * names are left alone because at 1–4 letters every edit lands on some real package.
 */
export function findTyposquatTarget(
  name: string,
  popular: readonly string[],
  knownNeighbors: readonly string[] = [],
): string | null {
  const lower = name.toLowerCase();
  if (popular.includes(lower) || knownNeighbors.includes(lower)) return null;
  const bare = lower.replace(/^@[^/]+\//, "");
  for (const target of popular) {
    const targetBare = target.replace(/^@[^/]+\//, "");
    if (targetBare.length < 5) continue;
    // `@evil/lodash` is a squat only if its scope mimics the target's; `@acme/react` is fine.
    if (lower !== bare && bare === targetBare && !target.startsWith("@")) continue;
    const limit = targetBare.length >= 10 ? 2 : 1;
    if (editDistance(lower, target, limit) <= limit) return target;
    if (lower === bare && skeleton(bare) === skeleton(targetBare) && bare !== targetBare) return target;
  }
  return null;
}
