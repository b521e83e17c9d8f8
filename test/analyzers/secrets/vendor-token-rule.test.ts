import RandExpModule from "randexp";
import { describe, expect, it } from "vitest";
import { scanSecrets } from "../../../src/analyzers/secrets/scan-secrets.ts";
import { secrets } from "../../../src/analyzers/secrets/secrets.ts";
import { VENDOR_TOKEN_FORMATS } from "../../../src/analyzers/secrets/vendor-token-formats.ts";
import { seededRandom } from "../../helpers/seeded-random.ts";
import { addedFile, analyzerInput } from "../diff-fixture.ts";

// randexp is CommonJS: Node hands its class over as the default export.
const RandExp = RandExpModule as unknown as typeof RandExpModule.default;

const random = seededRandom(7);

/** A string the format's own pattern matches, made from the pattern (seeded). */
function sampleOf(pattern: RegExp): string {
  // randexp cannot parse lookarounds; they only guard word boundaries, which `value = …` gives.
  const generator = new RandExp(new RegExp(pattern.source.replace(/\(\?<?[!=][^)]*\)/g, ""), pattern.flags));
  generator.max = 4;
  generator.defaultRange.subtract(0, 47).subtract(58, 64).subtract(91, 96).subtract(123, 0x10ffff);
  generator.randInt = (a: number, b: number) => a + Math.floor(random() * (b - a + 1));
  return generator.gen();
}

async function hitsIn(path: string, content: string) {
  return await scanSecrets([addedFile(path, content)]);
}

async function ruleIdsIn(path: string, content: string): Promise<string[]> {
  return (await secrets.run(analyzerInput([addedFile(path, content)]))).map((finding) => finding.ruleId);
}

const PKCS8_BODY = [
  "MC4CAQAwBQYDK2VwBCIEIJ+DYvh6SEqVTm50DFtMDoQikTmiCqirVv9mWG9qfSnF",
  "ZyL3kQ2fR8vT0b1nXcA7sWmE9uPjKd4hG6yBtVrNa5oLqI3zUeC2xSfYwD8",
];

