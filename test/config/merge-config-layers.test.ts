import { describe, expect, it } from "vitest";
import { mergeConfigLayers } from "../../src/config/merge-config-layers.ts";

describe("mergeConfigLayers (org defaults and `_extends`)", () => {
  it("merges mappings key by key at every depth; the more specific file wins", () => {
    const org = {
      labels: false,
      review: { severityThreshold: "high", maxInlineComments: 3 },
      routing: { high: { teams: ["seniors"] } },
    };
    const repo = { review: { maxInlineComments: 5 }, routing: { critical: { users: ["alice"] } } };
    expect(mergeConfigLayers([org, repo])).toEqual({
      labels: false,
      review: { severityThreshold: "high", maxInlineComments: 5 },
      routing: { high: { teams: ["seniors"] }, critical: { users: ["alice"] } },
    });
  });

  it("replaces lists whole, so a repository can drop inherited entries", () => {
    const org = { ignore: ["docs/**"], routing: { high: { users: ["alice", "bob"] } } };
    const repo = { ignore: ["fixtures/**"], routing: { high: { users: [] } } };
    expect(mergeConfigLayers([org, repo])).toEqual({
      ignore: ["fixtures/**"],
      routing: { high: { users: [] } },
    });
  });
});
