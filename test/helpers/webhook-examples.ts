import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const examples = require("@octokit/webhooks-examples/api.github.com/index.json") as {
  name: string;
  examples: Record<string, unknown>[];
}[];

/**
 * A real payload from GitHub's published webhook examples, preferring one delivered to an app
 * installation. A fresh deep copy each time, so tests can edit it.
 */
export function examplePayload<T = Record<string, unknown>>(event: string, action: string): T {
  const group = examples.find((e) => e.name === event);
  const matching = group?.examples.filter((e) => e.action === action) ?? [];
  const chosen = matching.find((e) => e.installation) ?? matching[0];
  if (!chosen) throw new Error(`@octokit/webhooks-examples has no ${event}.${action} example`);
  return structuredClone(chosen) as T;
}
