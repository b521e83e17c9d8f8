// Regenerates the files derived from the config's zod schema: the JSON Schema editors use, and
// the reference tables in docs/configuration.md. A test fails when either is stale.
import { readFileSync, writeFileSync } from "node:fs";
import { configJsonSchema } from "../src/config/config-json-schema.ts";
import {
  REFERENCE_END,
  REFERENCE_START,
  renderConfigReference,
} from "../src/config/render-config-reference.ts";

const root = new URL("../", import.meta.url);
const schemaFile = new URL("schema/pr-triage.schema.json", root);
const docsFile = new URL("docs/configuration.md", root);

writeFileSync(schemaFile, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);

const docs = readFileSync(docsFile, "utf8");
const start = docs.indexOf(REFERENCE_START);
const end = docs.indexOf(REFERENCE_END);
if (start === -1 || end < start) {
  console.error(
    `docs/configuration.md must contain the lines\n${REFERENCE_START}\n${REFERENCE_END}\nto mark where the reference goes.`,
  );
  process.exit(1);
}
writeFileSync(
  docsFile,
  `${docs.slice(0, start + REFERENCE_START.length)}\n\n${renderConfigReference()}\n\n${docs.slice(end)}`,
);
console.log("Wrote schema/pr-triage.schema.json and the reference in docs/configuration.md.");
