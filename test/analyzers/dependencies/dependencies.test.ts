import { describe, expect, it } from "vitest";
import { dependencies } from "../../../src/analyzers/dependencies/dependencies.ts";
import { editDistance } from "../../../src/analyzers/dependencies/edit-distance.ts";
import { findTyposquatTarget } from "../../../src/analyzers/dependencies/find-typosquat-target.ts";
import {
  KNOWN_NEIGHBORS,
  POPULAR_NPM_PACKAGES,
} from "../../../src/analyzers/dependencies/popular-packages.ts";
import { addedFile, analyzerInput, diffFiles } from "../diff-fixture.ts";

const PACKAGE_DIFF = `
diff --git a/package.json b/package.json
index 1111111..2222222 100644
--- a/package.json
+++ b/package.json
@@ -5,9 +5,14 @@
   "scripts": {
-    "test": "vitest"
+    "test": "vitest",
+    "postinstall": "node scripts/setup.js"
   },
   "dependencies": {
-    "express": "^4.18.0",
+    "express": "^4.19.2",
+    "lodahs": "^4.17.21",
+    "left-pad": "github:someone/left-pad#main",
+    "chalk": "latest",
     "zod": "^3.23.0"
   },
   "devDependencies": {
+    "@getripple/cli": "^1.0.10",
     "vitest": "^2.0.0"
`;

describe("dependencies", () => {
  it("flags install scripts, typosquats, git and floating specifiers, and lists new dependencies", async () => {
    const findings = await dependencies.run(analyzerInput(diffFiles(PACKAGE_DIFF)));
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([
      ["dependencies/install-script", 7],
      ["dependencies/typosquat", 11],
      ["dependencies/remote-specifier", 12],
      ["dependencies/floating-version", 13],
      ["dependencies/new", 11],
    ]);
    expect(findings[1]?.title).toContain("lodahs (vs lodash)");
    // A version bump is not a new dependency.
    expect(findings[4]?.message).not.toContain("express");
    expect(findings[4]?.message).toContain("`@getripple/cli@^1.0.10` (devDependencies)");
  });

  it("stays quiet on version bumps of existing dependencies", async () => {
    const diff = `
diff --git a/package.json b/package.json
index 1111111..2222222 100644
--- a/package.json
+++ b/package.json
@@ -8,3 +8,3 @@
   "dependencies": {
-    "express": "^4.18.0",
+    "express": "^4.19.2",
     "zod": "^3.23.0"
diff --git a/package-lock.json b/package-lock.json
index 1111111..2222222 100644
--- a/package-lock.json
+++ b/package-lock.json
@@ -10,2 +10,2 @@
-      "resolved": "https://registry.npmjs.org/express/-/express-4.18.0.tgz",
+      "resolved": "https://registry.npmjs.org/express/-/express-4.19.2.tgz",
       "license": "MIT"
`;
    expect(await dependencies.run(analyzerInput(diffFiles(diff)))).toEqual([]);
  });

  it("flags a lockfile changed alone, and one resolving from an unexpected host", async () => {
    const diff = `
diff --git a/yarn.lock b/yarn.lock
index 1111111..2222222 100644
--- a/yarn.lock
+++ b/yarn.lock
@@ -1,3 +1,3 @@
 lodash@^4.17.21:
-  resolved "https://registry.yarnpkg.com/lodash/-/lodash-4.17.21.tgz"
+  resolved "https://evil.example.com/lodash/-/lodash-4.17.21.tgz"
   integrity sha512-abc
@@ -9,3 +9,3 @@
 chalk@^5.0.0:
-  resolved "https://registry.yarnpkg.com/chalk/-/chalk-5.0.0.tgz"
+  resolved "https://other.example.net/chalk/-/chalk-5.0.0.tgz"
   integrity sha512-def
`;
    const findings = await dependencies.run(analyzerInput(diffFiles(diff)));
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([
      ["dependencies/lockfile-only", null],
      ["dependencies/lockfile-untrusted-host", 2],
    ]);
    // Every unexpected host is named, not just the first.
    expect(findings[1]?.title).toContain("evil.example.com, other.example.net");
  });

  it("checks requirements.txt names and sources", async () => {
    const findings = await dependencies.run(
      analyzerInput([
        addedFile(
          "requirements.txt",
          "requests==2.32.0\nreqeusts==2.32.0\n--extra-index-url https://pypi.example.com/simple\n",
        ),
      ]),
    );
    expect(findings.map((f) => [f.ruleId, f.line])).toEqual([
      ["dependencies/typosquat", 2],
      ["dependencies/remote-specifier", 3],
    ]);
  });
});

describe("findTyposquatTarget", () => {
  it("finds one-edit imitations and skeleton matches, but not real packages", () => {
    expect(findTyposquatTarget("expresss", POPULAR_NPM_PACKAGES)).toBe("express");
    expect(findTyposquatTarget("crossenv", POPULAR_NPM_PACKAGES)).toBe("cross-env");
    expect(findTyposquatTarget("react-dom", POPULAR_NPM_PACKAGES)).toBeNull();
    expect(findTyposquatTarget("preact", POPULAR_NPM_PACKAGES, KNOWN_NEIGHBORS)).toBeNull();
    expect(findTyposquatTarget("@acme/lodash", POPULAR_NPM_PACKAGES)).toBeNull();
    expect(findTyposquatTarget("vue", POPULAR_NPM_PACKAGES)).toBeNull();
  });

  it("counts an adjacent swap as one edit", () => {
    expect(editDistance("lodahs", "lodash")).toBe(1);
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("abc", "abcdef", 1)).toBe(2);
  });
});
