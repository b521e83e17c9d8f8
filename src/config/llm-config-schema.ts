import { z } from "zod";

/** `llm:` in `.github/pr-triage.yml`: how the AI review is sized; where it runs comes from the environment. */
export const llmConfigSchema = z
  .object({
    enabled: z.boolean().default(true).describe("Use the LLM when the app has a key. False: analyzers only."),
    maxInputTokens: z
      .number()
      .int()
      .min(2_000)
      .max(1_000_000)
      .default(32_000)
      .describe("Token budget for each LLM request: prompt, policies and diff chunk together."),
    maxChunks: z
      .number()
      .int()
      .min(1)
      .max(20)
      .default(4)
      .describe("Most LLM requests per PR; files beyond them are listed as analyzers-only."),
    maxOutputTokens: z
      .number()
      .int()
      .min(256)
      .max(100_000)
      .default(4_000)
      .describe(
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
        maxFiles: z
          .number()
          .int()
          .min(0)
          .max(100)
          .default(20)
          .describe("Most changed files whose head version is read for enclosing blocks (one request each)."),
        callSites: z
          .number()
          .int()
          .min(0)
          .max(20)
          .default(3)
          .describe("Most uses shown per changed exported symbol. 0: no search for uses."),
        searchFiles: z
          .number()
          .int()
          .min(0)
          .max(100)
          .default(20)
          .describe(
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
