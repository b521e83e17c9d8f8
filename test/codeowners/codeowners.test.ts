import { describe, expect, it } from "vitest";
import { compileCodeownersPattern } from "../../src/codeowners/compile-codeowners-pattern.ts";
import { matchCodeowners } from "../../src/codeowners/match-codeowners.ts";
import { ownersForPaths } from "../../src/codeowners/owners-for-paths.ts";
import { parseCodeowners } from "../../src/codeowners/parse-codeowners.ts";
import { readCodeowners } from "../../src/codeowners/read-codeowners.ts";

/** The example CODEOWNERS file from GitHub's documentation ("About code owners"), verbatim in order. */
const GITHUB_DOCS_EXAMPLE = `# This is a comment.
# Each line is a file pattern followed by one or more owners.

# These owners will be the default owners for everything in
# the repo. Unless a later match takes precedence,
# @global-owner1 and @global-owner2 will be requested for
# review when someone opens a pull request.
*       @global-owner1 @global-owner2

# Order is important; the last matching pattern takes the most
# precedence. When someone opens a pull request that only
# modifies JS files, only @js-owner and not the global
# owner(s) will be requested for a review.
*.js    @js-owner #This is an inline comment.

# You can also use email addresses if you prefer. They'll be
# used to look up users just like we do for commit author
# emails.
*.go docs@example.com

# Teams can be specified as code owners as well. Teams should
# be identified in the format @org/team-name. Teams must have
# explicit write access to the repository. In this example,
# the octocats team in the octo-org organization owns all .txt files.
*.txt @octo-org/octocats

# In this example, @doctocat owns any files in the build/logs
# directory at the root of the repository and any of its
# subdirectories.
/build/logs/ @doctocat

# The \`docs/*\` pattern will match files like
# \`docs/getting-started.md\` but not further nested files like
# \`docs/build-app/troubleshooting.md\`.
docs/* docs@example.com

# In this example, @octocat owns any file in an apps directory
# anywhere in your repository.
apps/ @octocat

# In this example, @doctocat owns any file in the \`/docs\`
# directory in the root of your repository and any of its
# subdirectories.
/docs/ @doctocat

# In this example, any change inside the \`/scripts\` directory
# will require approval from @doctocat or @octocat.
/scripts/ @doctocat @octocat

# In this example, @octocat owns any file in a \`/logs\` directory such as
# \`/build/logs\`, \`/scripts/logs\`, and \`/deeply/nested/logs\`. Any changes
# in a \`/logs\` directory will require approval from @octocat.
**/logs @octocat

# In this example, @octocat owns any file in the \`/apps\`
# directory in the root of your repository except for the \`/apps/github\`
# subdirectory, as its owners are left empty. Without an owner, changes
# to \`apps/github\` can be made with the approval of any user who has
# write access to the repository.
/apps/ @octocat
/apps/github

# In this example, @octocat owns any file in the \`/apps\`
# directory in the root of your repository except for the \`/apps/github\`
# subdirectory, as this subdirectory has its own owner @doctocat
/apps/ @octocat
/apps/github @doctocat
`;

/** The docs example up to the "owners left empty" rule, to see that an empty owner list wins. */
const UP_TO_EMPTY_OWNERS = GITHUB_DOCS_EXAMPLE.slice(
  0,
  GITHUB_DOCS_EXAMPLE.lastIndexOf("# In this example, @octocat owns"),
);

function owners(text: string, path: string): string[] | null {
  const rule = matchCodeowners(parseCodeowners(text, "CODEOWNERS").rules, path);
  return rule ? rule.owners : null;
}

