import { z } from "zod";

/** A variable read as text: surrounding whitespace dropped, empty treated as unset. */
export const textVar = z
  .string()
  .optional()
  .transform((raw) => raw?.trim() || undefined);

/** A variable read as it is (keys, secrets and hosts that other libraries read untrimmed too). */
export const rawVar = z.string().optional();

/**
 * A whole number of at least `min`; unset or blank is `fallback`. The message names the variable,
 * the bound, what was found and the default, so the fix is in the error.
 */
export function wholeNumberVar(name: string, fallback: number, min: number) {
  return z
    .string()
    .optional()
    .transform((raw, ctx) => {
      if (raw === undefined || raw.trim() === "") return fallback;
      const value = Number(raw);
      if (Number.isInteger(value) && value >= min) return value;
      ctx.addIssue({
        code: "custom",
        message: `${name} must be a whole number of at least ${min}, got "${raw}". Unset it to use ${fallback}.`,
      });
      return z.NEVER;
    })
    .meta({ envDefault: String(fallback) });
}

/** Several whole-number variables at once, each named by its key: `{ NAME: [fallback, min] }`. */
export function wholeNumberVars<K extends string>(spec: Record<K, readonly [fallback: number, min: number]>) {
  return Object.fromEntries(
    Object.entries<readonly [number, number]>(spec).map(([name, [fallback, min]]) => [
      name,
      wholeNumberVar(name, fallback, min),
    ]),
  ) as Record<K, ReturnType<typeof wholeNumberVar>>;
}
