import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { DiffFile } from "../../src/diff/diff-model.ts";
import { estimateReviewEffort } from "../../src/review/estimate-review-effort.ts";

const MANIFEST = resolve(import.meta.dirname, "../../../shared/corpus/prs/manifest.json");

function changed(path: string, additions: number, deletions = 0, binary = false): DiffFile {
  return {
    path,
    oldPath: path,
    status: "modified",
    binary,
    patchMissing: false,
    oldMode: null,
    newMode: null,
    additions,
    deletions,
    hunks: [],
  };
}

describe("estimateReviewEffort", () => {
  it("follows the documented formula: (5 + files + weighted lines / 5) × risk, up to the next 5", () => {
    // 5 + 2 files + (100 source + 40 × 0.5 test) / 5 = 31 → 35 min.
    const files = [changed("src/a.ts", 80, 20), changed("test/a.test.ts", 40)];
    expect(estimateReviewEffort(files, "low")).toEqual({
      minutes: 35,
      level: 3,
      capped: false,
      weightedLines: 120,
    });
    // × 2 for critical: 62 → 65 min.
    expect(estimateReviewEffort(files, "critical").minutes).toBe(65);
  });

  it("does not count lockfiles, generated and binary files as lines to read, only as files", () => {
    const skimmed = [
      changed("package-lock.json", 5_000),
      changed("dist/app.min.js", 900),
      changed("a.png", 0, 0, true),
    ];
    expect(estimateReviewEffort(skimmed, "low")).toMatchObject({ minutes: 10, weightedLines: 0 });
  });

  it("caps at four hours and says so", () => {
    expect(estimateReviewEffort([changed("src/huge.ts", 20_000)], "low")).toMatchObject({
      minutes: 240,
      level: 5,
      capped: true,
    });
  });
});

interface ManifestPr {
  file: string;
  files: { path: string; additions: number; deletions: number; binary: boolean }[];
}

describe.skipIf(!existsSync(MANIFEST))(
  "calibration on the corpus PR sizes (skipped: ../shared/corpus absent)",
  () => {
    it("maps the corpus quartiles to the levels the README promises", () => {
      const prs = (JSON.parse(readFileSync(MANIFEST, "utf8")) as { prs: ManifestPr[] }).prs;
      const efforts = prs
        .map((pr) =>
          estimateReviewEffort(
            pr.files.map((f) => changed(f.path, f.additions, f.deletions, f.binary)),
            "low",
          ),
        )
        .sort((a, b) => a.minutes - b.minutes);
      const at = (q: number) => efforts[Math.floor(q * (efforts.length - 1))] ?? efforts[0];
      expect(efforts).toHaveLength(236);
      // Half of the real PRs are one-sitting reviews (≤ 15 min, level 1) ...
      expect(at(0.5)?.level).toBe(1);
      // ... three quarters fit in an hour, the SmartBear/Cisco limit for an effective review ...
      expect(at(0.75)?.minutes).toBeLessThanOrEqual(60);
      // ... and only the largest tenth (docs dumps, vendored trees) hits the "split it" cap.
      const capped = efforts.filter((e) => e.capped).length / efforts.length;
      expect(capped).toBeGreaterThan(0.02);
      expect(capped).toBeLessThan(0.15);
    });
  },
);
