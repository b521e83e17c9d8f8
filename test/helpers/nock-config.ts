import nock from "nock";

/** Named nock helpers for what PR Triage reads from a base branch: config, policies, CODEOWNERS. */
const GITHUB_API = "https://api.github.com";

function contentsPath(repo: string, path: string): string {
  return `/repos/${repo}/contents/${encodeURIComponent(path)}`;
}

/**
 * A file read through the contents API (raw media type) from `repo` ("owner/name") at `ref`;
 * `ref: null` means the default branch (no `ref` query). `text: null` answers 404.
 */
export function nockRepoFile(
  repo: string,
  path: string,
  ref: string | null,
  text: string | null,
): nock.Scope {
  const scope = nock(GITHUB_API).get(contentsPath(repo, path));
  const matched = ref === null ? scope.query((query) => query.ref === undefined) : scope.query({ ref });
  return text === null ? matched.reply(404, { message: "Not Found" }) : matched.reply(200, text);
}

/** A folder listing through the contents API at `ref`; `entries: null` answers 404 (no such folder). */
export function nockPolicyDir(
  repo: string,
  dir: string,
  ref: string,
  entries: { name: string; size: number; type?: string }[] | null,
): nock.Scope {
  const scope = nock(GITHUB_API).get(contentsPath(repo, dir)).query({ ref });
  if (entries === null) return scope.reply(404, { message: "Not Found" });
  return scope.reply(
    200,
    entries.map((entry) => ({
      name: entry.name,
      path: `${dir}/${entry.name}`,
      size: entry.size,
      type: entry.type ?? "file",
    })),
  );
}

/** A recursive git tree of `ref`, for policy globs that span folders. */
export function nockTree(repo: string, ref: string, files: { path: string; size: number }[]): nock.Scope {
  return nock(GITHUB_API)
    .get(`/repos/${repo}/git/trees/${encodeURIComponent(ref)}`)
    .query({ recursive: "true" })
    .reply(200, {
      sha: "tree",
      truncated: false,
      tree: files.map((file) => ({
        path: file.path,
        size: file.size,
        type: "blob",
        mode: "100644",
        sha: "x",
      })),
    });
}

/**
 * A base branch with no policy folder and no CODEOWNERS anywhere: the four reads a triage makes
 * besides the config when the repository has none of them.
 */
export function nockNoPoliciesNorCodeowners(repo: string, ref: string): nock.Scope[] {
  return [
    nockPolicyDir(repo, ".github/pr-triage/policies", ref, null),
    ...[".github/CODEOWNERS", "CODEOWNERS", "docs/CODEOWNERS"].map((path) =>
      nockRepoFile(repo, path, ref, null),
    ),
  ];
}
