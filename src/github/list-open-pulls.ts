import type { Octokit, RepoRef } from "./octokit.ts";

/** An open PR the reconciliation may enqueue. */
export interface OpenPull extends RepoRef {
  installationId: number;
  pullNumber: number;
  headSha: string;
  updatedAt: string;
  draft: boolean;
}

/**
 * Open PRs updated since `since`, most recently updated first, across every installation and
 * repository the app can see; at most `max` in all. The app JWT lists installations; each
 * installation's own client lists its repositories and their PRs.
 */
export async function listOpenPulls(
  appOctokit: Octokit,
  installationOctokit: (installationId: number) => Promise<Octokit>,
  bounds: { since: number; max: number },
): Promise<OpenPull[]> {
  const found: OpenPull[] = [];
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  for (const installation of installations) {
    const octokit = await installationOctokit(installation.id);
    const repos = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, {
      per_page: 100,
    });
    for (const repo of repos) {
      const { data: pulls } = await octokit.rest.pulls.list({
        owner: repo.owner.login,
        repo: repo.name,
        state: "open",
        sort: "updated",
        direction: "desc",
        per_page: Math.min(100, bounds.max),
      });
      for (const pull of pulls) {
        if (Date.parse(pull.updated_at) < bounds.since) break;
        found.push({
          installationId: installation.id,
          owner: repo.owner.login,
          repo: repo.name,
          pullNumber: pull.number,
          headSha: pull.head.sha,
          updatedAt: pull.updated_at,
          draft: pull.draft === true,
        });
        if (found.length >= bounds.max) return found;
      }
    }
  }
  return found;
}
