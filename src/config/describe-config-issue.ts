import type { z } from "zod";
import type { JsonSchemaNode } from "./config-json-schema.ts";
import type { ConfigProblem } from "./config-problem.ts";
import { defaultConfig } from "./config-schema.ts";
import { describeExpected } from "./describe-expected.ts";
import { formatKeyPath } from "./format-key-path.ts";
import { schemaNodeAt } from "./schema-node-at.ts";
import { suggestKey } from "./suggest-key.ts";
import { valueAt } from "./value-at.ts";

/** The part of the config a zod issue is about (`path`), and what must go so its default applies. */
export type ConfigIssueTarget =
  | { kind: "unknown-key"; path: PropertyKey[]; removePath: PropertyKey[] }
  | { kind: "missing"; path: PropertyKey[]; removePath: PropertyKey[] }
  | { kind: "invalid"; path: PropertyKey[]; removePath: PropertyKey[] };

/**
 * Turns a zod issue into a problem row a maintainer can act on: the key path as written in YAML,
 * what was expected and what was found, and how to fix it (with the default used meanwhile).
 */
export function describeConfigIssue(
  target: ConfigIssueTarget,
  issue: z.core.$ZodIssue,
  root: unknown,
): Omit<ConfigProblem, "file"> {
  const keyPath = formatKeyPath(target.path);
  const parentPath = target.path.slice(0, -1);
  const lastKey = target.path.at(-1);
  switch (target.kind) {
    case "unknown-key": {
      const known = Object.keys(schemaNodeAt(parentPath)?.properties ?? {}).filter((k) => k !== "_extends");
      const suggestion = suggestKey(String(lastKey), known);
      const hint = suggestion ? `Did you mean \`${suggestion}\`? ` : "";
      return {
        keyPath,
        problem: `Unknown key \`${String(lastKey)}\`.`,
        fix: `${hint}Remove it or fix its spelling. Keys allowed here: ${known.map((k) => `\`${k}\``).join(", ") || "none"}.`,
      };
    }
    case "missing":
      return {
        keyPath,
        problem: `Required key \`${String(lastKey)}\` is missing; expected ${describeExpected(schemaNodeAt(target.path))}.`,
        fix: `Add \`${String(lastKey)}:\` to \`${formatKeyPath(parentPath)}\`. That entry is ignored until then.`,
      };
    case "invalid": {
      const node = schemaNodeAt(target.path);
      const received = valueAt(root, target.path);
      const problem =
        issue.code === "custom"
          ? `${issue.message}; got ${preview(received)}.`
          : `Expected ${describeExpected(node)}, got ${preview(received)}.`;
      return { keyPath, problem, fix: fixFor(target.path, node) };
    }
  }
}

function fixFor(path: readonly PropertyKey[], node: JsonSchemaNode | undefined): string {
  const docs = `See \`${formatKeyPath(path.map((k) => (typeof k === "number" ? "[]" : k))).replace(/\.\[\]/g, "[]")}\` in docs/configuration.md.`;
  if (typeof path.at(-1) === "number")
    return `Correct or remove this entry; it is ignored until then. ${docs}`;
  const fallback = valueAt(defaultConfig(), path) ?? node?.default;
  const shown = fallback === undefined ? "its default" : `the default (\`${JSON.stringify(fallback)}\`)`;
  return `Correct the value or remove the key; triage uses ${shown} until then. ${docs}`;
}

/** A short, quoted rendering of a value found in the file. */
export function preview(value: unknown): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return `a list (${JSON.stringify(value).slice(0, 60)})`;
  if (value !== null && typeof value === "object") {
    const json = JSON.stringify(value);
    return json.length <= 80 ? json : "a mapping";
  }
  const json = JSON.stringify(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
