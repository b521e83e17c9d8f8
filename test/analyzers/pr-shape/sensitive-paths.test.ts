import { describe, expect, it } from "vitest";
import { sensitivePaths } from "../../../src/analyzers/pr-shape/sensitive-paths.ts";
import { addedFile, analyzerInput } from "../diff-fixture.ts";

describe("sensitivePaths", () => {
  it("flags configured paths with their weight and reason, and nothing else", async () => {
    const input = analyzerInput([addedFile("src/auth/login.ts", "x\n"), addedFile("README.md", "y\n")]);
    const config = {
      ...input.config,
      risk: {
        ...input.config.risk,
        sensitivePaths: [{ pattern: "src/auth/**", weight: 70, reason: "Authentication" }],
      },
    };
    expect(await sensitivePaths.run({ ...input, config })).toMatchObject([
      { ruleId: "sensitive-paths/match", severity: "high", riskFloor: 70 },
    ]);
    expect(await sensitivePaths.run(input)).toEqual([]);
  });
});
