import type { FaultWorld } from "../helpers/fault-harness.ts";
import { examplePayload } from "../helpers/webhook-examples.ts";

export const DASHBOARD_TOKEN = "dashboard-token-5b9e1f7c2a";
export const ROUTED_REVIEWER = "alice-senior";
const HOUR_MS = 3_600_000;
// Low thresholds: the fake LLM's one finding makes the PR high risk, which routes it.
const CONFIG = `risk:\n  thresholds: { medium: 5, high: 10, critical: 99 }\nrouting:\n  high: { users: [${ROUTED_REVIEWER}] }\n`;

/** The fake GitHub serves a config under which the PR is high risk and routed to one reviewer. */
export function serveRoutingConfig(world: FaultWorld): void {
  world.github.fault((req) =>
    req.method === "GET" && req.path.includes("/contents/.github%2Fpr-triage.yml")
      ? { status: 200, body: CONFIG }
      : undefined,
  );
}

const iso = (at: number): string => new Date(at).toISOString();

/**
 * A PR's whole life as signed deliveries: opened (and triaged), reviewed by its routed reviewer
 * 2 hours after opening (a bot and the author comment first: neither is a response), merged an
 * hour later. Timestamps are recent so every window holds them.
 */
export async function sendPrLife(world: FaultWorld, number: number, openedAt: number): Promise<string[]> {
  const head = `${number}`.padStart(40, "c");
  // Opened hours ago, pushed just now: time to triage is from the push (the job's event).
  const pull = world.github.setPull(number, head, iso(Date.now()));
  Object.assign(pull, { created_at: iso(openedAt) });
  const statuses: string[] = [];
  const send = async (event: string, id: string, payload: unknown) => {
    const response = await world.send(event, id, payload);
    statuses.push(`${event}:${response.status}`);
  };
  await send("pull_request", `life-${number}-opened`, world.github.payload(number, "opened"));
  await world.drained();

  const base = world.github.payload(number, "opened");
  const comment = (login: string, type: string, at: number) => {
    const payload = examplePayload<Record<string, Record<string, unknown>>>("issue_comment", "created");
    return {
      ...payload,
      repository: base.repository,
      installation: base.installation,
      issue: { ...payload.issue, number, user: pull.user, title: pull.title, pull_request: { url: "x" } },
      comment: { ...payload.comment, user: { login, type }, created_at: iso(at), body: "noted" },
    };
  };
  const author = (pull.user as { login: string }).login;
  await send("issue_comment", `life-${number}-bot`, comment("some-ci[bot]", "Bot", openedAt + 0.5 * HOUR_MS));
  await send("issue_comment", `life-${number}-author`, comment(author, "User", openedAt + HOUR_MS));

  const review = examplePayload<Record<string, Record<string, unknown>>>("pull_request_review", "submitted");
  const reviewPayload = {
    ...review,
    repository: base.repository,
    installation: base.installation,
    pull_request: base.pull_request,
    review: {
      ...review.review,
      user: { login: ROUTED_REVIEWER, type: "User" },
      state: "approved",
      submitted_at: iso(openedAt + 2 * HOUR_MS),
    },
  };
  await send("pull_request_review", `life-${number}-review`, reviewPayload);
  // GitHub's "Redeliver": the same id again records nothing.
  await send("pull_request_review", `life-${number}-review`, reviewPayload);

  const closed = world.github.payload(number, "closed");
  Object.assign(closed.pull_request as object, {
    state: "closed",
    merged: true,
    merged_at: iso(openedAt + 3 * HOUR_MS),
    closed_at: iso(openedAt + 3 * HOUR_MS),
  });
  await send("pull_request", `life-${number}-merged`, closed);
  return statuses;
}
