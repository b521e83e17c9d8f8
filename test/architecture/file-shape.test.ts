import { basename } from "node:path";
import { describe, expect, it } from "vitest";
import { exportedNames, readSourceFiles } from "./source-files.ts";

/** Pure data tables, allowed past the size limit: lists, not logic. */
const DATA_TABLES = new Set([
  "analyzers/secrets/vendor-token-formats.ts",
  "analyzers/dependencies/popular-packages.ts",
]);

/**
 * Files whose name is the concept their exports share rather than one export: a model's types,
 * a table's row mappers, a family of markers. Everything else is named after its export.
 */
const CONCEPT_MODULES = new Set([
  "analytics/analytics-rows.ts", // the analytics tables' row mappers, shared by both stores
  "queue/job-rows.ts", // the jobs table's row mappers, shared by both stores
  "diff/diff-model.ts", // the diff model's types
  "diff/file-kinds.ts", // the kinds of file a path names (test, lockfile, prose…), one predicate each
  "analyzers/dependencies/popular-packages.ts", // data: the package names typosquats imitate
  "render/markers.ts", // the hidden markers, written and read in one place
  "settings/env-vars.ts", // the environment variable kinds the schema is built from
]);

const ENTRY_POINTS = new Set(["main.ts", "cli/main.ts"]);

const kebab = (name: string): string =>
  name
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .replace(/([A-Z])([A-Z][a-z])/g, "$1-$2")
    .replace(/_/g, "-")
    .toLowerCase();

describe("the shape of src/ files", () => {
  const files = readSourceFiles();

  it("keeps every file at 300 lines or fewer, pure data tables excepted", () => {
    const long = files
      .filter((file) => !DATA_TABLES.has(file.path))
      .map((file) => ({ path: file.path, lines: file.text.trimEnd().split("\n").length }))
      .filter((file) => file.lines > 300);
    expect(long).toEqual([]);
  });

  it("names every file after one of its exports", () => {
    const misnamed = files
      .filter((file) => !ENTRY_POINTS.has(file.path) && !CONCEPT_MODULES.has(file.path))
      .filter((file) => !exportedNames(file).some((name) => kebab(name) === basename(file.path, ".ts")))
      .map((file) => `${file.path}: exports ${exportedNames(file).join(", ") || "nothing"}`);
    expect(misnamed).toEqual([]);
  });

  it("reads the exports it checks (the reader is not blind)", () => {
    const core = files.find((file) => file.path === "triage/triage-pull-request.ts");
    expect(core && exportedNames(core)).toContain("triagePullRequest");
  });
});
