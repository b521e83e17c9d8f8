import type { z } from "zod";
import { SettingsError } from "./settings-error.ts";

/** Validates the variables one group reads; throws a SettingsError naming every bad one. */
export function parseEnv<Schema extends z.ZodType>(schema: Schema, env: NodeJS.ProcessEnv): z.output<Schema> {
  const parsed = schema.safeParse(env);
  if (parsed.success) return parsed.data;
  throw new SettingsError(parsed.error.issues.map((issue) => issue.message));
}
