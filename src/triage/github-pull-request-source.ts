import type { Logger } from "probot";
import type { AppIdentity } from "../github/app-identity.ts";
import { compareHeads } from "../github/compare-heads.ts";
import { findSummaryComment, type SummaryComment } from "../github/find-summary-comment.ts";
import { githubHeadSource } from "../github/github-head-source.ts";
import { listPostedFingerprints } from "../github/list-posted-fingerprints.ts";
import { listPrFiles } from "../github/list-pr-files.ts";
import { loadChangedManifests } from "../github/load-changed-manifests.ts";
import { loadCodeowners } from "../github/load-codeowners.ts";
import { loadPolicies } from "../github/load-policies.ts";
import { loadRepoConfig } from "../github/load-repo-config.ts";
import type { Octokit, RepoRef } from "../github/octokit.ts";
import { decodeSummaryState } from "../render/summary-state.ts";
import type { PullRequestSource } from "./pull-request-source.ts";
import { readOnce } from "./read-once.ts";

/** A pull request as GitHub's REST API returns it. */
export type GithubPull = Awaited<ReturnType<Octokit["rest"]["pulls"]["get"]>>["data"];

/** The app's source, with the GitHub facts the job and the publish step need besides the core's. */
export interface GithubPullRequestSource extends PullRequestSource {
  /** The PR as GitHub had it when first asked: state, draft, labels, URLs. */
  pull(): Promise<GithubPull>;
  /** This app's summary comment on the PR, which publishing updates; null before the first triage. */
  summaryComment(): Promise<SummaryComment | null>;
}

/**
 * Reads one pull request through the installation's Octokit: config, policies and CODEOWNERS
 * from the base branch, files and manifests at the PR's SHAs, and what this app (`identity`,
 * never another bot) posted on earlier pushes.
 */
export function githubPullRequestSource(
  octokit: Octokit,
  repo: RepoRef,
  pullNumber: number,
  options: { identity: AppIdentity; log: Pick<Logger, "info"> },
): GithubPullRequestSource {
  const pull = readOnce(
    async () => (await octokit.rest.pulls.get({ ...repo, pull_number: pullNumber })).data,
  );
  const config = readOnce(async () => loadRepoConfig(octokit, repo, (await pull()).base.ref));
  const summaryComment = readOnce(() => findSummaryComment(octokit, repo, pullNumber, options.identity));
  const headSha = async () => (await pull()).head.sha;
  return {
    pull,
    summaryComment,
    pullRequest: readOnce(async () => {
      const pr = await pull();
      return {
        headSha: pr.head.sha,
        baseRef: pr.base.ref,
        pr: {
          author: pr.user.login,
          authorType: pr.user.type,
          headRef: pr.head.ref,
          title: pr.title,
          body: pr.body ?? "",
        },
      };
    }),
    config,
    policies: readOnce(async () =>
      loadPolicies(octokit, repo, (await pull()).base.ref, (await config()).config.policies.paths),
    ),
    codeowners: readOnce(async () => loadCodeowners(octokit, repo, (await pull()).base.ref)),
    files: readOnce(async () => {
      const { files, unlisted } = await listPrFiles(octokit, repo, pullNumber, (await pull()).changed_files);
      return { files, notListed: unlisted };
    }),
    async contents(files) {
      const pr = await pull();
      const manifests = await loadChangedManifests(octokit, repo, files, {
        base: pr.base.sha,
        head: pr.head.sha,
      });
      if (manifests.skipped.length > 0)
        options.log.info({ skipped: manifests.skipped }, "dependency files read from the diff only");
      return manifests.contents;
    },
    earlierTriage: readOnce(async () => ({
      previousState: decodeSummaryState((await summaryComment())?.body),
      alreadyPosted: await listPostedFingerprints(octokit, repo, pullNumber, options.identity),
    })),
    head: async (searchFiles) => githubHeadSource(octokit, repo, await headSha(), searchFiles),
    compareHeads: async (since) => compareHeads(octokit, repo, since, await headSha()),
  };
}
