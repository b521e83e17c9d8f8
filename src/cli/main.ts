// The `pr-triage` command line (see bin/pr-triage.js). Commands live in run-cli.ts.
import { runCli } from "./run-cli.ts";

process.exitCode = await runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  env: process.env,
  stdout: process.stdout,
  stderr: process.stderr,
});
