import { countTokens } from "gpt-tokenizer";
import { describe, expect, it } from "vitest";
import type { DiffFile, Hunk } from "../../src/diff/diff-model.ts";
import { filePriority } from "../../src/llm/file-priority.ts";
import { packChunks } from "../../src/llm/pack-chunks.ts";

function hunk(start: number, lines: number, word = "value"): Hunk {
  return {
    oldStart: start,
    oldLines: 0,
    newStart: start,
    newLines: lines,
    section: "",
    lines: Array.from({ length: lines }, (_, i) => ({
      kind: "add" as const,
      content: `const ${word}${i} = compute(${i});`,
      oldLine: null,
      newLine: start + i,
    })),
  };
}

function file(path: string, hunks: Hunk[]): DiffFile {
  const additions = hunks.reduce((n, h) => n + h.lines.length, 0);
  return {
    path,
    oldPath: path,
    status: "modified",
    binary: false,
    patchMissing: false,
    oldMode: null,
    newMode: null,
    additions,
    deletions: 0,
    hunks,
  };
}

describe("packChunks", () => {
  it("keeps every chunk under the budget and sends higher priority first", () => {
    const files = [
      { file: file("docs/guide.md", [hunk(1, 40)]), priority: 3 },
      { file: file("src/auth.ts", [hunk(1, 40)]), priority: 0 },
      { file: file("test/auth.test.ts", [hunk(1, 40)]), priority: 2 },
    ];
    const { chunks, skipped } = packChunks(files, 800, 2);
    for (const chunk of chunks) expect(countTokens(chunk.text)).toBeLessThanOrEqual(800);
    const sent = chunks.flatMap((c) => c.files);
    expect(sent[0]).toBe("src/auth.ts");
    // Lowest priority is what falls out when the budget runs out, and it is listed with a reason.
    expect(skipped.map((s) => s.path)).toContain("docs/guide.md");
    expect(skipped.find((s) => s.path === "docs/guide.md")?.reason).toMatch(/budget used up/);
    expect(new Set([...sent, ...skipped.map((s) => s.path)])).toEqual(new Set(files.map((f) => f.file.path)));
  });

  it("splits an oversized file between hunks, never inside one", () => {
    const big = file("src/big.ts", [hunk(1, 30, "a"), hunk(100, 30, "b"), hunk(200, 30, "c")]);
    const { chunks, skipped } = packChunks([{ file: big, priority: 1 }], 700, 5);
    expect(skipped).toEqual([]);
    expect(chunks.length).toBeGreaterThan(1);
    const text = chunks.map((c) => c.text).join("\n");
    for (const h of big.hunks) {
      // Every hunk's lines appear together in one chunk.
      const owner = chunks.filter((c) => new RegExp(`^${h.newStart} \\+`, "m").test(c.text));
      expect(owner).toHaveLength(1);
      expect(owner[0]?.text).toMatch(new RegExp(`^${h.newStart + 29} \\+`, "m"));
    }
    expect(text.match(/## File: src\/big\.ts/g)?.length).toBe(chunks.length);
  });

  it("lists a single hunk larger than the budget as not reviewed, with its lines", () => {
    const { chunks, skipped } = packChunks(
      [{ file: file("src/huge.ts", [hunk(10, 400)]), priority: 1 }],
      1_000,
      3,
    );
    expect(chunks).toEqual([]);
    expect(skipped).toEqual([
      {
        path: "src/huge.ts",
        reason: expect.stringMatching(/^lines 10–409 is \d+ tokens, over the 1000-token budget$/),
      },
    ]);
  });
});

describe("filePriority", () => {
  const f = (path: string) => file(path, []);
  it("orders sensitive paths and agent/CI files first, generated files last", () => {
    expect(filePriority(f("src/payments/charge.ts"), ["src/payments/**"])).toBe(0);
    expect(filePriority(f(".github/workflows/ci.yml"), [])).toBe(0);
    expect(filePriority(f("src/index.ts"), [])).toBe(1);
    expect(filePriority(f("test/index.test.ts"), [])).toBe(2);
    expect(filePriority(f("README.md"), [])).toBe(3);
    expect(filePriority(f("src/api.generated.ts"), [])).toBe(4);
  });
});
