import { describe, expect, it } from "vitest";
import { readSourceFiles, topFolder } from "./source-files.ts";

/**
 * The layers of `src/`, top to bottom (DESIGN §7, issue 13): a file may import from its own layer
 * or a lower one, never a higher one. A new folder must be placed here, or this test fails.
 */
const LAYERS: readonly (readonly string[])[] = [
  ["(entry)", "cli"],
  ["handlers", "dashboard"],
  ["triage"],
  [
    "github",
    "llm",
    "analyzers",
    "config",
    "policies",
    "codeowners",
    "render",
    "risk",
    "routing",
    "analytics",
    "context",
    "incremental",
    "anchor",
    "settings",
    "review",
  ],
  ["queue", "redaction", "sqlite"],
  ["diff", "findings"],
  ["errors", "types"],
];

/** Higher number = higher layer. */
const rank = new Map(LAYERS.flatMap((folders, i) => folders.map((folder) => [folder, LAYERS.length - i])));

describe("the layers of src/", () => {
  const files = readSourceFiles();

  it("places every folder in a layer", () => {
    const unplaced = [...new Set(files.map((file) => topFolder(file.path)))].filter((f) => !rank.has(f));
    expect(unplaced, "add these folders to LAYERS in test/architecture/source-layers.test.ts").toEqual([]);
  });

  it("never imports from a folder above the importing file's own layer", () => {
    const upward = files.flatMap((file) =>
      file.imports
        .filter((target) => (rank.get(topFolder(target)) ?? 0) > (rank.get(topFolder(file.path)) ?? 0))
        .map((target) => `${file.path} imports ${target}`),
    );
    expect(upward).toEqual([]);
  });

  it("finds the imports it checks (the scanner is not blind)", () => {
    const runner = files.find((file) => file.path === "triage/triage-pull-request.ts");
    expect(runner?.imports.some((target) => topFolder(target) === "llm")).toBe(true);
  });

  it("keeps the queue generic: it knows nothing of triage, GitHub or handlers", () => {
    const leaks = files
      .filter((file) => topFolder(file.path) === "queue")
      .flatMap((file) =>
        file.imports.filter((t) => !["queue", "errors", "sqlite", "types"].includes(topFolder(t))),
      );
    expect(leaks).toEqual([]);
  });
});
