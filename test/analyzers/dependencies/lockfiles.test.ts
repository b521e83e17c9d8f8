import { describe, expect, it } from "vitest";
import { changedFile, json, runOnContents } from "./manifest-fixture.ts";

const ALL_OLD = {
  "node_modules/old-sha1": {
    version: "1.0.0",
    resolved: "https://registry.npmjs.org/old-sha1/-/old-sha1-1.0.0.tgz",
    integrity: "sha1-AAAAAAAAAAAAAAAAAAAAAAAAAAA=",
  },
};
const ENTRY = (name: string, resolved: string, integrity?: string) => ({
  [`node_modules/${name}`]: { version: "1.0.0", resolved, ...(integrity ? { integrity } : {}) },
});
const lockV3 = (packages: Record<string, unknown>) =>
  json({ name: "app", lockfileVersion: 3, packages: { "": { name: "app" }, ...ALL_OLD, ...packages } });
const manifest = [changedFile("package.json")];

describe("lockfile checks on changed entries (lockfile-lint's validators)", () => {
  it("flags every unexpected host, a renamed tarball, weak or missing integrity and git sources", async () => {
    const head = lockV3({
      ...ENTRY("lodash", "https://registry.npmjs.org/lodash-evil/-/lodash-evil-4.17.21.tgz", "sha512-x"),
      ...ENTRY("a", "https://evil.example.com/a/-/a-1.0.0.tgz", "sha512-a"),
      ...ENTRY("b", "https://npm.mirror.example.org/b/-/b-1.0.0.tgz", "sha512-b"),
      ...ENTRY("weak", "https://registry.npmjs.org/weak/-/weak-1.0.0.tgz", "sha1-abc="),
      ...ENTRY("bare", "https://registry.npmjs.org/bare/-/bare-1.0.0.tgz"),
      ...ENTRY("from-git", "git+ssh://git@github.com/x/from-git.git#abc123"),
    });
    const findings = await runOnContents([{ path: "package-lock.json", base: lockV3({}), head }], manifest);
    expect(findings.map((f) => f.ruleId)).toEqual([
      "dependencies/lockfile-unsafe-source",
      "dependencies/lockfile-untrusted-host",
      "dependencies/lockfile-name-mismatch",
      "dependencies/lockfile-weak-integrity",
    ]);
    const [source, host, name, integrity] = findings;
    expect(source?.message).toContain("`from-git` (git+ssh://git@github.com/x/from-git.git#abc123)");
    expect(host?.title).toContain("evil.example.com, npm.mirror.example.org");
    expect(name?.title).toBe("Lockfile entry resolves to another package's tarball: lodash");
    expect(name?.line).toBe(head.split("\n").findIndex((l) => l.includes("lodash-evil")) + 1);
    expect(integrity?.message).toContain("`weak` (sha1)");
    expect(integrity?.message).toContain("`bare` (no integrity)");
    // The old sha1 entry was not changed by this PR: not reported.
    expect(findings.map((f) => f.message).join("\n")).not.toContain("old-sha1");
  });

  it("accepts a configured mirror, and stays quiet on a registry version bump", async () => {
    const base = lockV3(ENTRY("a", "https://registry.npmjs.org/a/-/a-1.0.0.tgz", "sha512-a"));
    const head = lockV3({
      ...ENTRY("a", "https://registry.npmjs.org/a/-/a-1.0.1.tgz", "sha512-b"),
      ...ENTRY("b", "https://npm.mirror.example.org/b/-/b-1.0.0.tgz", "sha512-c"),
    });
    const findings = await runOnContents([{ path: "package-lock.json", base, head }], manifest, (input) => {
      input.config.dependencies.allowedRegistries.push("npm.mirror.example.org");
    });
    expect(findings).toEqual([]);
  });

  it("reads npm v1 lockfiles and yarn.lock", async () => {
    const v1 = json({
      lockfileVersion: 1,
      dependencies: {
        express: {
          version: "4.0.0",
          resolved: "https://evil.example.com/express-4.0.0.tgz",
          integrity: "sha512-e",
        },
      },
    });
    const yarn = `# yarn lockfile v1\n\n\nlodash@^4.17.21:\n  version "4.17.21"\n  resolved "https://registry.yarnpkg.com/lodash-evil/-/lodash-evil-4.17.21.tgz#abc"\n  integrity sha512-x\n`;
    const findings = await runOnContents(
      [
        { path: "package-lock.json", base: null, head: v1 },
        { path: "yarn.lock", base: null, head: yarn },
      ],
      manifest,
    );
    expect(findings.map((f) => [f.ruleId, f.path])).toEqual([
      ["dependencies/lockfile-untrusted-host", "package-lock.json"],
      ["dependencies/lockfile-name-mismatch", "yarn.lock"],
    ]);
  });

  it("keeps the scope of npm v1 entries, so a scoped package is not mistaken for a renamed tarball", async () => {
    const v1 = json({
      lockfileVersion: 1,
      dependencies: {
        "@babel/code-frame": {
          version: "7.5.5",
          resolved: "https://registry.npmjs.org/@babel/code-frame/-/code-frame-7.5.5.tgz",
          integrity: "sha512-c",
          dependencies: {
            "@babel/highlight": {
              version: "7.5.0",
              resolved: "https://registry.npmjs.org/@babel/highlight/-/highlight-7.5.0.tgz",
              integrity: "sha512-h",
            },
          },
        },
      },
    });
    expect(await runOnContents([{ path: "package-lock.json", base: null, head: v1 }], manifest)).toEqual([]);
  });

  it("reads pnpm-lock.yaml (which lockfile-lint does not): tarball hosts, git repos, integrity", async () => {
    const pnpm = `lockfileVersion: '9.0'
packages:
  ms@2.1.3:
    resolution: {integrity: sha512-6FlzubTLZG3J2a/NVCAleEhjzq5oxgHyaCU9yYXvcLsvoVaHJq/s5xXI6/XXP6tz7R9xAOtHnSO/tXtF3WRTlA==}
  left-pad@1.0.0:
    resolution: {tarball: http://example.com/left-pad-1.0.0.tgz}
  tool@1.0.0:
    resolution: {type: git, repo: https://github.com/x/tool, commit: abc}
  old@1.0.0:
    resolution: {integrity: sha1-abc=}
`;
    const findings = await runOnContents([{ path: "pnpm-lock.yaml", base: null, head: pnpm }], manifest);
    expect(findings.map((f) => f.ruleId)).toEqual([
      "dependencies/lockfile-unsafe-source",
      "dependencies/lockfile-weak-integrity",
    ]);
    expect(findings[0]?.message).toContain("`left-pad` (http://example.com/left-pad-1.0.0.tgz)");
    expect(findings[0]?.message).toContain("`tool` (git+https://github.com/x/tool)");
    expect(findings[1]?.message).toContain("`old` (sha1)");
  });

  it("still flags a lockfile changed without its manifest", async () => {
    const head = lockV3(ENTRY("a", "https://registry.npmjs.org/a/-/a-1.0.1.tgz", "sha512-b"));
    const findings = await runOnContents([{ path: "package-lock.json", base: lockV3({}), head }]);
    expect(findings.map((f) => f.ruleId)).toEqual(["dependencies/lockfile-only"]);
  });
});
