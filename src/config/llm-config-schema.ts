import { z } from "zod";
import { wholeNumberSetting } from "./whole-number-setting.ts";

/** `llm:` in `.github/pr-triage.yml`: how the AI review is sized; where it runs comes from the environment. */
export const llmConfigSchema = z
  .object({
    enabled: z.boolean().default(true).describe("Use the LLM when the app has a key. False: analyzers only."),
    maxInputTokens: wholeNumberSetting(
      2_000,
      1_000_000,
      32_000,
      "Token budget for each LLM request: prompt, policies and diff chunk together.",
    ),
    maxChunks: wholeNumberSetting(
      1,
      20,
      4,
      "Most LLM requests per PR; files beyond them are listed as analyzers-only.",
    ),
    maxOutputTokens: wholeNumberSetting(
      256,
      100_000,
      4_000,
      "Most tokens the model may write per request (sent as `max_tokens`, or `max_completion_tokens` where the endpoint wants it), so a model that never closes its JSON stops early.",
    ),
    context: z
      .object({
        enabled: z
          .boolean()
          .default(true)
          .describe(
            "Give the model, after the diff and within `maxInputTokens`, unchanged code from the head commit: the whole function or block around each hunk, and uses of the exported symbols the PR changes. Marked as context; never commented on.",
          ),
        maxFiles: wholeNumberSetting(
          0,
          100,
          20,
          "Most changed files whose head version is read for enclosing blocks (one request each).",
        ),
        callSites: wholeNumberSetting(
          0,
          20,
          3,
          "Most uses shown per changed exported symbol. 0: no search for uses.",
        ),
        searchFiles: wholeNumberSetting(
          0,
          100,
          20,
          "Most repository files read (nearest folders first, same language) to find those uses, one request each.",
        ),
      })
      .strict()
      .prefault({})
      .describe("Context beyond the hunk, read from the PR's head commit."),
  })
  .strict()
  .prefault({})
  .describe("The AI review. Endpoint, model and key come from the app's environment, never from a repo.");
