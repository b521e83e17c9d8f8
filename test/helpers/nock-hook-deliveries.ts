import nock from "nock";

/**
 * Named nock helpers for the app-level endpoints the missed-delivery recovery calls, answering
 * as GitHub's REST reference documents them ("List deliveries for an app webhook", "Redeliver a
 * delivery for an app webhook", "List installations for the authenticated app", "List
 * repositories accessible to the app installation", "List pull requests", "List check runs for
 * a Git reference").
 */
const GITHUB_API = "https://api.github.com";

/** One delivery attempt, shaped like GitHub's documented example. */
export function hookDelivery(
  id: number,
  guid: string,
  deliveredAt: string,
  statusCode: number,
  event = "pull_request",
): Record<string, unknown> {
  return {
    id,
    guid,
    delivered_at: deliveredAt,
    redelivery: false,
    duration: 0.27,
    status:
      statusCode === 0
        ? "failed to connect"
        : statusCode < 300
          ? "OK"
          : `Invalid HTTP Response: ${statusCode}`,
    status_code: statusCode,
    event,
    action: event === "pull_request" ? "opened" : null,
    installation_id: 1,
    repository_id: 1296269,
    throttled_at: null,
  };
}

/** `GET /app/hook/deliveries`, one page per entry, linked by GitHub's `cursor` parameter. */
export function nockListHookDeliveries(pages: Record<string, unknown>[][]): nock.Scope {
  const scope = nock(GITHUB_API);
  pages.forEach((page, i) => {
    const query = i === 0 ? { per_page: "100" } : { per_page: "100", cursor: `v1_${i}` };
    const next =
      i + 1 < pages.length
        ? `<${GITHUB_API}/app/hook/deliveries?per_page=100&cursor=v1_${i + 1}>; rel="next"`
        : undefined;
    scope
      .get("/app/hook/deliveries")
      .query(query)
      .reply(200, page, next ? { link: next } : {});
  });
  return scope;
}

/** `POST /app/hook/deliveries/{delivery_id}/attempts`: 202 Accepted. */
export function nockRedeliver(deliveryId: number, status = 202): nock.Scope {
  return nock(GITHUB_API)
    .post(`/app/hook/deliveries/${deliveryId}/attempts`)
    .reply(status, status === 202 ? {} : { message: "Validation Failed" });
}

/** The app's installations, each one repository, and that repository's open PRs. */
export function nockOpenPulls(
  repo: { owner: string; name: string },
  pulls: Record<string, unknown>[],
): nock.Scope {
  return nock(GITHUB_API)
    .get("/app/installations")
    .query({ per_page: "100" })
    .reply(200, [{ id: 1, account: { login: repo.owner }, app_id: 1 }])
    .get("/installation/repositories")
    .query({ per_page: "100" })
    .reply(200, {
      total_count: 1,
      repositories: [
        {
          id: 1296269,
          name: repo.name,
          full_name: `${repo.owner}/${repo.name}`,
          owner: { login: repo.owner },
        },
      ],
    })
    .get(`/repos/${repo.owner}/${repo.name}/pulls`)
    .query(true)
    .reply(200, pulls);
}

/** `GET /repos/{owner}/{repo}/commits/{ref}/check-runs?check_name=PR Triage`. */
export function nockTriageChecks(
  repo: { owner: string; name: string },
  sha: string,
  count: number,
): nock.Scope {
  return nock(GITHUB_API)
    .get(`/repos/${repo.owner}/${repo.name}/commits/${sha}/check-runs`)
    .query({ check_name: "PR Triage", filter: "all", per_page: "1" })
    .reply(200, {
      total_count: count,
      check_runs: count > 0 ? [{ id: 5, name: "PR Triage", head_sha: sha }] : [],
    });
}
