import { z } from "zod";
import { analyticsEnvSchema } from "./analytics-settings.ts";
import { cliEnvSchema } from "./cli-settings.ts";
import { githubEnvSchema } from "./github-settings.ts";
import { llmEnvSchema } from "./llm-settings.ts";
import { pricesEnvSchema } from "./read-price-table.ts";
import { queueEnvSchema } from "./read-queue-settings.ts";
import { storeEnvSchema } from "./read-store-settings.ts";
import { recoveryEnvSchema } from "./recovery-settings.ts";
import { serverEnvSchema } from "./server-settings.ts";

/**
 * Every environment variable PR Triage reads, in one schema: the README's table is checked
 * against it. Reading goes through readSettings, group by group.
 */
export const envSchema = z.object({
  ...serverEnvSchema.shape,
  ...githubEnvSchema.shape,
  ...llmEnvSchema.shape,
  ...pricesEnvSchema.shape,
  ...queueEnvSchema.shape,
  ...storeEnvSchema.shape,
  ...recoveryEnvSchema.shape,
  ...analyticsEnvSchema.shape,
  ...cliEnvSchema.shape,
});
