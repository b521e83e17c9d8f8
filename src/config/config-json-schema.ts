import { z } from "zod";
import { configSchema } from "./config-schema.ts";

/** The subset of JSON Schema (draft-07) that zod emits for the config and that our docs read. */
export interface JsonSchemaNode {
  type?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchemaNode>;
  required?: string[];
  items?: JsonSchemaNode;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  [key: string]: unknown;
}

let cached: JsonSchemaNode | undefined;

/**
 * The JSON Schema of `.github/pr-triage.yml`, generated from the zod schema. It describes the
 * *input* (keys with defaults are optional), which is what an editor validates while typing.
 */
export function configJsonSchema(): JsonSchemaNode {
  cached ??= {
    ...(z.toJSONSchema(configSchema, { io: "input", target: "draft-7" }) as JsonSchemaNode),
    title: "PR Triage configuration (.github/pr-triage.yml)",
  };
  return cached;
}
