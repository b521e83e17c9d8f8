import type { Octokit } from "./octokit.ts";

/** One delivery attempt, as `GET /app/hook/deliveries` lists it (a redelivery is another attempt, same guid). */
export interface HookDelivery {
  /** The attempt's id: what `POST /app/hook/deliveries/{id}/attempts` takes. */
  id: number;
  /** `X-GitHub-Delivery`: the same on every attempt of one delivery. */
  guid: string;
  deliveredAt: string;
  /** The HTTP status our endpoint answered; 0 when GitHub could not connect at all. */
  statusCode: number;
  event: string;
  action: string | null;
}

/**
 * The app's recent delivery attempts, newest first, with the app's JWT: 100 per page, following
 * GitHub's cursor links, until one is older than `since` or `max` were listed.
 */
export async function listHookDeliveries(
  appOctokit: Octokit,
  bounds: { since: number; max: number },
): Promise<HookDelivery[]> {
  const listed: HookDelivery[] = [];
  for await (const page of appOctokit.paginate.iterator(appOctokit.rest.apps.listWebhookDeliveries, {
    per_page: 100,
  })) {
    for (const item of page.data) {
      if (Date.parse(item.delivered_at) < bounds.since || listed.length >= bounds.max) return listed;
      listed.push({
        id: item.id,
        guid: item.guid,
        deliveredAt: item.delivered_at,
        statusCode: item.status_code,
        event: item.event,
        action: item.action,
      });
    }
  }
  return listed;
}
