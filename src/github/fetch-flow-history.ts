import type { FlowEvent, FlowPull } from "../analytics/flow-event.ts";
import { flowFromTimeline, type TimelineItem } from "../analytics/flow-from-timeline.ts";
import { type PrContext, prKey } from "../analytics/pr-context.ts";
import { agentProvenance } from "../analyzers/pr-shape/agent-provenance.ts";
import { defaultConfig, RISK_LEVELS, type RiskLevel } from "../config/config-schema.ts";
import type { Octokit, RepoRef } from "./octokit.ts";

export interface FlowHistory {
  pulls: FlowPull[];
  events: FlowEvent[];
  contexts: Map<string, PrContext>;
}

/**
 * A repository's review flow from its GitHub history: the PRs updated since `since` (newest
 * first, so paging stops at the first older one) and each one's timeline. The level is the
 * `risk: <level>` label PR Triage left, if any; provenance comes from the same analyzer the app
 * runs; "routed" are the reviewers whose review was requested.
 */
export async function fetchFlowHistory(
  octokit: Octokit,
  repo: RepoRef,
  since: number,
  progress: (message: string) => void,
): Promise<FlowHistory> {
  const fullName = `${repo.owner}/${repo.repo}`;
  const history: FlowHistory = { pulls: [], events: [], contexts: new Map() };
  const prs = [];
  for await (const { data } of octokit.paginate.iterator(octokit.rest.pulls.list, {
    ...repo,
    state: "all",
    sort: "updated",
    direction: "desc",
    per_page: 100,
  })) {
    const recent = data.filter((pr) => Date.parse(pr.updated_at) >= since);
    prs.push(...recent);
    progress(
      `listed ${prs.length} pull requests updated since ${new Date(since).toISOString().slice(0, 10)}`,
    );
    if (recent.length < data.length) break;
  }
  const config = defaultConfig();
  for (const [index, pr] of prs.entries()) {
    progress(`timeline ${index + 1}/${prs.length}: #${pr.number}`);
    const items = (await octokit.paginate(octokit.rest.issues.listEventsForTimeline, {
      ...repo,
      issue_number: pr.number,
      per_page: 100,
    })) as TimelineItem[];
    const author = pr.user?.login ?? "";
    history.pulls.push({ repo: fullName, pullNumber: pr.number, author, title: pr.title });
    const events = flowFromTimeline(fullName, pr, items);
    history.events.push(...events);
    const findings = await agentProvenance.run({
      files: [],
      config,
      pr: {
        author,
        authorType: pr.user?.type ?? "User",
        headRef: pr.head.ref,
        title: pr.title,
        body: pr.body ?? "",
      },
    });
    const label = pr.labels
      .map((l) => /^risk: (\w+)$/.exec(l.name)?.[1])
      .find((level) => level !== undefined);
    history.contexts.set(prKey(fullName, pr.number), {
      level: RISK_LEVELS.includes(label as RiskLevel) ? (label as RiskLevel) : null,
      authorKind: findings.some((f) => f.ruleId === "agent-provenance/agent-authored") ? "agent" : "human",
      routed: [
        ...new Set(events.flatMap((e) => (e.kind === "review_requested" && e.detail ? [e.detail] : []))),
      ],
    });
  }
  return history;
}
