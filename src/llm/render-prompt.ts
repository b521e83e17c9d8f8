import { readFileSync } from "node:fs";

const PROMPTS_DIR = new URL("../../prompts/", import.meta.url);
const cache = new Map<string, string>();

/** The prompt roles, one Markdown file each in `prompts/`. */
export type PromptName = "system" | "review" | "repair" | "output-schema";

/**
 * Fills a prompt template. Every `{{name}}` must have a value: a silent empty string would send
 * the model a broken prompt, so a missing variable throws.
 */
export function renderPrompt(name: PromptName, vars: Readonly<Record<string, string>>): string {
  let template = cache.get(name);
  if (template === undefined) {
    template = readFileSync(new URL(`${name}.md`, PROMPTS_DIR), "utf8");
    cache.set(name, template);
  }
  // One pass, so a value that itself contains `{{x}}` (PR text) is never expanded.
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => {
    const value = vars[key];
    if (value === undefined) throw new Error(`Prompt "${name}.md" uses {{${key}}} but no value was given.`);
    return value;
  });
}
