import nock from "nock";

const REPO_PATH = "/repos/Codertocat/Hello-World";

/** `repos.compareCommitsWithBasehead` for `since...head`, answering GitHub's status and files. */
export function nockCompare(
  since: string,
  head: string,
  status: "ahead" | "behind" | "diverged" | "identical",
  files: { filename: string; status: string; additions: number; deletions: number; patch?: string }[],
): nock.Scope {
  return nock("https://api.github.com")
    .get(`${REPO_PATH}/compare/${since}...${head}`)
    .query({ per_page: 1 })
    .reply(200, { status, ahead_by: 1, behind_by: status === "ahead" ? 0 : 1, commits: [], files });
}
