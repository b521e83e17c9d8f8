import { parseDocument } from "yaml";
import { errorMessage } from "../errors/error-message.ts";
import { CONFIG_PATH } from "./config-path.ts";
import type { ConfigProblem } from "./config-problem.ts";
import { defaultConfig } from "./config-schema.ts";
import { type LoadedConfig, parseConfig } from "./parse-config.ts";

/** Parses the text of `.github/pr-triage.yml` (as the CLI reads it), then validates it key by key. */
export function parseConfigYaml(text: string, file: string = CONFIG_PATH): LoadedConfig {
  const document = parseDocument(text, { prettyErrors: true });
  const [error] = document.errors;
  if (error) return { config: defaultConfig(), problems: [invalidYamlProblem(error, file)] };
  return parseConfig(document.toJS(), file);
}

/** The problem row for a file that is not valid YAML: nothing in it can be trusted, so all of it defaults. */
export function invalidYamlProblem(error: unknown, file: string = CONFIG_PATH): ConfigProblem {
  return {
    file,
    keyPath: "(file)",
    problem: `Invalid YAML${position(error)}: ${firstLine(error)}`,
    fix: "Fix the YAML syntax (indentation, quoting, a missing `:` or a duplicate key); `npx pr-triage validate` shows the error locally. All defaults are used until then.",
  };
}

function position(error: unknown): string {
  const linePos = (error as { linePos?: readonly { line: number; col: number }[] }).linePos;
  const start = linePos?.[0];
  return start ? ` at line ${start.line}, column ${start.col}` : "";
}

function firstLine(error: unknown): string {
  const message = errorMessage(error);
  return (message.split("\n")[0] ?? message).replace(/ at line \d+, column \d+:?$/, "").trim();
}
