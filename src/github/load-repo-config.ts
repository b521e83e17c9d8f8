import { configSchema, defaultConfig, type TriageConfig } from "../config/config-schema.ts";
import type { ConfigProblem } from "../triage/triage-result.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

export const CONFIG_PATH = ".github/pr-triage.yml";

export interface LoadedConfig {
  config: TriageConfig;
  problems: ConfigProblem[];
}

/**
 * Reads `.github/pr-triage.yml` from the PR's base branch (the trust root: a PR must not
 * weaken its own review), with org defaults and `_extends` via Probot's config loader.
 * Invalid config never stops triage: the problem is reported and defaults are used.
 */
export async function loadRepoConfig(
  octokit: Octokit,
  repo: RepoRef,
  baseRef: string,
): Promise<LoadedConfig> {
  let raw: unknown;
  try {
    const { config } = await octokit.config.get({ ...repo, path: CONFIG_PATH, branch: baseRef });
    raw = config;
  } catch (error) {
    return {
      config: defaultConfig(),
      problems: [
        {
          file: CONFIG_PATH,
          keyPath: "(file)",
          problem:
            error instanceof Error
              ? error.message.replace(/^\[@probot\/octokit-plugin-config\] /, "")
              : String(error),
          fix: "Make the file valid YAML (check indentation and quoting); `npx pr-triage validate` shows the error locally.",
        },
      ],
    };
  }
  const parsed = configSchema.safeParse(raw ?? {});
  if (parsed.success) return { config: parsed.data, problems: [] };
  return {
    config: defaultConfig(),
    problems: parsed.error.issues.map((issue) => ({
      file: CONFIG_PATH,
      keyPath: issue.path.join(".") || "(root)",
      problem: issue.message,
      fix: "Correct or remove this key; see the configuration reference in the README.",
    })),
  };
}
