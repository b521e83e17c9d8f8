import type { ConfigProblem } from "../config/config-problem.ts";
import { globComplexityProblem } from "../config/glob-complexity-problem.ts";
import { compileCodeownersPattern } from "./compile-codeowners-pattern.ts";

/** One valid line of a CODEOWNERS file. */
export interface CodeownersRule {
  pattern: string;
  /** `@user`, `@org/team` or an email address; empty means "no owner" for matching paths. */
  owners: string[];
  /** 1-based line number, for error messages and explanations. */
  line: number;
  regex: RegExp;
}

export interface ParsedCodeowners {
  file: string;
  rules: CodeownersRule[];
  problems: ConfigProblem[];
}

const USER = /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const TEAM = /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}\/[A-Za-z0-9._-]+$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * Parses a CODEOWNERS file as GitHub does: `#` starts a comment (also after an owner), each
 * line is a pattern then zero or more owners, and a line with invalid syntax is skipped (and
 * reported) while the rest of the file still applies.
 */
export function parseCodeowners(text: string, file: string): ParsedCodeowners {
  const rules: CodeownersRule[] = [];
  const problems: ConfigProblem[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed.startsWith("#")) continue;
    const [pattern = "", ...rest] = tokenize(trimmed);
    const commentAt = rest.findIndex((token) => token.startsWith("#"));
    const owners = commentAt === -1 ? rest : rest.slice(0, commentAt);
    const invalid = lineProblem(pattern, owners);
    if (invalid) {
      problems.push({
        file,
        keyPath: `line ${line}`,
        problem: invalid.problem,
        fix: `${invalid.fix} GitHub skips this line until then.`,
      });
      continue;
    }
    rules.push({ pattern, owners, line, regex: compileCodeownersPattern(pattern) });
  }
  return { file, rules, problems };
}

function lineProblem(pattern: string, owners: readonly string[]): { problem: string; fix: string } | null {
  if (pattern.startsWith("!")) {
    return {
      problem: `\`${pattern}\`: negation (\`!\`) is not supported in CODEOWNERS.`,
      fix: "Give those paths a later rule instead (a pattern with no owners removes them).",
    };
  }
  if (/(?<!\\)[[\]]/.test(pattern)) {
    return {
      problem: `\`${pattern}\`: character ranges (\`[ ]\`) are not supported in CODEOWNERS.`,
      fix: "List each path, or use `*` and `?`.",
    };
  }
  if (pattern.includes("***")) {
    return {
      problem: `\`${pattern}\`: three asterisks in a row are not a valid pattern.`,
      fix: "Use `**` to match across directories.",
    };
  }
  const complexity = globComplexityProblem(pattern);
  if (complexity) {
    return {
      problem: `\`${pattern.slice(0, 80)}\`: ${complexity}`,
      fix: "Simplify the pattern; the line is skipped until then.",
    };
  }
  const invalid = owners.filter((owner) => !USER.test(owner) && !TEAM.test(owner) && !EMAIL.test(owner));
  if (invalid.length === 0) return null;
  return {
    problem: `Invalid owner ${invalid.map((o) => `\`${o}\``).join(", ")}: expected \`@user\`, \`@org/team\` or an email address.`,
    fix: "Fix the owner (users and teams need a leading `@`).",
  };
}

/** Splits on unescaped whitespace; `\ ` keeps a space inside a pattern. */
function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let current = "";
  for (let i = 0; i < line.length; i++) {
    const char = line[i] ?? "";
    if (char === "\\" && line[i + 1] === " ") {
      current += " ";
      i++;
    } else if (char === " " || char === "\t") {
      if (current !== "") tokens.push(current);
      current = "";
    } else current += char;
  }
  if (current !== "") tokens.push(current);
  return tokens;
}
