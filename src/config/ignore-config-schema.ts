import { z } from "zod";
import { globs, safeGlob } from "./safe-glob.ts";

const ignoredFinding = z
  .object({
    path: safeGlob.describe("Glob (picomatch, dotfiles included) of the files where `rule` is suppressed."),
    rule: safeGlob.describe(
      "Rule id as the summary and inline comments show it, e.g. `ci-workflows/unpinned-action`; a glob such as `secrets/*` works too.",
    ),
    reason: z.string().min(1).optional().describe("Why it is not a problem here; shown in the summary."),
  })
  .strict();

const ignoreSections = z
  .object({
    paths: globs
      .default([])
      .describe(
        "Globs of files the LLM should not review (the analyzers still check them). Added to the built-in ignores (lockfiles, minified, generated, vendored, binaries), never replacing them.",
      ),
    rules: globs
      .default([])
      .describe(
        "Rule ids (or globs of them) never reported in this repository; the summary lists what they hid.",
      ),
    findings: z
      .array(ignoredFinding)
      .default([])
      .describe('A rule suppressed only on some paths: `{ path: "test/fixtures/**", rule: "secrets/*" }`.'),
  })
  .strict();

/** `ignore:` in `.github/pr-triage.yml`: files the LLM skips and repository-wide suppressions. */
export const ignoreConfigSchema = z
  .union([globs, ignoreSections])
  // The list form predates `rules` and `findings`: it is still `paths`, so old files keep working.
  .transform((value) => (Array.isArray(value) ? { paths: value, rules: [], findings: [] } : value))
  .prefault([])
  .describe(
    "What PR Triage leaves out. A list of globs is `paths`; a mapping also takes `rules` and `findings`, repository-wide suppressions that go through review like any config change (the policy-change analyzer flags edits to them).",
  );
