/**
 * Merges config files from least to most specific (an `_extends` target or the org's `.github`
 * repository first, the repository's own file last), the order Probot's config loader hands
 * them over. Mappings merge key by key at every depth; a list or a scalar in a more specific
 * file replaces the inherited one whole. Lists are not concatenated: a repository must be able to
 * drop an org-wide ignore glob or reviewer, and `[]` is how it says so.
 */
export function mergeConfigLayers(layers: readonly unknown[]): unknown {
  let merged: unknown = {};
  for (const layer of layers) merged = mergeTwo(merged, layer);
  return merged;
}

function mergeTwo(base: unknown, override: unknown): unknown {
  if (override === undefined) return base;
  if (!isMapping(base) || !isMapping(override)) return override;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) result[key] = mergeTwo(base[key], value);
  return result;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}
