import { describe, expect, it } from "vitest";
import { completion } from "../helpers/fake-llm.ts";
import { type FaultWorld, REPO_PATH, useFaultWorld } from "../helpers/fault-harness.ts";
import { type FakeFile, ReviewRoutes, type StoredReviewComment } from "../helpers/review-routes.ts";
import { examplePayload } from "../helpers/webhook-examples.ts";

const HEAD = "dddddddddddddddddddddddddddddddddddddddd";
const NEXT_HEAD = "eeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeeee";
/** Shaped like a real GitHub token (secretlint finds it), so redaction has something to do. */
const TOKEN = "ghp_R3v13wF33dbackT0k3nAbCdEfGhIjKlMnOpQ";

const FILES: FakeFile[] = [
  {
    filename: "src/run.js",
    status: "modified",
    additions: 1,
    deletions: 0,
    patch:
      "@@ -1,3 +1,4 @@\n const a = 1;\n+eval(process.argv[2]);\n const b = 2;\n module.exports = { a, b };",
  },
  {
    filename: "src/config.js",
    status: "added",
    additions: 2,
    deletions: 0,
    patch: `@@ -0,0 +1,2 @@\n+const token = "${TOKEN}";\n+module.exports = { token };`,
  },
];

const finding = (
  path: string,
  line: number,
  title: string,
  replacement: string | null,
  category = "security",
) => ({
  path,
  line,
  start_line: null,
  side: "RIGHT",
  severity: "high",
  category,
  title,
  body: `${title}.`,
  confidence: 0.9,
  policy: null,
  replacement,
});

/** The model: a fix inside the hunk, a fix that quotes the secret, and one far outside the diff. */
const LLM_ANSWER = completion(
  JSON.stringify({
    what_changed: ["Runner: evaluates a command-line argument", "Config: adds a token module"],
    findings: [
      finding(
        "src/run.js",
        2,
        "Arbitrary code execution via eval",
        "const input = JSON.parse(process.argv[2]);",
      ),
      finding(
        "src/config.js",
        2,
        "Token exported to every importer",
        `module.exports = { token: "${TOKEN}" };`,
        "reliability",
      ),
      finding("src/run.js", 40, "Off the diff", "nothing();", "bug"),
    ],
  }),
);

function reviewCommentPayload(comment: StoredReviewComment, login: string): Record<string, unknown> {
  const payload = examplePayload<Record<string, unknown>>("pull_request_review_comment", "created");
  const pr = payload.pull_request as Record<string, unknown>;
  pr.number = 2;
  payload.installation = { id: 1 };
  payload.sender = { login, type: "User", id: 7 };
  payload.comment = { ...(payload.comment as object), ...comment, user: { login, type: "User" } };
  return payload;
}

function issueCommentPayload(id: number, body: string, login: string): Record<string, unknown> {
  const payload = examplePayload<Record<string, unknown>>("issue_comment", "created");
  const issue = payload.issue as Record<string, unknown>;
  Object.assign(issue, { number: 2, pull_request: { url: `https://api.github.com${REPO_PATH}/pulls/2` } });
  payload.installation = { id: 1 };
  payload.sender = { login, type: "User", id: 8 };
  payload.comment = { ...(payload.comment as object), id, body, user: { login, type: "User" } };
  return payload;
}

