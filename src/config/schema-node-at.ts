import { configJsonSchema, type JsonSchemaNode } from "./config-json-schema.ts";

/** The JSON Schema node describing the value at `path` in the config, if the schema has one. */
export function schemaNodeAt(path: readonly PropertyKey[]): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = configJsonSchema();
  for (const key of path) {
    if (node === undefined) return undefined;
    node = typeof key === "number" ? node.items : node.properties?.[String(key)];
  }
  return node;
}
