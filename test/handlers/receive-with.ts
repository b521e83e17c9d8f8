import { type Context, Probot } from "probot";
import type { Delivery, Enqueue, JobRequest } from "../../src/queue/job-store.ts";
import { TEST_PRIVATE_KEY } from "../helpers/test-key.ts";

export interface Enqueued {
  delivery: Delivery;
  requests: readonly JobRequest[];
}

/**
 * Delivers `payload` as event `name` to a real Probot app whose only handler is `handle`, with an
 * enqueue that records what it is given. Returns what the handler enqueued.
 */
export async function receiveWith<E extends string>(
  name: string,
  event: E,
  payload: object,
  handle: (context: Context<never>, enqueue: Enqueue) => Promise<void>,
): Promise<Enqueued[]> {
  const enqueued: Enqueued[] = [];
  const enqueue: Enqueue = async (delivery, requests) => {
    enqueued.push({ delivery, requests });
    return { kind: "accepted", jobs: [] };
  };
  const probot = new Probot({ appId: 1, privateKey: TEST_PRIVATE_KEY, logLevel: "silent" as "info" });
  await probot.load((app) => {
    app.on(event as never, (context: Context<never>) => handle(context, enqueue));
  });
  await probot.receive({ id: "delivery-1", name, payload } as never);
  return enqueued;
}
