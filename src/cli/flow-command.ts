import { ProbotOctokit } from "probot";
import { computeFlowReport } from "../analytics/compute-flow-report.ts";
import { renderFlowMarkdown } from "../analytics/render-flow-markdown.ts";
import { fetchFlowHistory } from "../github/fetch-flow-history.ts";
import type { Octokit } from "../github/octokit.ts";
import type { GithubSettings } from "../settings/github-settings.ts";
import { readSettingsOrThrow } from "../settings/read-settings.ts";
import { type CliIo, UsageError } from "./cli-io.ts";

const DAY_MS = 86_400_000;
const UNIT_MS: Record<string, number> = { h: 3_600_000, d: DAY_MS, w: 7 * DAY_MS };
/** Rate-limited requests are retried this many times, waiting as long as GitHub says. */
const MAX_RATE_LIMIT_RETRIES = 3;

function parseSince(text: string): number {
  const match = /^(\d+)([hdw])$/.exec(text);
  const unit = UNIT_MS[match?.[2] ?? ""];
  if (!match || !unit || Number(match[1]) === 0) {
    throw new UsageError(`--since expects a period like 90d, 12w or 48h; got "${text}".`);
  }
  return Number(match[1]) * unit;
}

/** `pr-triage flow`: the review-flow report from a repository's GitHub history. */
export async function flowCommand(
  options: { repo: string | undefined; since: string; json: boolean },
  io: CliIo,
): Promise<number> {
  const [owner, name, ...extra] = options.repo?.split("/") ?? [];
  if (!owner || !name || extra.length > 0) {
    throw new UsageError(`--repo expects owner/name, e.g. --repo octo-org/api; got "${options.repo ?? ""}".`);
  }
  const periodMs = parseSince(options.since);
  const { github } = readSettingsOrThrow(io.env, ["github"]);
  const token = github.token;
  if (!token)
    throw new UsageError("Set GITHUB_TOKEN to a token that can read the repository's pull requests.");
  const octokit = cliOctokit(token, github, io);
  const now = Date.now();
  const history = await fetchFlowHistory(octokit, { owner, repo: name }, now - periodMs, (message) =>
    io.stderr.write(`${message}\n`),
  );
  const report = computeFlowReport({ ...history, triages: [], feedback: [], now, webHost: github.webHost });
  const days = periodMs / DAY_MS;
  const windows = report.windows.filter((w) => w.days <= days);
  const shown = { ...report, windows: windows.length > 0 ? windows : report.windows.slice(0, 1), repos: [] };
  io.stdout.write(
    options.json ? `${JSON.stringify(shown, null, 2)}\n` : renderFlowMarkdown(shown, `${owner}/${name}`),
  );
  return 0;
}

function cliOctokit(token: string, github: GithubSettings, io: CliIo): Octokit {
  const { host, protocol } = github;
  const retry =
    (kind: string) =>
    (retryAfter: number, options: { method: string; url: string }, _: unknown, retryCount: number) => {
      io.stderr.write(
        `${kind} on ${options.method} ${options.url}: waiting ${retryAfter} s (retry ${retryCount + 1} of ${MAX_RATE_LIMIT_RETRIES})\n`,
      );
      return retryCount < MAX_RATE_LIMIT_RETRIES;
    };
  return new ProbotOctokit({
    auth: { token },
    ...(host ? { baseUrl: `${protocol}://${host}/api/v3` } : {}),
    throttle: {
      enabled: true,
      onRateLimit: retry("rate limit"),
      onSecondaryRateLimit: retry("secondary rate limit"),
    },
  }) as unknown as Octokit;
}
