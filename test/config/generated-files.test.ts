import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { configJsonSchema, type JsonSchemaNode } from "../../src/config/config-json-schema.ts";
import { parseConfigYaml } from "../../src/config/parse-config-yaml.ts";
import {
  REFERENCE_END,
  REFERENCE_START,
  renderConfigReference,
} from "../../src/config/render-config-reference.ts";

const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");
const STALE = "is stale: run `npm run schema` and commit the result.";

describe("files generated from the zod schema", () => {
  it("schema/pr-triage.schema.json matches the zod schema", () => {
    const committed: unknown = JSON.parse(read("schema/pr-triage.schema.json"));
    expect(committed, `schema/pr-triage.schema.json ${STALE}`).toEqual(configJsonSchema());
  });

  it("the reference in docs/configuration.md matches the zod schema", () => {
    const docs = read("docs/configuration.md");
    const start = docs.indexOf(REFERENCE_START);
    const end = docs.indexOf(REFERENCE_END);
    expect(start, "docs/configuration.md lost its generated-reference markers").toBeGreaterThan(-1);
    expect(docs.slice(start + REFERENCE_START.length, end).trim(), `docs/configuration.md ${STALE}`).toBe(
      renderConfigReference().trim(),
    );
  });

  it("documents every key: each one has a description and a row in the reference", () => {
    const reference = renderConfigReference();
    const undocumented: string[] = [];
    const walk = (node: JsonSchemaNode, path: string) => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        const keyPath = path ? `${path}.${key}` : key;
        if (!child.description) undocumented.push(keyPath);
        if (child.properties) walk(child, keyPath);
        else if (!reference.includes(`| \`${keyPath}\` |`)) undocumented.push(`${keyPath} (no row)`);
        if (child.items?.properties) walk(child.items, `${keyPath}[]`);
      }
    };
    walk(configJsonSchema(), "");
    expect(undocumented).toEqual([]);
  });

  it("the JSON Schema lets editors flag unknown keys and wrong types", () => {
    const schema = configJsonSchema();
    expect(schema.$schema).toBe("http://json-schema.org/draft-07/schema#");
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties?.review?.properties?.maxInlineComments).toMatchObject({
      type: "integer",
      minimum: 0,
      maximum: 50,
      default: 8,
    });
  });

  it("the example config is valid", () => {
    const { problems } = parseConfigYaml(read("examples/typescript-service/.github/pr-triage.yml"));
    expect(problems).toEqual([]);
  });
});
