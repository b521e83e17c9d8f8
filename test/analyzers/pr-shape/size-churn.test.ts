import { describe, expect, it } from "vitest";
import { createSizeChurn, sizeChurn } from "../../../src/analyzers/pr-shape/size-churn.ts";
import { addedFile, analyzerInput } from "../diff-fixture.ts";

const lines = (count: number) => Array.from({ length: count }, (_, i) => `line ${i}`).join("\n");

describe("sizeChurn", () => {
  it("flags a PR over the line limit, counting only hand-written files", async () => {
    const findings = await sizeChurn.run(
      analyzerInput([addedFile("src/big.ts", lines(1200)), addedFile("package-lock.json", lines(5000))]),
    );
    expect(findings).toMatchObject([
      { ruleId: "size-churn/large", severity: "low", riskFloor: 30, path: null },
    ]);
    expect(findings[0]?.title).toBe("Large pull request: 1200 lines in 1 files");
  });

  it("stays quiet on small PRs and on large generated output", async () => {
    expect(await sizeChurn.run(analyzerInput([addedFile("src/a.ts", lines(300))]))).toEqual([]);
    expect(await sizeChurn.run(analyzerInput([addedFile("dist/bundle.js", lines(9000))]))).toEqual([]);
  });

  it("takes its limits as parameters", async () => {
    const strict = createSizeChurn(10, 50);
    expect(await strict.run(analyzerInput([addedFile("src/a.ts", lines(11))]))).toHaveLength(1);
  });
});
