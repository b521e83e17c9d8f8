/**
 * One generated sample per gitleaks rule, as an independent measure of which secret formats the
 * app knows. The rules are read from the corpus copy of gitleaks' config (MIT) at eval time and
 * never copied into the repository; each sample is a random string that the rule's own regex
 * matches (made with randexp, seeded, so every run measures the same strings).
 */
import { readFileSync } from "node:fs";
import randexp from "randexp";
import { parse } from "smol-toml";
import { seededRandom } from "../test/helpers/seeded-random.ts";

export interface GitleaksSample {
  ruleId: string;
  /** Where the sample is placed: a path the rule's own `path` pattern accepts, or a neutral one. */
  path: string;
  content: string;
}

interface GitleaksRule {
  id?: string;
  regex?: string;
  path?: string;
}

/** Tries per rule before giving up: a sample must match the converted regex and stay on one line. */
const ATTEMPTS = 40;

// randexp is CommonJS: Node hands its class over as the default export, which its typings
// describe as `.default`.
const RandExp = randexp as unknown as typeof randexp.default;

/** Samples for every gitleaks rule that has a content regex (path-only rules match file names). */
export function gitleaksSamples(tomlPath: string, seed = 12): GitleaksSample[] {
  const config = parse(readFileSync(tomlPath, "utf8")) as { rules?: GitleaksRule[] };
  const random = seededRandom(seed);
  const samples: GitleaksSample[] = [];
  for (const rule of config.rules ?? []) {
    if (!rule.id || !rule.regex) continue;
    const regex = goToJsRegex(rule.regex);
    const path = rule.path ? generate(goToJsRegex(rule.path), random, /^[\w./-]+$/) : null;
    const content = generate(regex, random, /^[^\n\r]*$/);
    if (content === null)
      throw new Error(`Could not generate a one-line sample for gitleaks rule ${rule.id}`);
    samples.push({
      ruleId: rule.id,
      path: path ? `config/${path.replace(/^\/+/, "")}` : "config/settings.conf",
      content,
    });
  }
  return samples;
}

function generate(regex: RegExp, random: () => number, shape: RegExp): string | null {
  const generator = new RandExp(regex);
  generator.max = 6;
  generator.defaultRange.subtract(0, 31).subtract(127, 0x10ffff);
  generator.randInt = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const sample = generator.gen();
    if (shape.test(sample) && regex.test(sample)) return sample;
  }
  return null;
}

const POSIX_CLASSES: Record<string, string> = {
  alnum: "a-zA-Z0-9",
  alpha: "a-zA-Z",
  digit: "0-9",
  xdigit: "0-9a-fA-F",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t",
};

/**
 * gitleaks' regexes are Go RE2: inline flag groups, `\z` and POSIX classes. This rewrites the
 * few constructs JavaScript lacks; `\s` becomes space or tab so that samples stay on one line.
 */
function goToJsRegex(source: string): RegExp {
  let flags = "";
  let body = source;
  if (body.startsWith("(?i)")) {
    flags += "i";
    body = body.slice(4);
  }
  body = body
    .replace(/\(\?-?[is]+:/g, "(?:")
    .replace(/\(\?[is]+\)/g, "")
    .replace(/\\z/g, "$")
    .replace(/\\A/g, "^")
    .replace(/\(\?P</g, "(?<")
    .replace(/\[:(\w+):\]/g, (whole, name: string) => POSIX_CLASSES[name] ?? whole)
    .replace(/\\s/g, "[ \\t]")
    .replace(/\[([^\]]*)\[ \\t\]/g, "[$1 \\t");
  return new RegExp(body, flags);
}
