import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { cliEnvSchema } from "../../src/settings/cli-settings.ts";
import { envSchema } from "../../src/settings/env-schema.ts";

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
// Read by the CLI only; the README's command-line section names them.
const CLI_ONLY = [...Object.keys(cliEnvSchema.shape), "GITHUB_TOKEN"];

/** The rows of the README's "### Environment" table: variables and defaults, in backticks. */
function environmentTable(): { names: string[]; defaults: string[] }[] {
  const section = README.split("### Environment\n")[1]?.trimStart().split("\n\n")[0] ?? "";
  const ticked = (cell: string | undefined) =>
    [...(cell ?? "").matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? "");
  return section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .map((line) => {
      const cells = line.split(" | ");
      return { names: ticked(cells[0]), defaults: ticked(cells.at(-1)) };
    });
}

describe("the README's environment table matches the settings schema", () => {
  const rows = environmentTable();
  const schemaNames = Object.keys(envSchema.shape);

  it("lists every variable the server reads, and no other", () => {
    const tableNames = rows.flatMap((row) => row.names);
    expect([...tableNames].sort()).toEqual(schemaNames.filter((name) => !CLI_ONLY.includes(name)).sort());
    for (const name of CLI_ONLY) expect(README).toContain(name);
  });

  it("gives each number the default the schema uses", () => {
    const checked: string[] = [];
    for (const [name, schema] of Object.entries(envSchema.shape)) {
      const envDefault = z.globalRegistry.get(schema)?.envDefault;
      if (typeof envDefault !== "string") continue;
      const row = rows.find((r) => r.names.includes(name));
      expect(row?.defaults[row.names.indexOf(name)], name).toBe(envDefault);
      checked.push(name);
    }
    expect(checked).toContain("OPENAI_TIMEOUT_MS");
    expect(checked).toContain("ANALYTICS_RETENTION_DAYS");
  });
});
