import { readAnalyticsSettings } from "./analytics-settings.ts";
import { readCliSettings } from "./cli-settings.ts";
import { readGithubSettings } from "./github-settings.ts";
import { readLlmSettings } from "./llm-settings.ts";
import { readPriceTable } from "./read-price-table.ts";
import { readQueueSettings } from "./read-queue-settings.ts";
import { readStoreSettings } from "./read-store-settings.ts";
import { readRecoverySettings } from "./recovery-settings.ts";
import { readServerSettings } from "./server-settings.ts";
import { SettingsError } from "./settings-error.ts";

// In this order problems are listed: the insecure and the malformed first, as the start-up check always did.
const READERS = {
  server: readServerSettings,
  github: readGithubSettings,
  llm: readLlmSettings,
  llmPrices: readPriceTable,
  queue: readQueueSettings,
  store: readStoreSettings,
  recovery: readRecoverySettings,
  analytics: readAnalyticsSettings,
  cli: readCliSettings,
} as const;

export type SettingsGroup = keyof typeof READERS;

/** Everything the environment configures, one typed group per reader. */
export type Settings = { [Group in SettingsGroup]: ReturnType<(typeof READERS)[Group]> };

/** What the CLI reads: the server's checks where they apply (no queue, store, recovery or dashboard). */
export const CLI_GROUPS = ["cli", "github", "llm", "llmPrices"] as const satisfies readonly SettingsGroup[];

/** What the server reads. */
export const SERVER_GROUPS = [
  "server",
  "github",
  "llm",
  "llmPrices",
  "queue",
  "store",
  "recovery",
  "analytics",
] as const satisfies readonly SettingsGroup[];

export type SettingsResult<Group extends SettingsGroup> =
  | { ok: true; settings: Pick<Settings, Group> }
  | { ok: false; problems: string[] };

/**
 * The one reader of the environment, for the server and the CLI: validates every variable of the
 * groups asked for (the server's by default) and returns them typed, or every problem at once, each saying
 * what was expected, what was found and how to fix it.
 */
export function readSettings<Group extends SettingsGroup = (typeof SERVER_GROUPS)[number]>(
  env: NodeJS.ProcessEnv,
  groups: readonly Group[] = SERVER_GROUPS as readonly SettingsGroup[] as readonly Group[],
): SettingsResult<Group> {
  const settings: Partial<Record<SettingsGroup, unknown>> = {};
  const problems: string[] = [];
  for (const group of groups) {
    try {
      settings[group] = READERS[group](env);
    } catch (error) {
      if (!(error instanceof SettingsError)) throw error;
      problems.push(...error.problems);
    }
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, settings: settings as Pick<Settings, Group> };
}

/** readSettings for callers that stop on the first bad environment: throws a SettingsError listing every problem. */
export function readSettingsOrThrow<Group extends SettingsGroup>(
  env: NodeJS.ProcessEnv,
  groups: readonly Group[],
): Pick<Settings, Group> {
  const read = readSettings(env, groups);
  if (!read.ok) throw new SettingsError(read.problems);
  return read.settings;
}
