import { describe, expect, it } from "vitest";
import { findSecretValues } from "../../../src/analyzers/secrets/find-secret-values.ts";
import { secrets } from "../../../src/analyzers/secrets/secrets.ts";
import { addedFile, analyzerInput, diffFiles } from "../diff-fixture.ts";

const GITHUB_TOKEN = "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";
const LIVE_KEY = "rpl_live_b316c6aea56506cde0af531b5543f89f432f19b43e6d7845";

const CONFIG_DIFF = `
diff --git a/src/config.js b/src/config.js
index 1111111..2222222 100644
--- a/src/config.js
+++ b/src/config.js
@@ -10,4 +10,5 @@ module.exports = {
   port: 3000,
-  token: process.env.GITHUB_TOKEN,
+  token: "${GITHUB_TOKEN}",
+  region: "eu-west-1",
   retries: 3,
 };
`;

describe("secrets", () => {
  it("finds a vendor token on an added line, at its new-file line, with the value masked", async () => {
    const findings = await secrets.run(analyzerInput(diffFiles(CONFIG_DIFF)));
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({
      ruleId: "secrets/github",
      severity: "critical",
      path: "src/config.js",
      line: 11,
      side: "RIGHT",
      riskFloor: 90,
    });
    expect(JSON.stringify(finding)).not.toContain(GITHUB_TOKEN);
    expect(finding?.message).toContain("ghp_********");
  });

  it("ignores a secret that only appears on removed or context lines", async () => {
    const diff = `
diff --git a/src/config.js b/src/config.js
index 1111111..2222222 100644
--- a/src/config.js
+++ b/src/config.js
@@ -1,3 +1,3 @@
 const old = "${GITHUB_TOKEN}";
-const a = 1;
+const a = 2;
 module.exports = old;
`;
    expect(await secrets.run(analyzerInput(diffFiles(diff)))).toEqual([]);
  });

  it("catches an unknown vendor's key in a committed .env file by its name and randomness", async () => {
    const file = addedFile(
      ".env.local",
      `RIPPLE_CLOUD_URL=https://ripple.example\nRIPPLE_API_KEY=${LIVE_KEY}\n`,
    );
    const findings = await secrets.run(analyzerInput([file]));
    expect(findings).toMatchObject([{ ruleId: "secrets/secret-assignment", line: 2, severity: "critical" }]);
    expect(findings[0]?.message).not.toContain(LIVE_KEY);
  });

  it("does not fire on documented placeholders and references", async () => {
    const file = addedFile(
      "docs/setup.sh",
      [
        "export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE",
        "export AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
        "API_KEY=your-api-key-here",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: shell and Actions references are the input.
        'password: "${DB_PASSWORD}"',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: shell and Actions references are the input.
        "token: ${{ secrets.NPM_TOKEN }}",
        "SECRET_KEY=changeme1234567890abc",
      ].join("\n"),
    );
    expect(await secrets.run(analyzerInput([file]))).toEqual([]);
  });

  it("does not treat a variable assignment in code as a secret", async () => {
    const file = addedFile(
      "lib/client.ts",
      "const apiToken = defaultTokenProvider2;\nwithXSRFToken: defaultToConfig2,\n",
    );
    expect(await secrets.run(analyzerInput([file]))).toEqual([]);
  });

  it("reports a key committed under an examples path as a test key, not as a live leak", async () => {
    const body = Array.from(
      { length: 12 },
      (_, i) => `MIIEowIBAAKCAQEAx4UbaDzY6xgtCLRW1MWMsj4vV7ed8XrWyZbHQJnbO0YJnJe${i % 10}`,
    );
    const pem = ["-----BEGIN RSA PRIVATE KEY-----", ...body, "-----END RSA PRIVATE KEY-----"].join("\n");
    const findings = await secrets.run(analyzerInput([addedFile("examples/keys/test_key.pem", pem)]));
    expect(findings).toMatchObject([
      { ruleId: "secrets/privatekey", severity: "medium", riskFloor: 40, line: 1 },
    ]);
    expect(findings[0]?.title).toMatch(/^Test or example key added: /);
    expect(findings[0]?.message).toContain("most likely a test key");
    expect(findings[0]?.message).not.toMatch(/rotate it now|may be a throwaway/);
    const template = await secrets.run(analyzerInput([addedFile("deploy/key.pem.example", pem)]));
    expect(template).toMatchObject([{ severity: "medium", riskFloor: 40 }]);
  });
});

describe("findSecretValues", () => {
  it("returns the raw values for redaction, and nothing for a clean PR", async () => {
    expect(await findSecretValues(diffFiles(CONFIG_DIFF))).toEqual([GITHUB_TOKEN]);
    expect(await findSecretValues([addedFile("README.md", "# Hello\n")])).toEqual([]);
  });
});
