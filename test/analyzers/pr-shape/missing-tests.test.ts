import { describe, expect, it } from "vitest";
import { missingTests } from "../../../src/analyzers/pr-shape/missing-tests.ts";
import { addedFile, analyzerInput } from "../diff-fixture.ts";

const lines = (count: number) => Array.from({ length: count }, (_, i) => `const v${i} = ${i};`).join("\n");

describe("missingTests", () => {
  it("notes substantial source changes with no test changes", async () => {
    const findings = await missingTests.run(analyzerInput([addedFile("src/feature.ts", lines(80))]));
    expect(findings).toMatchObject([
      { ruleId: "missing-tests/source-without-tests", severity: "low", riskFloor: 0 },
    ]);
  });

  it("stays quiet when tests changed, when the change is small, or when it is not source", async () => {
    expect(
      await missingTests.run(
        analyzerInput([addedFile("src/feature.ts", lines(80)), addedFile("test/feature.test.ts", lines(5))]),
      ),
    ).toEqual([]);
    expect(await missingTests.run(analyzerInput([addedFile("src/feature.ts", lines(10))]))).toEqual([]);
    expect(await missingTests.run(analyzerInput([addedFile("docs/guide.md", lines(200))]))).toEqual([]);
  });
});
