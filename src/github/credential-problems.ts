import { createPrivateKey } from "node:crypto";
import { readFileSync } from "node:fs";
import { errorMessage } from "../errors/error-message.ts";
import { normalizePrivateKey } from "./normalize-private-key.ts";

const SETUP_HINT =
  "Register the app first: run `npm start` locally without NODE_ENV=production and use Probot's setup page (it writes APP_ID, PRIVATE_KEY and WEBHOOK_SECRET to .env), or set the variables from the app's settings page on GitHub.";

/**
 * Without an app id and a key that parses, the server would start, ack webhooks with 200 and fail
 * every job. Outside production, their absence means setup mode (Probot's setup page).
 */
export function credentialProblems(env: NodeJS.ProcessEnv): string[] {
  const production = env.NODE_ENV === "production";
  const problems: string[] = [];
  const appId = env.APP_ID?.trim();
  if (production && !appId) problems.push(`APP_ID is not set while NODE_ENV=production. ${SETUP_HINT}`);
  if (appId && !/^\d+$/.test(appId)) problems.push(`APP_ID must be the app's numeric id, got "${appId}".`);
  const key = readKey(env);
  if (key.problem) problems.push(key.problem);
  else if (key.pem === null) {
    if (production)
      problems.push(`PRIVATE_KEY (or PRIVATE_KEY_PATH) is not set while NODE_ENV=production. ${SETUP_HINT}`);
  } else {
    try {
      createPrivateKey(key.pem);
    } catch (error) {
      // Never the key itself: only what is wrong with it.
      problems.push(
        `${key.source} is not a PEM private key that can be parsed (${errorMessage(error)}). Expected the .pem file GitHub generated, starting with "-----BEGIN RSA PRIVATE KEY-----": as text with real newlines or \\n escapes, or its path in PRIVATE_KEY_PATH.`,
      );
    }
  }
  return problems;
}

function readKey(env: NodeJS.ProcessEnv): { pem: string | null; source: string; problem?: string } {
  if (env.PRIVATE_KEY?.trim()) return { pem: normalizePrivateKey(env.PRIVATE_KEY), source: "PRIVATE_KEY" };
  const path = env.PRIVATE_KEY_PATH?.trim();
  if (!path) return { pem: null, source: "PRIVATE_KEY" };
  try {
    return { pem: readFileSync(path, "utf8"), source: `PRIVATE_KEY_PATH (${path})` };
  } catch (error) {
    return {
      pem: null,
      source: "PRIVATE_KEY_PATH",
      problem: `PRIVATE_KEY_PATH points at "${path}", which cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)}). Set it to the path of the app's .pem file.`,
    };
  }
}
