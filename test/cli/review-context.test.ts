import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { FAKE_LLM_URL, nockChatCompletion } from "../helpers/fake-llm.ts";
import { captureIo, createTempGitRepo, type TempGitRepo } from "./temp-git-repo.ts";

const total = (rounding: string) =>
  [
    "export function total(items: { price: number; qty: number }[]): number {",
    "  let sum = 0;",
    "  for (const item of items) {",
    "    if (item.qty <= 0) continue;",
    "    sum += item.price * item.qty;",
    "  }",
    "  const taxed = sum * 1.2;",
    "  const shipped = taxed + 5;",
    "  const discounted = shipped * 0.9;",
    `  return ${rounding};`,
    "}",
    "",
  ].join("\n");

describe("pr-triage review: context from the local commit", () => {
  let repo: TempGitRepo;
  beforeEach(() => {
    repo = createTempGitRepo();
    repo.write("src/math.ts", total("Math.round(discounted)"));
    repo.write(
      "src/cart.ts",
      'import { total } from "./math";\n\nexport const due = (cart: Cart) => total(cart.items);\n',
    );
    repo.commitAll("Cart totals");
    repo.git("checkout", "--quiet", "-b", "feature/floor");
    repo.write("src/math.ts", total("Math.floor(discounted)"));
    repo.commitAll("Floor the total");
    nock.disableNetConnect();
  });
  afterEach(() => {
    repo.remove();
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("sends the enclosing function (git show) and the callers (git grep) after the diff", async () => {
    const requests: Record<string, unknown>[] = [];
    const llm = nockChatCompletion(JSON.stringify({ findings: [] }), requests);
    const run = captureIo(repo.dir, {
      OPENAI_API_KEY: "sk-test",
      OPENAI_BASE_URL: FAKE_LLM_URL,
      OPENAI_MODEL: "m",
    });

    expect(await runCli(["review", "--base", "main", "--json"], run.io), run.stderr()).toBe(0);

    expect(llm.isDone()).toBe(true);
    const messages = (requests[0]?.messages ?? []) as { role: string; content: string }[];
    const user = messages.find((m) => m.role === "user")?.content ?? "";
    expect(user).toContain("10 +  return Math.floor(discounted);");
    expect(user).toContain("| export function total(items: { price: number; qty: number }[]): number {");
    expect(user).toContain("### Uses of `total` (exported by src/math.ts, changed in this PR)");
    expect(user).toContain("| export const due = (cart: Cart) => total(cart.items);");
  });
});
