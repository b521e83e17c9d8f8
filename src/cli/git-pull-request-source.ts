import { readCodeowners } from "../codeowners/read-codeowners.ts";
import { CONFIG_PATH } from "../config/config-path.ts";
import { parseConfigYaml } from "../config/parse-config-yaml.ts";
import { readPolicies } from "../policies/read-policies.ts";
import type { PullRequestSource } from "../triage/pull-request-source.ts";
import { readOnce } from "../triage/read-once.ts";
import type { LocalPr } from "./collect-local-pr.ts";
import { git, gitOrNull } from "./git.ts";
import { gitHeadSource } from "./git-head-source.ts";
import { gitPolicySource } from "./git-policy-source.ts";
import { readChangedManifests } from "./read-changed-manifests.ts";

/**
 * The CLI's source: the local branch as `collectLocalPr` read it, with config, policies and
 * CODEOWNERS from the base ref (the PR's own edits never apply), exactly as in the app. Nothing
 * was posted before, so there is no earlier triage and the whole PR is reviewed.
 */
export function gitPullRequestSource(pr: LocalPr): PullRequestSource {
  const showAtBase = async (path: string) =>
    gitOrNull(pr.root, ["cat-file", "-e", `${pr.base}:${path}`]) === null
      ? null
      : git(pr.root, ["cat-file", "blob", `${pr.base}:${path}`]);
  const config = readOnce(async () => parseConfigYaml((await showAtBase(CONFIG_PATH)) ?? ""));
  return {
    pullRequest: async () => ({
      headSha: pr.headSha,
      baseRef: pr.base,
      pr: {
        author: pr.author,
        authorType: pr.author.endsWith("[bot]") ? "Bot" : "User",
        headRef: pr.headRef,
        title: pr.title,
        body: pr.body,
      },
    }),
    config,
    policies: readOnce(async () =>
      readPolicies(gitPolicySource(pr.root, pr.base), (await config()).config.policies.paths),
    ),
    codeowners: readOnce(() => readCodeowners(showAtBase)),
    files: async () => ({ files: pr.files, notListed: 0 }),
    contents: async (files) => readChangedManifests(pr.root, files, { base: pr.mergeBase, head: pr.headSha }),
    earlierTriage: async () => ({ previousState: null, alreadyPosted: new Set() }),
    head: async (searchFiles) => gitHeadSource(pr.root, pr.headSha, searchFiles),
  };
}
