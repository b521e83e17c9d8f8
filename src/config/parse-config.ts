import type { z } from "zod";
import { CONFIG_PATH } from "./config-path.ts";
import type { ConfigProblem } from "./config-problem.ts";
import { configSchema, defaultConfig, type TriageConfig } from "./config-schema.ts";
import { type ConfigIssueTarget, describeConfigIssue, preview } from "./describe-config-issue.ts";
import { flattenUnionIssue } from "./flatten-union-issue.ts";
import { valueAt } from "./value-at.ts";

export interface LoadedConfig {
  config: TriageConfig;
  problems: ConfigProblem[];
}

/** Enough rounds for a badly broken file; each round removes at least one invalid part. */
const MAX_ROUNDS = 25;

/**
 * Validates raw config (already parsed from YAML) against the schema, key by key: every invalid
 * part is reported and removed, so it falls back to its default, while the valid parts are kept.
 * A typo in one key must not silently discard the team's routing or sensitive paths.
 */
export function parseConfig(raw: unknown, file: string = CONFIG_PATH): LoadedConfig {
  if (raw === null || raw === undefined) return { config: defaultConfig(), problems: [] };
  if (!isPlainObject(raw)) {
    return {
      config: defaultConfig(),
      problems: [
        {
          file,
          keyPath: "(root)",
          problem: `Expected a mapping of keys (\`key: value\` lines), got ${kindOf(raw)}.`,
          fix: "Start the file with top-level keys such as `review:` or `routing:`; see docs/configuration.md. All defaults are used until then.",
        },
      ],
    };
  }
  const candidate = structuredClone(raw);
  const problems: ConfigProblem[] = [];
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const parsed = configSchema.safeParse(candidate);
    if (parsed.success) return { config: parsed.data, problems };
    let changed = false;
    for (const issue of parsed.error.issues.flatMap(flattenUnionIssue)) {
      for (const target of targetsOf(issue, candidate)) {
        problems.push({ file, ...describeConfigIssue(target, issue, candidate) });
        changed = removeAt(candidate, target.removePath) || changed;
      }
    }
    compactArrays(candidate);
    if (!changed) break;
  }
  return {
    config: defaultConfig(),
    problems: [
      ...problems,
      {
        file,
        keyPath: "(root)",
        problem: "The file could not be repaired key by key.",
        fix: "Fix the problems listed above; all defaults are used until then.",
      },
    ],
  };
}

/** Which part of the file an issue is about, and which part must go so its default applies. */
function targetsOf(issue: z.core.$ZodIssue, root: unknown): ConfigIssueTarget[] {
  const path = [...issue.path];
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => ({
      kind: "unknown-key",
      path: [...path, key],
      removePath: [...path, key],
    }));
  }
  if (valueAt(root, path) === undefined && path.length > 0) {
    // A required key is missing: the entry that needs it cannot be used.
    return [{ kind: "missing", path, removePath: path.slice(0, -1) }];
  }
  return [{ kind: "invalid", path, removePath: path }];
}

/** Deletes the value at `path`; array slots become holes, compacted once the round is over. */
function removeAt(root: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(root, path.slice(0, -1));
  const key = path.at(-1);
  if (parent === null || typeof parent !== "object" || key === undefined || !(key in parent)) return false;
  delete (parent as Record<PropertyKey, unknown>)[key];
  return true;
}

function compactArrays(node: unknown): void {
  if (node === null || typeof node !== "object") return;
  for (const [key, value] of Object.entries(node)) {
    if (Array.isArray(value)) {
      const kept = value.filter((_, index) => index in value);
      (node as Record<string, unknown>)[key] = kept;
      for (const item of kept) compactArrays(item);
    } else compactArrays(value);
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function kindOf(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  return `${typeof value === "string" ? "text" : typeof value} ${preview(value)}`;
}
