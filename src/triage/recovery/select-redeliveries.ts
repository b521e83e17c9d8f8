import type { HookDelivery } from "../../github/list-hook-deliveries.ts";

/**
 * The deliveries to ask GitHub to send again, as its "redeliver failed deliveries" guide does:
 * those none of whose attempts our endpoint answered with a 2xx. Minus those this app recorded
 * anyway (the ack was lost, the delivery was not) or already redelivered; oldest first, at most
 * `max`. Each is redelivered through its latest attempt.
 */
export function selectRedeliveries(
  attempts: readonly HookDelivery[],
  handled: ReadonlySet<string>,
  max: number,
): HookDelivery[] {
  const byGuid = new Map<string, HookDelivery[]>();
  for (const attempt of attempts) byGuid.set(attempt.guid, [...(byGuid.get(attempt.guid) ?? []), attempt]);
  const failed: HookDelivery[] = [];
  for (const [guid, tries] of byGuid) {
    if (handled.has(guid) || tries.some((t) => t.statusCode >= 200 && t.statusCode < 300)) continue;
    const latest = tries.reduce((a, b) => (b.deliveredAt > a.deliveredAt ? b : a));
    failed.push(latest);
  }
  return failed.sort((a, b) => a.deliveredAt.localeCompare(b.deliveredAt)).slice(0, max);
}
