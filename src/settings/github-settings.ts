import { z } from "zod";
import { rawVar } from "./env-vars.ts";
import { parseEnv } from "./parse-env.ts";

/** Where GitHub is: github.com, or a GitHub Enterprise Server (also how tests reach a fake GitHub). */
export interface GithubSettings {
  /** `GHE_HOST`, with its port if any; undefined means github.com. */
  host: string | undefined;
  /** The host that links in comments point at: `GHE_HOST` without its port, else github.com. */
  webHost: string;
  /** `GHE_PROTOCOL`, default https. */
  protocol: "http" | "https";
  /** `GITHUB_TOKEN`: the CLI's `flow` reads the repository's history with it. */
  token: string | undefined;
}

export const githubEnvSchema = z.object({
  GHE_HOST: rawVar,
  GHE_PROTOCOL: rawVar.superRefine((protocol, ctx) => {
    if (!protocol || protocol === "http" || protocol === "https") return;
    ctx.addIssue({ code: "custom", message: `GHE_PROTOCOL must be "http" or "https", got "${protocol}".` });
  }),
  GITHUB_TOKEN: rawVar,
});

/** Reads `GHE_HOST`, `GHE_PROTOCOL` and `GITHUB_TOKEN`; throws a SettingsError on a bad protocol. */
export function readGithubSettings(env: NodeJS.ProcessEnv): GithubSettings {
  const vars = parseEnv(githubEnvSchema, env);
  return {
    host: vars.GHE_HOST,
    webHost: vars.GHE_HOST?.split(":")[0] ?? "github.com",
    protocol: vars.GHE_PROTOCOL === "http" ? "http" : "https",
    token: vars.GITHUB_TOKEN,
  };
}