describe("vendor token formats", () => {
  // Formats identified by a shape alone: a sample generated from each pattern is found, under
  // that format's own rule id unless secretlint's preset already reports the same text.
  const shapeOnly = VENDOR_TOKEN_FORMATS.filter(
    (format) => !format.context && !format.byName && format.id !== "pem-private-key",
  );
  it.each(shapeOnly.map((format) => [format.id, format] as const))("finds %s", async (id, format) => {
    const sample = sampleOf(format.pattern);
    // A format whose keyword is not part of the token (`mailgun`) needs it elsewhere in the file.
    const named = format.keywords.some((keyword) => sample.toLowerCase().includes(keyword));
    const hits = await hitsIn(
      "config/app.conf",
      `${named ? "" : `# ${format.keywords[0]}\n`}value = ${sample}\n`,
    );
    expect(hits, `${id}: ${sample}`).toHaveLength(1);
    const [hit] = hits;
    expect(`value = ${sample}`).toContain(hit?.value);
    expect(hit?.column).toBe(9 + sample.indexOf(hit?.value ?? "\0"));
  });

  it("finds PKCS#8 (Ed25519), EC and OpenSSH private keys, the whole block as the secret", async () => {
    for (const kind of ["PRIVATE KEY", "EC PRIVATE KEY", "OPENSSH PRIVATE KEY"]) {
      const pem = [`-----BEGIN ${kind}-----`, ...PKCS8_BODY, `-----END ${kind}-----`].join("\n");
      const hits = await hitsIn("deploy/signing.pem", `${pem}\n`);
      expect(hits, kind).toHaveLength(1);
      expect(hits[0]?.value).toBe(pem);
    }
  });

  it("finds a PEM key escaped into a JSON string, and ignores code that only names the header", async () => {
    const json = `{"key": "-----BEGIN PRIVATE KEY-----\\n${PKCS8_BODY[0]}\\n-----END PRIVATE KEY-----\\n"}`;
    expect(await ruleIdsIn("config/service.json", json)).toEqual(["secrets/pem-private-key"]);
    const code = 'if (pem.startsWith("-----BEGIN PRIVATE KEY-----")) return parse(pem);\n';
    expect(await ruleIdsIn("src/keys.ts", code)).toEqual([]);
  });

  it("finds a lone AWS access key id, but not AWS's documented example", async () => {
    expect(await ruleIdsIn("deploy/env.sh", "export KEY_ID=AKIA2E0A8F3B4C5D6E7F\n")).toEqual([
      "secrets/aws-access-key-id",
    ]);
    expect(await ruleIdsIn("deploy/env.sh", "export KEY_ID=ASIAY34FZKBOKMUTVV7A\n")).toEqual([
      "secrets/aws-access-key-id",
    ]);
    expect(await ruleIdsIn("docs/aws.md", "Use `AKIAIOSFODNN7EXAMPLE` as the id.\n")).toEqual([]);
  });

  it("finds a Telegram bot token with the exact range, and not a timestamp-like pair", async () => {
    const line = 'bot = Bot("5432198765:AAHk3vQ9x_Lm2PzR7tYb-W4nC8dJfE1uG6s")\n';
    const [hit] = await hitsIn("bot/main.py", line);
    expect(hit).toMatchObject({ value: "5432198765:AAHk3vQ9x_Lm2PzR7tYb-W4nC8dJfE1uG6s", column: 12 });
    expect(await ruleIdsIn("bot/main.py", 'at = "1700000000:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"\n')).toEqual(
      [],
    );
  });

  it("reports a Discord webhook's id and token as the secret, not the URL around it", async () => {
    const token = "1188027735648213052/kX3v9Qm2LpR7tYbW4nC8dJfE1uG6sH0aZyT5oNqIeMcV2rUxB7gKjS4hD9fPlA1w";
    const [hit] = await hitsIn(
      ".github/notify.sh",
      `curl -X POST https://discord.com/api/webhooks/${token}\n`,
    );
    expect(hit?.value).toBe(token);
  });

  it("finds a Twilio auth token only next to Twilio's name", async () => {
    const value = "9f3b2c1d8e7a6f5b4c3d2e1f0a9b8c7d";
    expect(await ruleIdsIn("config/sms.yml", `twilio_auth: ${value}\n`)).toEqual([
      "secrets/twilio-auth-token",
    ]);
    expect(await ruleIdsIn("config/sms.yml", `checksum: ${value}\n`)).toEqual([]);
  });

  it("finds a random value assigned to a vendor's name, except in tests, hashes and word lists", async () => {
    const key = "dd7fK2mQ9xLp4RtVb8NcW3zH6jYs1Ga5";
    const findings = await secrets.run(
      analyzerInput([addedFile("config/monitoring.yml", `datadog: ${key}\n`)]),
    );
    expect(findings).toMatchObject([{ ruleId: "secrets/vendor-named-secret", severity: "high" }]);
    expect(await ruleIdsIn("test/monitoring.test.yml", `datadog: ${key}\n`)).toEqual([]);
    expect(
      await ruleIdsIn("config/monitoring.yml", "sentry_release: 4f1c2d3e4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d\n"),
    ).toEqual([]);
    expect(await ruleIdsIn("config/monitoring.yml", "datadog: datadog-agent-integration-v2\n")).toEqual([]);
  });

  it("stays quiet on GitHub's documented example tokens", async () => {
    const docs = [
      "Authorization: token gho_16C7e42F292c6912E7710c838347Ae178B4a",
      '"access_token": "ghu_16C7e42F292c6912E7710c838347Ae178B4a",',
      '"refresh_token": "ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498",',
    ].join("\n");
    expect(await ruleIdsIn("README.md", `${docs}\n`)).toEqual([]);
  });
});
