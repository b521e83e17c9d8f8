import type { z } from "zod";

/**
 * zod reports a value that fits no branch of a union as one `invalid_union` issue at the union's
 * key. When the value has the shape of one branch (a list for `ignore: [...]`), that branch's own
 * issues say exactly which entry is wrong, so only that entry is dropped, not the whole key.
 */
export function flattenUnionIssue(issue: z.core.$ZodIssue): z.core.$ZodIssue[] {
  if (issue.code !== "invalid_union") return [issue];
  const matching = issue.errors.filter(
    (branch) => !branch.some((inner) => inner.code === "invalid_type" && inner.path.length === 0),
  );
  const branch = matching[0];
  if (matching.length !== 1 || !branch) return [issue];
  return branch.flatMap((inner) => flattenUnionIssue({ ...inner, path: [...issue.path, ...inner.path] }));
}
