import { configJsonSchema, type JsonSchemaNode } from "./config-json-schema.ts";
import { defaultConfig } from "./config-schema.ts";
import { describeExpected } from "./describe-expected.ts";

/** Markers around the generated part of `docs/configuration.md`; `npm run schema` rewrites what is between. */
export const REFERENCE_START = "<!-- BEGIN GENERATED: configuration reference (npm run schema) -->";
export const REFERENCE_END = "<!-- END GENERATED: configuration reference -->";

interface Row {
  key: string;
  node: JsonSchemaNode;
  fallback: unknown;
  required: boolean;
}

/**
 * The reference for every key of `.github/pr-triage.yml`, generated from the zod schema so the
 * docs cannot drift from what the app accepts: one table per top-level section.
 */
export function renderConfigReference(): string {
  const schema = configJsonSchema();
  const defaults = defaultConfig() as Record<string, unknown>;
  const top: Row[] = [];
  const sections: string[] = [];
  for (const [key, node] of Object.entries(schema.properties ?? {})) {
    if (node.type === "object" && node.properties) {
      const rows = flatten(key, node, defaults[key]);
      sections.push(`### \`${key}\`\n\n${node.description ?? ""}\n\n${table(rows)}`);
      continue;
    }
    top.push({ key, node, fallback: defaults[key], required: false });
    // A key that takes a short form or a mapping (`ignore`) gets the mapping's keys documented too.
    const mapping = (node.anyOf as JsonSchemaNode[] | undefined)?.find(
      (b) => b.type === "object" && b.properties,
    );
    if (mapping) {
      const rows = flatten(key, mapping, defaults[key]);
      sections.push(`### \`${key}\` (as a mapping)\n\n${node.description ?? ""}\n\n${table(rows)}`);
    }
  }
  return [`### Top-level keys\n\n${table(top)}`, ...sections].join("\n\n");
}

function flatten(prefix: string, node: JsonSchemaNode, fallback: unknown): Row[] {
  const rows: Row[] = [];
  for (const [key, child] of Object.entries(node.properties ?? {})) {
    const path = `${prefix}.${key}`;
    const value =
      fallback !== null && typeof fallback === "object"
        ? (fallback as Record<string, unknown>)[key]
        : undefined;
    const required = node.required?.includes(key) ?? false;
    if (child.type === "object" && child.properties) {
      rows.push(...flatten(path, child, value));
    } else {
      rows.push({ key: path, node: child, fallback: value, required });
      if (child.type === "array" && child.items?.type === "object" && child.items.properties) {
        rows.push(...flatten(`${path}[]`, child.items, undefined));
      }
    }
  }
  return rows;
}

function table(rows: readonly Row[]): string {
  const lines = ["| Key | Accepts | Default | What it does |", "|---|---|---|---|"];
  for (const row of rows) {
    const accepts = describeExpected(row.node).replace(/^an? /, "");
    const fallback = row.required
      ? "required"
      : row.fallback === undefined
        ? row.node.default === undefined
          ? "—"
          : `\`${JSON.stringify(row.node.default)}\``
        : `\`${JSON.stringify(row.fallback)}\``;
    lines.push(
      `| \`${row.key}\` | ${escapeCell(accepts)} | ${escapeCell(fallback)} | ${escapeCell(row.node.description ?? "")} |`,
    );
  }
  return lines.join("\n");
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}
