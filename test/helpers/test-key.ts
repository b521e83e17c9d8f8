import { generateKeyPairSync } from "node:crypto";

/** A throwaway RSA key so Probot can sign app JWTs in tests; GitHub is faked, so any key works. */
export const TEST_PRIVATE_KEY = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs1", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
}).privateKey;
