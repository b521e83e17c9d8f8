import { parseArgs } from "node:util";
import { errorMessage } from "../errors/error-message.ts";
import { readCliSettings } from "../settings/cli-settings.ts";
import { SettingsError } from "../settings/settings-error.ts";
import { type CliIo, UsageError } from "./cli-io.ts";
import { flowCommand } from "./flow-command.ts";
import { reviewCommand } from "./review-command.ts";
import { validateCommand } from "./validate-command.ts";

const USAGE = `Usage:
  pr-triage validate [dir] [--json]
      Check .github/pr-triage.yml, the policy files and CODEOWNERS in dir (default: .).
      Exit 1 when there are problems.
  pr-triage review [--base <ref>] [--json]
      Triage the current branch against its base (default: origin's default branch, main or
      master) and print what the app would post. Reads config and policies from the base ref.
      Set OPENAI_API_KEY (and OPENAI_BASE_URL, OPENAI_MODEL) for the AI review; without it,
      only the analyzers run. Exit 3 when the AI review was requested but unavailable.
  pr-triage flow --repo <owner/name> [--since 90d] [--json]
      Review-flow figures (pickup, review and cycle time by risk level and author kind, risk
      mix, high-risk PRs merged without their requested review) from the repository's GitHub
      history, so you can measure a baseline. Needs GITHUB_TOKEN; GHE_HOST for Enterprise.
`;

/** Parses the command line and runs one command. Returns the exit code: 0 ok, 1 problems found, 2 usage error, 3 AI review unavailable (`review`). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        base: { type: "string" },
        repo: { type: "string" },
        since: { type: "string", default: "90d" },
        json: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
    });
    const [command, ...rest] = positionals;
    if (values.help || command === "help") {
      io.stdout.write(USAGE);
      return 0;
    }
    if (command === "validate") {
      if (rest.length > 1)
        throw new UsageError(`validate takes one directory, got ${rest.length}: ${rest.join(" ")}.`);
      if (values.base !== undefined)
        throw new UsageError("--base belongs to `review`; validate reads the working tree.");
      return await validateCommand({ dir: rest[0] ?? ".", json: values.json }, io);
    }
    if (command === "review") {
      if (rest.length > 0)
        throw new UsageError(
          `review takes no arguments, got "${rest.join(" ")}". Use --base <ref> to choose the base.`,
        );
      return await reviewCommand({ base: values.base, json: values.json }, io);
    }
    if (command === "flow") {
      if (rest.length > 0)
        throw new UsageError(`flow takes no arguments, got "${rest.join(" ")}". Use --repo owner/name.`);
      return await flowCommand({ repo: values.repo, since: values.since, json: values.json }, io);
    }
    throw new UsageError(
      command === undefined
        ? "Expected a command."
        : `Unknown command "${command}": expected \`validate\`, \`review\` or \`flow\`.`,
    );
  } catch (error) {
    const usage =
      error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS");
    if (error instanceof SettingsError) {
      // As the server's start-up check: every bad variable, each with its fix; no stack, nothing to debug.
      io.stderr.write(
        `pr-triage: the environment is not valid:\n${error.problems.map((p) => `  - ${p}\n`).join("")}`,
      );
      return 1;
    }
    io.stderr.write(`pr-triage: ${errorMessage(error)}\n`);
    if (usage) io.stderr.write(`\n${USAGE}`);
    else if (readCliSettings(io.env).debug && error instanceof Error) io.stderr.write(`${error.stack}\n`);
    else io.stderr.write("(set PR_TRIAGE_DEBUG=1 to see where it failed)\n");
    return usage ? 2 : 1;
  }
}
