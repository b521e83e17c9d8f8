import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

/** A throwaway git repository in the OS temp folder, driven with real git commands. */
export interface TempGitRepo {
  dir: string;
  write(path: string, text: string): void;
  /** Copies a folder of this project (e.g. `examples/typescript-service`) into the repo root. */
  copyFromProject(folder: string): void;
  git(...args: string[]): string;
  commitAll(message: string): void;
  remove(): void;
}

const PROJECT = new URL("../../", import.meta.url);

export function createTempGitRepo(): TempGitRepo {
  const dir = mkdtempSync(join(tmpdir(), "pr-triage-cli-"));
  const git = (...args: string[]) =>
    execFileSync("git", args, {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, GIT_CONFIG_GLOBAL: "/dev/null", GIT_CONFIG_NOSYSTEM: "1" },
    });
  git("init", "--quiet", "--initial-branch=main");
  git("config", "user.email", "dev@example.com");
  git("config", "user.name", "Dev Example");
  git("config", "commit.gpgsign", "false");
  return {
    dir,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    copyFromProject(folder) {
      cpSync(new URL(folder, PROJECT), dir, { recursive: true });
    },
    git,
    commitAll(message) {
      git("add", "--all");
      git("commit", "--quiet", "--message", message);
    },
    remove() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Captures what a CLI command writes. */
export function captureIo(cwd: string, givenEnv: NodeJS.ProcessEnv = {}) {
  // The CLI caches LLM answers in the user's cache directory, which outlives a test run: a test
  // uses the answer cache only in a DATA_DIR of its own, or a later run would skip its fake LLM.
  const env = givenEnv.DATA_DIR ? givenEnv : { LLM_CACHE_MAX_ENTRIES: "0", ...givenEnv };
  let stdout = "";
  let stderr = "";
  return {
    io: {
      cwd,
      env,
      stdout: { write: (text: string) => (stdout += text) },
      stderr: { write: (text: string) => (stderr += text) },
    },
    stdout: () => stdout,
    stderr: () => stderr,
  };
}