describe("what the reviewer reads, end to end (real server process, signed deliveries)", () => {
  let world: FaultWorld;
  let routes: ReviewRoutes;
  useFaultWorld((started) => {
    world = started;
    routes = new ReviewRoutes(started.github);
    routes.files.set(2, FILES);
    routes.permissions.set("maintainer", "write");
    routes.permissions.set("drive-by", "read");
    started.answerLlm(() => ({ status: 200, body: LLM_ANSWER }));
  }, HEAD);

  const summary = () => world.github.comments.find((c) => c.pull === 2)?.body ?? "";
  const triage = async (deliveryId: string, action = "opened") => {
    await world.send("pull_request", deliveryId, world.github.payload(2, action));
    await world.drained();
  };

  it("posts a suggestion only where it applies, never the secret, and nothing GitHub would refuse", async () => {
    await world.startApp();
    await triage("fix-1");
    expect(routes.rejectedReviews).toEqual([]);
    const posted = routes.inlineComments(2);
    const evalComment = posted.find((c) => c.body.includes("Arbitrary code execution"));
    expect(evalComment?.body).toContain("```suggestion\nconst input = JSON.parse(process.argv[2]);\n```");
    const tokenComment = posted.find((c) => c.body.includes("Token exported"));
    expect(tokenComment?.body).toContain("not offered as a suggestion: it contains a redacted secret");
    expect(tokenComment?.body).not.toContain("```suggestion");
    // Nothing posted anywhere carries the token: reviews, comments, the summary, the check run.
    expect(JSON.stringify(world.github.http.writes())).not.toContain(TOKEN);
    expect(posted.some((c) => c.body.includes("Off the diff"))).toBe(false);
    expect(summary()).toContain("**Off the diff**");
    expect(summary()).toContain("- Runner: evaluates a command-line argument");
  });

  it("the fake GitHub refuses an off-diff comment or suggestion with 422, as GitHub does", () => {
    const post = (comment: Record<string, unknown>) =>
      routes.answer({ method: "POST", path: `${REPO_PATH}/pulls/2/reviews`, body: { comments: [comment] } });
    const suggestion = "```suggestion\nnothing();\n```";
    expect(post({ path: "src/run.js", line: 40, side: "RIGHT", body: suggestion })?.status).toBe(422);
    expect(post({ path: "src/run.js", line: 2, start_line: 1, side: "LEFT", body: suggestion })?.status).toBe(
      422,
    );
    expect(
      post({ path: "src/config.js", line: 2, start_line: 1, side: "RIGHT", body: suggestion })?.status,
    ).toBe(200);
  });

  it("/triage ignore on an inline comment: 👎 and no change for a reader, 👍 for a writer, and it sticks", async () => {
    await world.startApp();
    await triage("ignore-1");
    const target = routes.inlineComments(2).find((c) => c.body.includes("Arbitrary code execution"));
    if (!target) throw new Error(`no inline comment for the eval finding:\n${world.tail()}`);

    const refused = routes.reply(2, target, "/triage ignore", "drive-by");
    await world.send("pull_request_review_comment", "ignore-2", reviewCommentPayload(refused, "drive-by"));
    await world.drained();
    expect(routes.reactions).toEqual([{ on: "review", commentId: refused.id, content: "-1" }]);
    expect(summary()).not.toContain("Ignored (");

    const accepted = routes.reply(2, target, "/triage ignore", "maintainer");
    await world.send("pull_request_review_comment", "ignore-3", reviewCommentPayload(accepted, "maintainer"));
    await world.drained();
    expect(routes.reactions.at(-1)).toEqual({ on: "review", commentId: accepted.id, content: "+1" });
    expect(summary()).toMatch(
      /\*\*Arbitrary code execution via eval\*\* \(`llm\/security`\) in `src\/run.js`: ignored by @\u200dmaintainer, this finding/,
    );

    // A new push with the same code: the ignored finding is not posted again, and stays listed.
    world.github.setPull(2, NEXT_HEAD, "2019-05-16T10:00:00Z");
    const before = routes.inlineComments(2).length;
    await triage("ignore-4", "synchronize");
    // Every other finding was posted on the first push, so nothing at all is posted now.
    expect(routes.inlineComments(2)).toHaveLength(before);
    expect(world.github.reviewsOn(2).filter((r) => r.commitId === NEXT_HEAD)).toEqual([]);
    expect(summary()).toContain("### Since the last triage (ddddddd)");
    // Listed as ignored, not as an open finding, and not in the score.
    expect(summary()).not.toMatch(/- \[`src\/run\.js:2`\][^\n]*Arbitrary code execution/);
    expect(summary()).toContain("Ignored (1)");
    expect(summary()).toContain("ignored by @\u200dmaintainer, this finding");
  });

  it("a marker in someone else's comment counts for nothing: /triage ignore on it ignores nothing", async () => {
    await world.startApp();
    await triage("forged-1");
    const ours = routes.inlineComments(2)[0];
    if (!ours) throw new Error("no inline comment");
    // A user pastes our fingerprint marker into their own comment, then asks to ignore "it".
    const forged = routes.reply(2, ours, ours.body, "maintainer");
    delete forged.in_reply_to_id;
    const command = routes.reply(2, forged, "/triage ignore", "maintainer");
    await world.send("pull_request_review_comment", "forged-2", reviewCommentPayload(command, "maintainer"));
    await world.drained();
    expect(routes.reactions).toEqual([{ on: "review", commentId: command.id, content: "confused" }]);
    expect(summary()).not.toContain("Ignored (");
  });

  it("/triage ignore rule and /triage help as PR comments, and repository-wide ignores from the base config", async () => {
    routes.config =
      "ignore:\n  findings:\n    - { path: 'src/config.js', rule: 'secrets/*', reason: Test fixture }\n";
    await world.startApp();
    await triage("rule-1");
    expect(routes.inlineComments(2).some((c) => c.body.includes("rule `secrets/"))).toBe(false);
    expect(summary()).toMatch(
      /ignored by the repository config, `ignore.findings`: `secrets\/\*` in `src\/config.js` \(Test fixture\)/,
    );

    const rule = routes.comment("/triage ignore rule llm/reliability", "maintainer");
    await world.send("issue_comment", "rule-2", issueCommentPayload(rule.id, rule.body, "maintainer"));
    await world.drained();
    expect(routes.reactions.at(-1)).toEqual({ on: "issue", commentId: rule.id, content: "+1" });
    expect(summary()).toContain("ignored by @\u200dmaintainer, rule `llm/reliability` on this PR");

    const help = routes.comment("/triage help", "maintainer");
    await world.send("issue_comment", "rule-3", issueCommentPayload(help.id, help.body, "maintainer"));
    await world.drained();
    const answer = world.github.comments.filter((c) => c.pull === 2).at(-1)?.body ?? "";
    expect(answer).toContain("| `/triage ignore rule <id>` | PR comment or reply |");
  });
});
