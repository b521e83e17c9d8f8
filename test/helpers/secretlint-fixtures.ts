import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";

export const SECRETLINT_CORPUS = resolve(import.meta.dirname, "../../../shared/corpus/secrets/secretlint");

export interface SecretFixture {
  /** A repository path for the fixture: `fixtures-ng/<rule>/<case>/<input file>`. */
  path: string;
  content: string;
  /** The secrets secretlint's own expected output names (its `data` values found in the input). */
  secrets: string[];
}

/** Every `ng` fixture of the corpus, with its ground-truth secret values. Empty when absent. */
export function secretlintNgFixtures(): SecretFixture[] {
  if (!existsSync(SECRETLINT_CORPUS)) return [];
  const fixtures: SecretFixture[] = [];
  for (const rule of readdirSync(SECRETLINT_CORPUS).sort()) {
    const ruleDir = resolve(SECRETLINT_CORPUS, rule);
    if (!statSync(ruleDir).isDirectory()) continue;
    for (const name of readdirSync(ruleDir).sort()) {
      if (!name.startsWith("ng.")) continue;
      const caseDir = resolve(ruleDir, name);
      const input = readdirSync(caseDir).find((file) => file.startsWith("input"));
      if (!input) continue;
      const content = readFileSync(resolve(caseDir, input), "utf8");
      const expected = JSON.parse(readFileSync(resolve(caseDir, "output.json"), "utf8")) as {
        messages: { range: [number, number]; data?: Record<string, unknown> }[];
      };
      const secrets = expected.messages.flatMap((message) => {
        const named = Object.values(message.data ?? {}).filter(
          (value): value is string =>
            typeof value === "string" && value.length >= 12 && content.includes(value),
        );
        return named.length > 0 ? named : [content.slice(message.range[0], message.range[1])];
      });
      fixtures.push({
        path: `fixtures-ng/${rule}/${name.slice(3).replace(/[^\w.-]+/g, "-")}/${input}`,
        content,
        secrets,
      });
    }
  }
  return fixtures;
}

/**
 * The first `size`-character piece of any secret (each line of a multi-line one) found in
 * `text`, or null. Half a secret is a leak: whole-value checks are not enough. A piece that also
 * stands in `publicText` outside every secret (a connection string's host, named elsewhere in the
 * file) is public, not a leak.
 */
export function leakedFragment(
  text: string,
  secrets: readonly string[],
  size = 12,
  publicText = "",
): string | null {
  for (const secret of secrets) {
    for (const line of secret.split(/\r?\n/)) {
      const piece = line.trim();
      for (let at = 0; at + size <= piece.length; at++) {
        const fragment = piece.slice(at, at + size);
        if (text.includes(fragment) && !publicText.includes(fragment)) return fragment;
      }
    }
  }
  return null;
}
