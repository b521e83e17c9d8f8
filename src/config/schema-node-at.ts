import { configJsonSchema, type JsonSchemaNode } from "./config-json-schema.ts";

/** The JSON Schema node describing the value at `path` in the config, if the schema has one. */
export function schemaNodeAt(path: readonly PropertyKey[]): JsonSchemaNode | undefined {
  let node: JsonSchemaNode | undefined = configJsonSchema();
  for (const key of path) {
    if (node === undefined) return undefined;
    // A union (`ignore`: a list or a mapping): follow the branch that has this kind of key.
    const branches: JsonSchemaNode[] = Array.isArray(node.anyOf) ? (node.anyOf as JsonSchemaNode[]) : [node];
    node =
      typeof key === "number"
        ? branches.find((branch) => branch.items)?.items
        : branches.find((branch) => branch.properties?.[String(key)])?.properties?.[String(key)];
  }
  return node;
}
