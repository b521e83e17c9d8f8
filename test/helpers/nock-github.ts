import nock from "nock";
import { type PostedComment, whyUnprocessable } from "./commentable-lines.ts";

/** Named nock helpers for the GitHub REST calls PR Triage makes. Each returns its scope. */
const GITHUB_API = "https://api.github.com";
const REPO_PATH = "/repos/Codertocat/Hello-World";

/**
 * `GET /app` with the app's JWT: each app reads its bot login once, before its first triage.
 * Persisted, since tests that stop before a triage never ask.
 */
export function nockGetApp(slug = "pr-triage"): nock.Scope {
  return nock(GITHUB_API).persist().get("/app").reply(200, { id: 1, slug });
}

export function nockAccessToken(installationId = 1): nock.Scope {
  return nock(GITHUB_API)
    .post(`/app/installations/${installationId}/access_tokens`)
    .reply(201, { token: "ghs_testtoken", expires_at: "2099-01-01T00:00:00Z", permissions: {} });
}

export function nockGetPull(pull: Record<string, unknown>, times = 2): nock.Scope {
  return nock(GITHUB_API).get(`${REPO_PATH}/pulls/${pull.number}`).times(times).reply(200, pull);
}

export function nockConfig(yamlText: string | null, ref = "master"): nock.Scope {
  const scope = nock(GITHUB_API);
  if (yamlText === null) {
    scope.get(`${REPO_PATH}/contents/.github%2Fpr-triage.yml`).query({ ref }).reply(404);
    scope.get("/repos/Codertocat/.github/contents/.github%2Fpr-triage.yml").reply(404);
    return scope;
  }
  return scope.get(`${REPO_PATH}/contents/.github%2Fpr-triage.yml`).query({ ref }).reply(200, yamlText);
}

export function nockListFiles(pullNumber: number, files: unknown[]): nock.Scope {
  return nock(GITHUB_API)
    .get(`${REPO_PATH}/pulls/${pullNumber}/files`)
    .query({ per_page: 100 })
    .reply(200, files);
}

export function nockCreateCheckRun(capture: (body: Record<string, unknown>) => void = () => {}): nock.Scope {
  return nock(GITHUB_API)
    .post(`${REPO_PATH}/check-runs`, (body) => {
      capture(body);
      return true;
    })
    .reply(201, { id: 77 });
}

export function nockUpdateCheckRun(capture: (body: Record<string, unknown>) => void): nock.Scope {
  return nock(GITHUB_API)
    .patch(`${REPO_PATH}/check-runs/77`, (body) => {
      capture(body);
      return true;
    })
    .reply(200, { id: 77 });
}

/** Reviews are read once per triage, for the marker check (idempotency) and for routing. */
export function nockListReviews(pullNumber: number, reviews: unknown[] = [], times = 1): nock.Scope {
  return nock(GITHUB_API)
    .get(`${REPO_PATH}/pulls/${pullNumber}/reviews`)
    .query({ per_page: 100 })
    .times(times)
    .reply(200, reviews);
}

export function nockListReviewComments(pullNumber: number, comments: unknown[] = []): nock.Scope {
  return nock(GITHUB_API)
    .get(`${REPO_PATH}/pulls/${pullNumber}/comments`)
    .query({ per_page: 100 })
    .reply(200, comments);
}

/**
 * `patches` (path → the patch the test served): answer 422 like GitHub when a comment is not on
 * a line of its file's diff, instead of `status`.
 */
export function nockCreateReview(
  pullNumber: number,
  capture: (body: Record<string, unknown>) => void,
  status = 200,
  patches?: ReadonlyMap<string, string>,
): nock.Scope {
  return nock(GITHUB_API)
    .post(`${REPO_PATH}/pulls/${pullNumber}/reviews`, (body) => {
      capture(body);
      return true;
    })
    .reply((_uri, body) => {
      const comments = ((body as { comments?: PostedComment[] }).comments ?? []) as PostedComment[];
      const offDiff = patches && comments.map((c) => whyUnprocessable(c, patches)).find((r) => r !== null);
      if (offDiff) return [422, { message: "Unprocessable Entity", errors: [offDiff] }];
      return [status, status < 300 ? { id: 555 } : { message: "Unprocessable Entity" }];
    });
}

export function nockListComments(issueNumber: number, comments: unknown[] = []): nock.Scope {
  return nock(GITHUB_API)
    .get(`${REPO_PATH}/issues/${issueNumber}/comments`)
    .query({ per_page: 100 })
    .reply(200, comments);
}

export function nockCreateComment(
  issueNumber: number,
  capture: (body: Record<string, unknown>) => void,
): nock.Scope {
  return nock(GITHUB_API)
    .post(`${REPO_PATH}/issues/${issueNumber}/comments`, (body) => {
      capture(body);
      return true;
    })
    .reply(201, { id: 999 });
}

export function nockEnsureLabel(level: string, exists: boolean): nock.Scope {
  const name = encodeURIComponent(`risk: ${level}`);
  const scope = nock(GITHUB_API)
    .get(`${REPO_PATH}/labels/${name}`)
    .reply(exists ? 200 : 404, {});
  if (!exists) scope.post(`${REPO_PATH}/labels`).reply(201, {});
  return scope;
}

export function nockAddLabels(
  issueNumber: number,
  capture: (body: Record<string, unknown>) => void,
): nock.Scope {
  return nock(GITHUB_API)
    .post(`${REPO_PATH}/issues/${issueNumber}/labels`, (body) => {
      capture(body);
      return true;
    })
    .reply(200, []);
}
