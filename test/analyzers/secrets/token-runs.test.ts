import { describe, expect, it } from "vitest";
import { tokenRuns } from "../../../src/analyzers/secrets/token-runs.ts";

describe("tokenRuns", () => {
  it("keeps only runs of token characters at least the given length, whole", () => {
    const text =
      'const key = "glpat-aB3dE5gH7jK9mN1pQ3sT"; url = https://discord.com/api/webhooks/1/x\nshort words only';
    expect(tokenRuns(text, 16).split("\n")).toEqual([
      "glpat-aB3dE5gH7jK9mN1pQ3sT",
      "https://discord.com/api/webhooks/1/x",
    ]);
    expect(tokenRuns("a b c", 16)).toBe("");
  });
});
