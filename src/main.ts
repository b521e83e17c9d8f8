import { existsSync } from "node:fs";
import { run } from "probot";
import { createApp } from "./app.ts";
import { readPriceTable } from "./llm/estimate-cost.ts";
import { readLlmSettings } from "./llm/llm-settings.ts";
import { startupProblems } from "./startup-check.ts";

// Probot reads .env too, but our checks must see the same values before it starts.
if (existsSync(".env")) process.loadEnvFile(".env");

const problems = startupProblems(process.env);
if (problems.length > 0) {
  console.error(`pr-triage cannot start:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  process.exit(1);
}

let llm: ReturnType<typeof readLlmSettings>;
let llmPrices: ReturnType<typeof readPriceTable>;
try {
  llm = readLlmSettings(process.env);
  llmPrices = readPriceTable(process.env);
} catch (error) {
  console.error(`pr-triage cannot start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

await run(createApp({ llm, llmPrices, webHost: process.env.GHE_HOST?.split(":")[0] ?? "github.com" }));
