import { describe, expect, it } from "vitest";
import { enclosingBlock } from "../../src/context/enclosing-block.ts";
import { jsOutline } from "../../src/context/js-outline.ts";

const TS = [
  "export class Store {", // 1
  "  private items = new Map<string, number>();", // 2
  "", // 3
  "  add(key: string, value: number): void {", // 4
  "    const old = this.items.get(key) ?? 0;", // 5
  "    this.items.set(key, old + value);", // 6
  "    this.items.forEach((v) => {", // 7
  "      log(v);", // 8
  "    });", // 9
  "  }", // 10
  "}", // 11
  "export type Id = string;", // 12
].join("\n");

const PY = [
  "class Store:", // 1
  "    def add(self, key, value):", // 2
  "        old = self.items.get(key, 0)", // 3
  "        self.items[key] = old + value", // 4
  "        return old", // 5
  "", // 6
  "    def remove(self, key):", // 7
  "        del self.items[key]", // 8
].join("\n");

const GO = ["func Add(a, b int) int {", "\tsum := a + b", "\treturn sum", "}", "", "var x = 1"].join("\n");

describe("enclosingBlock", () => {
  it("cuts JS/TS at the innermost function that reaches past what the hunk shows", () => {
    const outline = jsOutline("store.ts", TS);
    const lines = TS.split("\n");
    // A change on line 8 sits in a one-line-ish callback the hunk already shows: the method is the context.
    expect(enclosingBlock(lines, outline, { start: 8, end: 8 }, { start: 7, end: 9 })).toEqual({
      start: 4,
      end: 10,
    });
    expect(enclosingBlock(lines, outline, { start: 2, end: 2 }, { start: 1, end: 5 })).toEqual({
      start: 1,
      end: 11,
    });
    // Top-level code has no enclosing block.
    expect(enclosingBlock(lines, outline, { start: 12, end: 12 }, { start: 12, end: 12 })).toBeNull();
  });

  it("lists the exported declarations, for the uses search", () => {
    expect(jsOutline("store.ts", TS)?.exports).toEqual([
      { name: "Store", range: { start: 1, end: 11 } },
      { name: "Id", range: { start: 12, end: 12 } },
    ]);
  });

  it("falls back to indentation where there is no parser", () => {
    const py = PY.split("\n");
    expect(enclosingBlock(py, null, { start: 4, end: 4 }, { start: 4, end: 4 })).toEqual({
      start: 2,
      end: 5,
    });
    const go = GO.split("\n");
    // The closing brace belongs to the block.
    expect(enclosingBlock(go, null, { start: 2, end: 2 }, { start: 2, end: 2 })).toEqual({
      start: 1,
      end: 4,
    });
    expect(enclosingBlock(go, null, { start: 6, end: 6 }, { start: 6, end: 6 })).toBeNull();
  });
});
