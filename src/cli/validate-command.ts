import { existsSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { readCodeowners } from "../codeowners/read-codeowners.ts";
import { CONFIG_PATH } from "../config/config-path.ts";
import type { ConfigProblem } from "../config/config-problem.ts";
import { parseConfigYaml } from "../config/parse-config-yaml.ts";
import { readPolicies } from "../policies/read-policies.ts";
import { type CliIo, UsageError } from "./cli-io.ts";
import { fsPolicySource } from "./fs-policy-source.ts";
import { renderProblems } from "./render-problems.ts";

export interface ValidateOptions {
  dir: string;
  json: boolean;
}

/**
 * `pr-triage validate [dir]`: checks the config, policies and CODEOWNERS of a working tree the
 * way the app will read them, and lists every problem with its key path and fix.
 * Exit code 0 when all is valid, 1 when there are problems.
 */
export async function validateCommand(options: ValidateOptions, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, options.dir);
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(
      `validate expected a directory, got "${options.dir}" (${root} does not exist or is a file). Pass the repository root, e.g. \`pr-triage validate .\`.`,
    );
  }
  const configFile = join(root, CONFIG_PATH);
  const configFound = existsSync(configFile);
  const loaded = parseConfigYaml(configFound ? readFileSync(configFile, "utf8") : "");
  const problems: ConfigProblem[] = [...loaded.problems];
  if (!configFound && existsSync(join(root, ".github/pr-triage.yaml"))) {
    problems.push({
      file: ".github/pr-triage.yaml",
      keyPath: "(file)",
      problem: "This file is never read: the app only reads `.github/pr-triage.yml`.",
      fix: "Rename it to `.github/pr-triage.yml`.",
    });
  }
  if (loaded.config._extends) {
    io.stderr.write(
      `note: \`_extends: ${loaded.config._extends}\` is not followed locally; the app merges it on GitHub. Validated this file on its own.\n`,
    );
  }
  const policies = await readPolicies(fsPolicySource(root), loaded.config.policies.paths);
  problems.push(...policies.problems);
  const codeowners = await readCodeowners(async (path) =>
    existsSync(join(root, path)) ? readFileSync(join(root, path), "utf8") : null,
  );
  problems.push(...(codeowners?.problems ?? []));

  if (options.json) {
    io.stdout.write(
      `${JSON.stringify(
        {
          ok: problems.length === 0,
          config: { file: configFound ? CONFIG_PATH : null, effective: loaded.config },
          policies: policies.policies.map(({ path, title, paths, severity }) => ({
            path,
            title,
            paths,
            severity,
          })),
          codeowners: codeowners && { file: codeowners.file, rules: codeowners.rules.length },
          problems,
        },
        null,
        2,
      )}\n`,
    );
    return problems.length === 0 ? 0 : 1;
  }

  const lines = [`PR Triage settings in ${root}`, ""];
  lines.push(
    configFound
      ? `Config:     ${CONFIG_PATH}${loaded.problems.length === 0 ? " (valid)" : ""}`
      : `Config:     no ${CONFIG_PATH}; the defaults apply`,
  );
  lines.push(`Policies:   ${policies.policies.length} from ${loaded.config.policies.paths.join(", ")}`);
  for (const policy of policies.policies) {
    const scope = policy.paths.length > 0 ? policy.paths.join(", ") : "every PR";
    lines.push(
      `  - ${policy.title} (${policy.path}) · applies to ${scope}${policy.severity ? ` · ${policy.severity}` : ""}`,
    );
  }
  lines.push(
    codeowners ? `CODEOWNERS: ${codeowners.file}, ${codeowners.rules.length} rule(s)` : "CODEOWNERS: none",
  );
  lines.push("");
  if (problems.length === 0) lines.push("✓ No problems found.");
  else {
    lines.push(renderProblems(problems), "");
    lines.push(
      `${problems.length} problem(s). The app reports them on each PR and uses the defaults for those parts only.`,
    );
  }
  io.stdout.write(`${lines.join("\n")}\n`);
  return problems.length === 0 ? 0 : 1;
}
