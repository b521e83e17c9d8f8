import picomatch from "picomatch";
import { CONFIG_PATH } from "../config/config-path.ts";
import type { ConfigProblem } from "../config/config-problem.ts";
import { defaultConfig } from "../config/config-schema.ts";
import { httpStatus } from "../errors/http-status.ts";
import { parsePolicyFile } from "./parse-policy-file.ts";
import type { Policy, PolicySource } from "./policy.ts";

/**
 * Policies go into every LLM request, so a file far beyond any sensible token budget is a
 * mistake (a pasted log, a generated file), not a policy: it is reported and not read.
 */
export const MAX_POLICY_BYTES = 32 * 1024;
/** More files than this would never fit a prompt; the rest are reported, not silently dropped. */
export const MAX_POLICY_FILES = 50;

export interface LoadedPolicies {
  policies: Policy[];
  problems: ConfigProblem[];
}

/**
 * Finds and parses the policy files that `globs` match. Every file that cannot be used (too
 * large, unreadable, not text, empty) becomes a problem row; the others still apply.
 */
export async function readPolicies(source: PolicySource, globs: readonly string[]): Promise<LoadedPolicies> {
  const problems: ConfigProblem[] = [];
  const found = new Map<string, number>();
  for (const glob of globs) {
    const { dir, recursive } = listingFor(glob);
    const matches = picomatch(glob, { dot: true });
    let listed: { path: string; size: number }[];
    try {
      listed = await source.list(dir, recursive);
    } catch (error) {
      problems.push({
        file: dir || "(repository root)",
        keyPath: "policies.paths",
        problem: `Could not list policy files for \`${glob}\`: ${messageOf(error)}`,
        fix: "Check that the folder exists on the base branch and the app can read contents. Policies from it are not applied until then.",
      });
      continue;
    }
    const hits = listed.filter((entry) => matches(entry.path));
    for (const entry of hits) found.set(entry.path, entry.size);
    if (hits.length === 0 && !defaultConfig().policies.paths.includes(glob)) {
      problems.push({
        file: CONFIG_PATH,
        keyPath: "policies.paths",
        problem: `\`${glob}\` matches no file on the base branch.`,
        fix: "Fix the glob (it is matched against repository paths, e.g. `docs/policies/*.md`), or remove it.",
      });
    }
  }

  const paths = [...found.keys()].sort();
  for (const path of paths.slice(MAX_POLICY_FILES)) {
    problems.push({
      file: path,
      keyPath: "(file)",
      problem: `Not read: policies are limited to ${MAX_POLICY_FILES} files and ${paths.length} match.`,
      fix: "Merge related policies into fewer files, or narrow `policies.paths`.",
    });
  }
  const results = await Promise.all(
    paths.slice(0, MAX_POLICY_FILES).map((path) => readOne(source, path, found.get(path) ?? 0)),
  );
  const policies: Policy[] = [];
  for (const result of results) {
    problems.push(...result.problems);
    if (result.policy) policies.push(result.policy);
  }
  return { policies, problems };
}

async function readOne(source: PolicySource, path: string, size: number) {
  if (size > MAX_POLICY_BYTES) {
    return {
      policy: null,
      problems: [
        {
          file: path,
          keyPath: "(file)",
          problem: `Too large: ${size.toLocaleString("en-US")} bytes, over the ${MAX_POLICY_BYTES.toLocaleString("en-US")}-byte limit for a policy file.`,
          fix: "Split it into smaller policies scoped with `paths:` front matter. It is not applied until then.",
        },
      ],
    };
  }
  let text: string;
  try {
    text = await source.read(path);
  } catch (error) {
    return {
      policy: null,
      problems: [
        {
          file: path,
          keyPath: "(file)",
          problem: `Could not read the file: ${messageOf(error)}`,
          fix: "Make it a regular UTF-8 text file on the base branch (not a symlink or submodule). It is not applied until then.",
        },
      ],
    };
  }
  if (text.includes("\u0000") || text.includes("\uFFFD")) {
    return {
      policy: null,
      problems: [
        {
          file: path,
          keyPath: "(file)",
          problem: "Not UTF-8 text (it contains binary data or invalid characters).",
          fix: "Save the policy as UTF-8 markdown. It is not applied until then.",
        },
      ],
    };
  }
  return parsePolicyFile(path, text);
}

/** The folder to list for a glob: its static prefix, walked deeply only when the glob needs it. */
function listingFor(glob: string): { dir: string; recursive: boolean } {
  const scan = picomatch.scan(glob);
  if (!scan.isGlob) {
    const slash = scan.base.lastIndexOf("/");
    return { dir: slash === -1 ? "" : scan.base.slice(0, slash), recursive: false };
  }
  return { dir: scan.base, recursive: scan.glob.includes("/") || scan.glob.includes("**") };
}

function messageOf(error: unknown): string {
  const status = httpStatus(error);
  const message = error instanceof Error ? error.message.split("\n")[0] : String(error);
  return typeof status === "number" ? `HTTP ${status} (${message})` : (message ?? "unknown error");
}
