// Regenerates the files derived from the config's zod schema: the JSON Schema editors use, and
// the reference tables in docs/configuration.md. A test fails when either is stale.
import { writeFileSync } from "node:fs";
import { configJsonSchema } from "../src/config/config-json-schema.ts";
import {
  REFERENCE_END,
  REFERENCE_START,
  renderConfigReference,
} from "../src/config/render-config-reference.ts";
import { writeBetweenMarkers } from "./write-between-markers.ts";

const root = new URL("../", import.meta.url);
const schemaFile = new URL("schema/pr-triage.schema.json", root);
const docsFile = new URL("docs/configuration.md", root);

writeFileSync(schemaFile, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);

writeBetweenMarkers(docsFile, REFERENCE_START, REFERENCE_END, renderConfigReference());
console.log("Wrote schema/pr-triage.schema.json and the reference in docs/configuration.md.");
