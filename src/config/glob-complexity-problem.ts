/** Longer globs are not written by hand; they are generated or hostile. */
const MAX_GLOB_LENGTH = 256;
/**
 * `*` wildcards in one path segment. Glob matchers compile to backtracking regular expressions,
 * whose cost grows with the file name's length to the power of this count: three already take
 * 60 ms on a 255-character name and six take seconds, with the event loop blocked (no webhook,
 * no health check answered). Two (`*auth*`) cover what repositories write.
 */
const MAX_STARS_PER_SEGMENT = 2;
/** `**` segments: each one multiplies the matcher's work by the path's depth. */
const MAX_GLOBSTARS = 4;
const MAX_BRACE_ALTERNATIVES = 20;

/**
 * Why a glob from a repository's config, policies or CODEOWNERS is refused before it is ever
 * compiled, or null when it is safe to match. The config parser reports the problem and drops the
 * glob, so one repository's glob cannot stall the app for every installation.
 */
export function globComplexityProblem(glob: string): string | null {
  if (glob.length > MAX_GLOB_LENGTH) {
    return `The glob is ${glob.length} characters long; at most ${MAX_GLOB_LENGTH} are allowed.`;
  }
  if (/[@!+*?]\(/.test(glob)) {
    return "Extended globs such as `@(a|b)` or `+(x)` are not supported; use braces (`{a,b}`) or several globs.";
  }
  const segments = glob.split("/");
  const globstars = segments.filter((segment) => segment === "**").length;
  if (globstars > MAX_GLOBSTARS) {
    return `The glob has ${globstars} \`**\` segments; at most ${MAX_GLOBSTARS} are allowed.`;
  }
  for (const segment of segments) {
    if (segment === "**") continue;
    const stars = segment.replace(/\\./g, "").match(/\*+/g)?.length ?? 0;
    if (stars > MAX_STARS_PER_SEGMENT) {
      return `The path segment \`${segment.slice(0, 40)}\` has ${stars} \`*\` wildcards; at most ${MAX_STARS_PER_SEGMENT} per segment are allowed (matching cost grows exponentially with them). Split it into several globs.`;
    }
  }
  const alternatives = (glob.match(/[{,]/g) ?? []).length;
  if (/\{[^}]*\{/.test(glob) || alternatives > MAX_BRACE_ALTERNATIVES) {
    return `Nested braces, or more than ${MAX_BRACE_ALTERNATIVES} brace alternatives, are not supported; list the globs separately.`;
  }
  return null;
}
