/** A PEP 508 requirement split into its normalized name and the rest (version, URL, markers). */
export function parsePep508(requirement: string): { name: string; spec: string } | null {
  const match = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/.exec(requirement);
  if (!match?.[1]) return null;
  const rest = (match[3] ?? "").trim();
  // `name @ https://…` installs from a URL: keep just the URL, the part that matters.
  const url = /^@\s*(\S+)/.exec(rest)?.[1];
  return { name: normalizePythonName(match[1]), spec: url ?? rest };
}

/** PyPI treats `Foo_Bar`, `foo.bar` and `foo-bar` as one project (PEP 503). */
export function normalizePythonName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}
