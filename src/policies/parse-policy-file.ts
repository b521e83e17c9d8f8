import { parseDocument } from "yaml";
import { z } from "zod";
import type { ConfigProblem } from "../config/config-problem.ts";
import { safeGlob } from "../config/safe-glob.ts";
import { SEVERITIES } from "../findings/finding.ts";
import type { Policy } from "./policy.ts";

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const OPENS_FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n/;
const HEADING = /^#[ \t]+(.+?)[ \t#]*$/m;

/** One schema per front-matter key, so one bad key defaults alone and the rest still apply. */
const FIELDS = {
  title: z.string().trim().min(1),
  paths: z.union([safeGlob.transform((glob) => [glob]), z.array(safeGlob).min(1)]),
  severity: z.enum(SEVERITIES),
} as const;

const EXPECTED: Record<keyof typeof FIELDS, string> = {
  title: "a non-empty string",
  paths: 'a glob or a list of globs, e.g. `paths: ["src/api/**"]`',
  severity: `one of ${SEVERITIES.map((s) => `\`${s}\``).join(", ")}`,
};

const DEFAULTS: Record<keyof typeof FIELDS, string> = {
  title: "the first `# heading` or the file name",
  paths: "every PR",
  severity: "the reviewer's judgement",
};

export interface ParsedPolicy {
  policy: Policy | null;
  problems: ConfigProblem[];
}

/**
 * Parses a policy file: markdown with optional YAML front matter (`title:`, `paths:`,
 * `severity:`). A bad front-matter key is reported and takes its default; the policy still
 * applies, because dropping a maintainer's rule over a typo would weaken the review.
 */
export function parsePolicyFile(path: string, text: string): ParsedPolicy {
  const problems: ConfigProblem[] = [];
  const problem = (keyPath: string, what: string, fix: string) =>
    problems.push({ file: path, keyPath, problem: what, fix });

  let body = text.replace(/^\uFEFF/, "");
  let frontMatter: Record<string, unknown> = {};
  const match = FRONT_MATTER.exec(text);
  if (match) {
    body = text.slice(match[0].length);
    const document = parseDocument(match[1] ?? "");
    const [error] = document.errors;
    const data: unknown = error ? undefined : document.toJS();
    if (error) {
      problem(
        "(front matter)",
        `Invalid YAML in the front matter: ${error.message.split("\n")[0]}`,
        "Fix the YAML between the `---` lines. Until then the policy applies to every PR with default settings.",
      );
    } else if (data !== null && data !== undefined && (typeof data !== "object" || Array.isArray(data))) {
      problem(
        "(front matter)",
        `Expected \`key: value\` lines between the \`---\` lines, got ${Array.isArray(data) ? "a list" : "text"}.`,
        "Use keys `title:`, `paths:` and `severity:`. Until then the policy applies to every PR with default settings.",
      );
    } else if (data) {
      frontMatter = data as Record<string, unknown>;
    }
  } else if (OPENS_FRONT_MATTER.test(text)) {
    problem(
      "(front matter)",
      "The front matter opens with `---` but is never closed.",
      "Add a closing `---` line after the front matter. Until then the whole file is read as the policy text.",
    );
  }

  const settings: { title?: string; paths?: string[]; severity?: Policy["severity"] } = {};
  for (const [key, value] of Object.entries(frontMatter)) {
    if (!(key in FIELDS)) {
      problem(
        key,
        `Unknown front-matter key \`${key}\`.`,
        "Remove it or fix its spelling. Keys allowed here: `title`, `paths`, `severity`.",
      );
      continue;
    }
    const field = key as keyof typeof FIELDS;
    const parsed = FIELDS[field].safeParse(value);
    if (!parsed.success) {
      // A refused glob says why (see globComplexityProblem); other issues say what was expected.
      const custom = parsed.error.issues.find((issue) => issue.code === "custom")?.message;
      problem(
        field,
        custom ?? `Expected ${EXPECTED[field]}, got ${JSON.stringify(value) ?? "nothing"}.`,
        `Correct the value or remove the key. Until then the policy uses ${DEFAULTS[field]}.`,
      );
      continue;
    }
    Object.assign(settings, { [field]: parsed.data });
  }

  body = body.trim();
  if (body === "") {
    problem(
      "(file)",
      "The policy has no text after its front matter.",
      "Write the rule in markdown below the front matter, or delete the file.",
    );
    return { policy: null, problems };
  }
  return {
    policy: {
      path,
      title: settings.title ?? HEADING.exec(body)?.[1]?.trim() ?? titleFromPath(path),
      paths: settings.paths ?? [],
      severity: settings.severity ?? null,
      body,
    },
    problems,
  };
}

function titleFromPath(path: string): string {
  const name = path.split("/").at(-1) ?? path;
  return name.replace(/\.[^.]+$/, "").replace(/[-_]+/g, " ");
}
