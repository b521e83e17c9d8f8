import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { renderPrompt } from "../../src/llm/render-prompt.ts";

function variables(name: string): string[] {
  const text = readFileSync(new URL(`../../prompts/${name}.md`, import.meta.url), "utf8");
  return [...new Set([...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1] as string))].sort();
}

describe("prompts", () => {
  it("use exactly the variables documented in prompts/README.md", () => {
    expect(variables("system")).toEqual(["policies"]);
    expect(variables("review")).toEqual(["body", "chunk", "diff", "marker", "title"]);
    expect(variables("repair")).toEqual(["error", "excerpt"]);
    expect(variables("output-schema")).toEqual(["schema"]);
  });

  it("keep PR-controlled variables out of the system prompt", () => {
    const system = readFileSync(new URL("../../prompts/system.md", import.meta.url), "utf8");
    for (const untrusted of ["title", "body", "diff"]) expect(system).not.toContain(`{{${untrusted}}}`);
  });

  it("refuse to render with a missing variable instead of sending a broken prompt", () => {
    expect(() => renderPrompt("repair", {})).toThrow(
      'Prompt "repair.md" uses {{error}} but no value was given.',
    );
  });

  it("never expands placeholders that appear inside values (PR text)", () => {
    const out = renderPrompt("repair", { error: "{{policies}} {{marker}}", excerpt: "{{schema}}" });
    expect(out).toContain("{{policies}} {{marker}}");
    expect(out).toContain("{{schema}}");
  });
});
