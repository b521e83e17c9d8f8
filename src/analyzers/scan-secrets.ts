import { lintSource } from "@secretlint/core";
import { secretLintProfiler } from "@secretlint/profiler";
import { creator as recommendedPreset } from "@secretlint/secretlint-rule-preset-recommend";
import type { SecretLintCoreConfig } from "@secretlint/types";
import type { DiffFile } from "../diff/diff-model.ts";
import { HEX_PRIVATE_KEY_RULE_ID, hexPrivateKeyRule } from "./hex-private-key-rule.ts";
import { isDocumentedExample } from "./is-placeholder-secret.ts";
import { SECRET_ASSIGNMENT_RULE_ID, secretAssignmentRule } from "./secret-assignment-rule.ts";
import { VENDOR_TOKEN_RULE_ID, vendorTokenRule } from "./vendor-token-rule.ts";

// secretlint records a performance mark per rule per file and never frees them: in a
// long-running app that is a leak (72 MB after one 3,000-file PR) and most of the scan's time.
secretLintProfiler.setEnabled(false);

/** One secret found on an added line. `value` is the raw secret: it must never be shown or logged. */
export interface SecretHit {
  path: string;
  /** New-file line (RIGHT side) of the first added line the secret touches. */
  line: number;
  /** 1-based column of the secret on that line, when it starts there. */
  column: number | null;
  /** secretlint's rule id, e.g. `@secretlint/secretlint-rule-github`, or one of ours. */
  ruleId: string;
  /** secretlint's message id, e.g. `GITHUB_TOKEN`: names the kind of secret without its value. */
  messageId: string;
  value: string;
}

const CONFIG: SecretLintCoreConfig = {
  rules: [
    { id: "@secretlint/secretlint-rule-preset-recommend", rule: recommendedPreset },
    { id: SECRET_ASSIGNMENT_RULE_ID, rule: secretAssignmentRule },
    { id: HEX_PRIVATE_KEY_RULE_ID, rule: hexPrivateKeyRule },
    { id: VENDOR_TOKEN_RULE_ID, rule: vendorTokenRule },
  ],
};

interface NewSideText {
  content: string;
  /** Index i describes line i + 1 of `content`: its new-file number and whether the PR added it. */
  lines: ({ newLine: number; added: boolean } | null)[];
}

/**
 * Runs secretlint over the new side of every hunk and keeps what touches an added line. Context
 * lines are included so a secret spanning lines (a PEM block) is still seen whole; a secret made
 * only of context lines was already in the repository and is not this PR's doing.
 */
export function scanSecrets(files: readonly DiffFile[]): Promise<SecretHit[]> {
  // The secrets analyzer and the redaction list both need this scan of the same PR; secretlint
  // is the costliest step of a triage, so it runs once per diff model.
  let scan = scans.get(files);
  if (!scan) {
    scan = scanFiles(files);
    scans.set(files, scan);
  }
  return scan;
}

const scans = new WeakMap<readonly DiffFile[], Promise<SecretHit[]>>();

async function scanFiles(files: readonly DiffFile[]): Promise<SecretHit[]> {
  const hits: SecretHit[] = [];
  for (const file of files) {
    if (file.binary || file.status === "removed" || file.additions === 0) continue;
    const text = newSideText(file);
    if (!text.lines.some((line) => line?.added)) continue;
    const result = await lintSource({
      source: { content: text.content, filePath: file.path, ext: extension(file.path), contentType: "text" },
      options: { config: CONFIG },
    });
    for (const message of withoutOverlaps(result.messages)) {
      const hit = toHit(file.path, text, message);
      if (hit && !isDocumentedExample(hit.value)) hits.push(hit);
    }
  }
  return dedupe(hits);
}

function newSideText(file: DiffFile): NewSideText {
  const out: string[] = [];
  const lines: NewSideText["lines"] = [];
  for (const [index, hunk] of file.hunks.entries()) {
    // A blank separator keeps two hunks' lines from reading as one secret across the gap.
    if (index > 0) {
      out.push("");
      lines.push(null);
    }
    for (const line of hunk.lines) {
      if (line.kind === "del" || line.newLine === null) continue;
      out.push(line.content);
      lines.push({ newLine: line.newLine, added: line.kind === "add" });
    }
  }
  return { content: out.join("\n"), lines };
}

function toHit(
  path: string,
  text: NewSideText,
  message: { ruleId: string; messageId: string; range: readonly [number, number]; loc: SecretLocation },
): SecretHit | null {
  const { start, end } = message.loc;
  for (let line = start.line; line <= end.line; line++) {
    const mapped = text.lines[line - 1];
    if (!mapped?.added) continue;
    return {
      path,
      line: mapped.newLine,
      column: line === start.line ? start.column + 1 : null,
      ruleId: message.ruleId,
      messageId: message.messageId,
      value: text.content.slice(message.range[0], message.range[1]),
    };
  }
  return null;
}

interface SecretLocation {
  start: { line: number; column: number };
  end: { line: number; column: number };
}

function extension(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot) : "";
}

type LintMessage = Awaited<ReturnType<typeof lintSource>>["messages"][number];

/**
 * Two rules can report one secret with slightly different ranges (the preset's private-key rule
 * and ours, a URL and the token in it): keep one report per stretch of text, the preset's first,
 * then the longer one.
 */
function withoutOverlaps(messages: readonly LintMessage[]): LintMessage[] {
  const ranked = messages
    .filter((message) => message.type === "message")
    .sort(
      (a, b) =>
        Number(a.ruleId.startsWith("pr-triage/")) - Number(b.ruleId.startsWith("pr-triage/")) ||
        b.range[1] - b.range[0] - (a.range[1] - a.range[0]),
    );
  const kept: LintMessage[] = [];
  for (const message of ranked) {
    const overlaps = kept.some(
      (other) => message.range[0] < other.range[1] && other.range[0] < message.range[1],
    );
    if (!overlaps) kept.push(message);
  }
  return kept.sort((a, b) => a.range[0] - b.range[0]);
}

/** Two rules can match one value (a generic name rule and a vendor rule); keep the vendor's. */
function dedupe(hits: readonly SecretHit[]): SecretHit[] {
  const byValue = new Map<string, SecretHit>();
  for (const hit of hits) {
    const key = `${hit.path}\0${hit.line}\0${hit.value}`;
    const existing = byValue.get(key);
    if (!existing || existing.ruleId.startsWith("pr-triage/")) byValue.set(key, hit);
  }
  return [...byValue.values()];
}
