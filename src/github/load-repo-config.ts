import { CONFIG_PATH } from "../config/config-path.ts";
import type { ConfigProblem } from "../config/config-problem.ts";
import { defaultConfig } from "../config/config-schema.ts";
import { mergeConfigLayers } from "../config/merge-config-layers.ts";
import { type LoadedConfig, parseConfig } from "../config/parse-config.ts";
import { invalidYamlProblem } from "../config/parse-config-yaml.ts";
import { httpStatus } from "../errors/http-status.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

/**
 * Reads `.github/pr-triage.yml` from the PR's base branch (the trust root: a PR must not weaken
 * its own review), with org defaults from the owner's `.github` repository and `_extends`, via
 * Probot's config loader. The layers merge deeply (see `mergeConfigLayers`). Invalid config
 * never stops triage: each invalid key is reported and falls back to its default.
 */
export async function loadRepoConfig(
  octokit: Octokit,
  repo: RepoRef,
  baseRef: string,
): Promise<LoadedConfig> {
  let raw: unknown;
  let file = CONFIG_PATH;
  try {
    const result = await octokit.config.get({
      ...repo,
      path: CONFIG_PATH,
      branch: baseRef,
      defaults: (layers) => mergeConfigLayers(layers) as Record<string, unknown>,
    });
    raw = result.config;
    file = describeSources(result.files, repo);
  } catch (error) {
    return { config: defaultConfig(), problems: [loaderProblem(error, repo)] };
  }
  return parseConfig(raw, file);
}

interface LoadedFile {
  owner: string;
  repo: string;
  path: string;
  config: unknown;
}

/** Names the files the settings came from, so a problem row points at the file to edit. */
function describeSources(files: readonly LoadedFile[], repo: RepoRef): string {
  const names = files
    .filter((f) => f.config !== null)
    .map((f) => (f.owner === repo.owner && f.repo === repo.repo ? f.path : `${f.owner}/${f.repo}:${f.path}`));
  return names.length === 0 ? CONFIG_PATH : names.join(" + ");
}

function loaderProblem(error: unknown, repo: RepoRef): ConfigProblem {
  const message =
    error instanceof Error
      ? error.message.replace(/^\[@probot\/octokit-plugin-config\] /, "")
      : String(error);
  const file = fileFromMessage(message, repo);
  if (message.includes("(invalid YAML)")) {
    return invalidYamlProblem((error as { cause?: unknown }).cause ?? error, file);
  }
  if (message.includes("_extends")) {
    return {
      file,
      keyPath: "_extends",
      problem: message.replace(/https:\/\/\S+/g, file),
      fix: "Use `repo`, `owner/repo` or `repo:path/to/file.yml`, and make sure the chain does not loop. All defaults are used until then.",
    };
  }
  const status = httpStatus(error);
  if (typeof status === "number") {
    return {
      file,
      keyPath: "(file)",
      problem: `GitHub answered HTTP ${status} when reading the config: ${message.split("\n")[0]}`,
      fix: "Check that the app can read repository contents. Triage used the defaults; the next push or `/triage` reads the file again.",
    };
  }
  return {
    file,
    keyPath: "(file)",
    problem: message.replace(/https:\/\/\S+/g, file),
    fix: "Make the file a YAML mapping of keys (see docs/configuration.md); `npx pr-triage validate` checks it locally. All defaults are used until then.",
  };
}

/** The loader's messages name the file by API URL; reviewers know it by path. */
function fileFromMessage(message: string, repo: RepoRef): string {
  const match = /\/repos\/([^/]+)\/([^/]+)\/contents\/([^?\s)]+)/.exec(message);
  if (!match) return CONFIG_PATH;
  const [, owner = "", name = "", path = ""] = match;
  const decoded = decodeURIComponent(path);
  return owner === repo.owner && name === repo.repo ? decoded : `${owner}/${name}:${decoded}`;
}
