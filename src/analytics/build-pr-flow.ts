import { type FlowEvent, type FlowPull, isBotLogin, RESPONSE_KINDS } from "./flow-event.ts";
import { prKey } from "./pr-context.ts";

/** The milestones of one PR, with the time it spent as a draft or closed taken out. */
export interface PrFlow extends FlowPull {
  openedAt: number | null;
  /** First time it was open and not a draft: pickup and cycle time start here. */
  readyAt: number | null;
  firstResponseAt: number | null;
  firstResponder: string | null;
  mergedAt: number | null;
  closedAt: number | null;
  pushes: number;
  /** Reviews (not comments) by humans other than the author, in time order. */
  reviews: { login: string; at: number; state: string | null }[];
  /** Periods in which nobody could be expected to review: draft, or closed before a reopen. */
  inactive: { from: number; to: number }[];
}

/**
 * Folds one PR's events (any order) into its milestones. A response counts once the PR is ready,
 * by anyone but the author and bots; reviews before readiness still count for routing.
 */
export function buildPrFlow(pull: FlowPull, events: readonly FlowEvent[]): PrFlow {
  const flow: PrFlow = {
    ...pull,
    openedAt: null,
    readyAt: null,
    firstResponseAt: null,
    firstResponder: null,
    mergedAt: null,
    closedAt: null,
    pushes: 0,
    reviews: [],
    inactive: [],
  };
  let inactiveSince: number | null = null;
  const sorted = [...events].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  const becomeActive = (at: number): void => {
    if (inactiveSince !== null) flow.inactive.push({ from: inactiveSince, to: at });
    inactiveSince = null;
    flow.readyAt ??= at;
  };
  // Installed mid-PR, or its opening pruned: the PR counts as ready from the first thing seen.
  if (sorted[0] && !sorted.some((event) => event.kind === "opened")) becomeActive(sorted[0].at);
  for (const event of sorted) {
    const human = event.actor !== null && !event.actorIsBot && !isBotLogin(event.actor);
    switch (event.kind) {
      case "opened":
        flow.openedAt ??= event.at;
        if (event.detail === "draft") inactiveSince ??= event.at;
        else becomeActive(event.at);
        break;
      case "ready":
      case "reopened":
        flow.closedAt = null;
        becomeActive(event.at);
        break;
      case "draft":
      case "closed":
        if (event.kind === "closed") flow.closedAt = event.at;
        if (flow.readyAt !== null) inactiveSince ??= event.at;
        break;
      case "merged":
        flow.mergedAt = event.at;
        flow.closedAt = event.at;
        break;
      case "push":
        flow.pushes += 1;
        break;
      default:
        break;
    }
    if (!RESPONSE_KINDS.has(event.kind) || !human || event.actor === pull.author) continue;
    if (event.kind === "review")
      flow.reviews.push({ login: event.actor ?? "", at: event.at, state: event.detail });
    if (flow.readyAt !== null && flow.firstResponseAt === null) {
      flow.firstResponseAt = event.at;
      flow.firstResponder = event.actor;
    }
  }
  return flow;
}

/** Milliseconds from `from` to `to`, less the inactive periods that overlap it. */
export function activeMs(flow: Pick<PrFlow, "inactive">, from: number, to: number): number {
  let total = Math.max(0, to - from);
  for (const period of flow.inactive) {
    const overlap = Math.min(to, period.to) - Math.max(from, period.from);
    if (overlap > 0) total -= overlap;
  }
  return total;
}

/** Every PR's flow, from events in any order. */
export function buildPrFlows(pulls: readonly FlowPull[], events: readonly FlowEvent[]): PrFlow[] {
  const byPr = new Map<string, FlowEvent[]>();
  for (const event of events) {
    const key = prKey(event.repo, event.pullNumber);
    byPr.set(key, [...(byPr.get(key) ?? []), event]);
  }
  return pulls.map((pull) => buildPrFlow(pull, byPr.get(prKey(pull.repo, pull.pullNumber)) ?? []));
}

/** Ready → first human response, draft and closed time excluded; null before anyone responded. */
export function pickupMs(flow: PrFlow): number | null {
  if (flow.readyAt === null || flow.firstResponseAt === null) return null;
  return activeMs(flow, flow.readyAt, flow.firstResponseAt);
}
