import type { JsonSchemaNode } from "./config-json-schema.ts";

/** Says in words what a schema node accepts, e.g. "a whole number from 0 to 50". */
export function describeExpected(node: JsonSchemaNode | undefined): string {
  if (node === undefined) return "a valid value";
  if (Array.isArray(node.anyOf)) {
    return (node.anyOf as JsonSchemaNode[]).map((branch) => describeExpected(branch)).join(", or ");
  }
  if (node.enum) return `one of ${node.enum.map((v) => `\`${String(v)}\``).join(", ")}`;
  switch (node.type) {
    case "boolean":
      return "`true` or `false`";
    case "integer":
      return `a whole number${range(node)}`;
    case "number":
      return `a number${range(node)}`;
    case "string":
      return node.minLength ? "a non-empty string" : "a string";
    case "array":
      return `a list of ${plural(describeExpected(node.items))}`;
    case "object":
      return "a mapping of keys (`key: value` lines)";
    default:
      return "a valid value";
  }
}

function range(node: JsonSchemaNode): string {
  if (node.minimum !== undefined && node.maximum !== undefined) {
    return ` from ${node.minimum} to ${node.maximum}`;
  }
  if (node.minimum !== undefined) return ` of at least ${node.minimum}`;
  if (node.maximum !== undefined) return ` of at most ${node.maximum}`;
  return "";
}

function plural(item: string): string {
  if (item === "a non-empty string") return "non-empty strings";
  if (item.startsWith("a mapping")) return "mappings (each `- key: value`)";
  return item.replace(/^an? /, "");
}
