import type { Context } from "probot";
import type { AnalyticsStore } from "../analytics/analytics-store.ts";
import {
  type FLOW_WEBHOOK_EVENTS,
  type FlowPayload,
  flowFromWebhook,
} from "../analytics/flow-from-webhook.ts";

type FlowContext = Context<(typeof FLOW_WEBHOOK_EVENTS)[number]>;

/**
 * Guard and record: one local write from the payload, no GitHub request. The delivery id is the
 * event's key, so a redelivery records nothing. A failure is logged, never turned into a 500:
 * analytics must not cost GitHub a retry of the triage event.
 */
export async function handleFlowEvent(context: FlowContext, analytics: AnalyticsStore): Promise<void> {
  const record = flowFromWebhook(
    context.name,
    context.id,
    context.payload as unknown as FlowPayload,
    Date.now(),
  );
  if (!record) return;
  try {
    if (record.kind === "resolution") {
      await analytics.recordThreadResolution(record.resolution);
      return;
    }
    const recorded = await analytics.recordEvent(record.pull, record.event);
    context.log.debug({ delivery: context.id, kind: record.event.kind, recorded }, "flow event");
  } catch (error) {
    context.log.warn(
      { err: error, delivery: context.id },
      "could not record the flow event; the triage is unaffected",
    );
  }
}
