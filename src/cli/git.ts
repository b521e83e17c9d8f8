import { execFileSync } from "node:child_process";

/** Big enough for the diff of a very large PR; git output past it is a usage error worth reporting. */
const MAX_OUTPUT_BYTES = 256 * 1024 * 1024;

/**
 * Runs git with fixed arguments (never a shell) in `cwd` and returns its stdout. The user's
 * git config must not change what we parse, so pagers, colour and external diff tools are off.
 */
export function git(cwd: string, args: readonly string[]): string {
  try {
    return execFileSync("git", ["-c", "core.quotePath=true", "--no-pager", ...args], {
      cwd,
      encoding: "utf8",
      maxBuffer: MAX_OUTPUT_BYTES,
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" },
    });
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim();
    throw new Error(`\`git ${args.join(" ")}\` failed${stderr ? `: ${stderr.split("\n")[0]}` : ""}`);
  }
}

/** Like `git`, but null instead of an error: for questions whose answer may be "no". */
export function gitOrNull(cwd: string, args: readonly string[]): string | null {
  try {
    return git(cwd, args);
  } catch {
    return null;
  }
}