describe("CODEOWNERS with GitHub's semantics", () => {
  it("parses the docs example without problems, inline comment removed", () => {
    const parsed = parseCodeowners(GITHUB_DOCS_EXAMPLE, ".github/CODEOWNERS");
    expect(parsed.problems).toEqual([]);
    expect(parsed.rules).toHaveLength(14);
    expect(parsed.rules[1]).toMatchObject({ pattern: "*.js", owners: ["@js-owner"], line: 14 });
  });

  it.each([
    ["README.md", ["@global-owner1", "@global-owner2"]],
    ["src/index.js", ["@js-owner"]],
    ["cmd/server/main.go", ["docs@example.com"]],
    ["notes/todo.txt", ["@octo-org/octocats"]],
    // `/build/logs/` matches, but `**/logs` comes later and wins.
    ["build/logs/output.log", ["@octocat"]],
    ["docs/getting-started.md", ["@doctocat"]],
    ["docs/build-app/troubleshooting.md", ["@doctocat"]],
    ["web/apps/index.html", ["@octocat"]],
    ["scripts/deploy.sh", ["@doctocat", "@octocat"]],
    ["deeply/nested/logs/today.log", ["@octocat"]],
    ["apps/web/main.ts", ["@octocat"]],
    ["apps/github/action.yml", ["@doctocat"]],
  ])("the last matching rule owns %s", (path, expected) => {
    expect(owners(GITHUB_DOCS_EXAMPLE, path)).toEqual(expected);
  });

  it("an owner-less rule that matches last leaves the path without owners", () => {
    expect(owners(UP_TO_EMPTY_OWNERS, "apps/github/action.yml")).toEqual([]);
    expect(owners(UP_TO_EMPTY_OWNERS, "apps/web/main.ts")).toEqual(["@octocat"]);
  });

  it("returns null when no rule matches", () => {
    expect(owners("/docs/ @doctocat\n", "src/a.ts")).toBeNull();
  });

  it.each([
    // Each pattern alone, against what GitHub's docs say it matches.
    ["*", "a/b/c.txt", true],
    ["*.js", "deep/dir/app.js", true],
    ["*.js", "app.jsx", false],
    ["/build/logs/", "build/logs/a/b.txt", true],
    ["/build/logs/", "src/build/logs/a.txt", false],
    ["/build/logs/", "build/logs", false],
    ["docs/*", "docs/getting-started.md", true],
    ["docs/*", "docs/build-app/troubleshooting.md", false],
    ["docs/*", "src/docs/a.md", false],
    ["apps/", "apps/x.ts", true],
    ["apps/", "deep/apps/x/y.ts", true],
    ["apps/", "apps", false],
    ["/docs/", "docs/a/b.md", true],
    ["/docs/", "src/docs/a.md", false],
    ["**/logs", "logs/a.log", true],
    ["**/logs", "build/logs/a.log", true],
    ["**/logs", "deeply/nested/logs/x/y.log", true],
    ["**/logs", "catalogs/a.log", false],
    ["/apps/github", "apps/github", true],
    ["/apps/github", "apps/github/x.yml", true],
    ["/apps/github", "apps/githubber/x.yml", false],
    ["foo/**/bar", "foo/bar", true],
    ["foo/**/bar", "foo/a/b/bar/c.txt", true],
    ["f?o", "foo", true],
    ["f?o", "fooo", false],
    ["f\\*o", "f*o", true],
    ["f\\*o", "foo", false],
    ["/*", "README.md", true],
    ["/*", "src/index.ts", false],
    ["Docs/", "docs/a.md", false],
  ])("%s matches %s: %s", (pattern, path, expected) => {
    expect(compileCodeownersPattern(pattern).test(path)).toBe(expected);
  });

  it("skips and reports lines GitHub cannot use, keeping the others", () => {
    const parsed = parseCodeowners(
      "*.js @js-owner\n!vendor/ @x\n[ab].txt @y\n/docs/ doctocat\n**/logs @octocat\n",
      "CODEOWNERS",
    );
    expect(parsed.rules.map((r) => r.pattern)).toEqual(["*.js", "**/logs"]);
    expect(parsed.problems).toEqual([
      {
        file: "CODEOWNERS",
        keyPath: "line 2",
        problem: "`!vendor/`: negation (`!`) is not supported in CODEOWNERS.",
        fix: "Give those paths a later rule instead (a pattern with no owners removes them). GitHub skips this line until then.",
      },
      expect.objectContaining({ keyPath: "line 3", problem: expect.stringContaining("character ranges") }),
      expect.objectContaining({
        keyPath: "line 4",
        problem: "Invalid owner `doctocat`: expected `@user`, `@org/team` or an email address.",
      }),
    ]);
  });

  it("reads the first of .github/CODEOWNERS, CODEOWNERS, docs/CODEOWNERS that exists, like GitHub", async () => {
    const tried: string[] = [];
    const files: Record<string, string> = {
      CODEOWNERS: "* @root-owner\n",
      "docs/CODEOWNERS": "* @docs-owner\n",
    };
    const parsed = await readCodeowners(async (path) => {
      tried.push(path);
      return files[path] ?? null;
    });
    expect(tried).toEqual([".github/CODEOWNERS", "CODEOWNERS"]);
    expect(parsed?.file).toBe("CODEOWNERS");
    expect(ownersForPaths(parsed, ["a.ts"])).toEqual([{ path: "a.ts", owners: ["@root-owner"], line: 1 }]);
  });

  it("ignores a CODEOWNERS file of 3 MB or more, as GitHub does, and says so", async () => {
    const parsed = await readCodeowners(async (path) =>
      path === ".github/CODEOWNERS" ? `* @a\n${"# padding\n".repeat(330_000)}` : null,
    );
    expect(parsed?.rules).toEqual([]);
    expect(parsed?.problems[0]?.problem).toMatch(/^Too large: 3,300,00\d bytes; GitHub ignores/);
  });
});
