import { lintSource } from "@secretlint/core";
import { secretLintProfiler } from "@secretlint/profiler";
import { creator as recommendedPreset } from "@secretlint/secretlint-rule-preset-recommend";
import type { SecretLintCoreConfig } from "@secretlint/types";
import type { DiffFile } from "../../diff/diff-model.ts";
import { HEX_PRIVATE_KEY_RULE_ID, hexPrivateKeyRule } from "./hex-private-key-rule.ts";
import { isDocumentedExample } from "./is-placeholder-value.ts";
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
  /** The secret itself (never the key name before it), as it stands in the file. */
  value: string;
  /**
   * Where `value` sits, line by line (a PEM key spans several): new-file line and 0-based
   * [start, end) columns on it. Redaction replaces exactly these ranges.
   */
  segments: SecretSegment[];
}

export interface SecretSegment {
  line: number;
  start: number;
  end: number;
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
  /** Index i is the length of line i + 1 of `content`, without its newline. */
  lengths: number[];
}

/**
 * Runs secretlint over the new side of every hunk and keeps what touches an added line. Context
 * lines are included so a secret spanning lines (a PEM block) is still seen whole; a secret made
 * only of context lines was already in the repository and is not this PR's doing.
 */
export async function scanSecrets(files: readonly DiffFile[]): Promise<SecretHit[]> {
  const hits: SecretHit[] = [];
  for (const file of files) {
    if (file.binary || file.status === "removed" || file.additions === 0) continue;
    const text = newSideText(file);
    if (!text.lines.some((line) => line?.added)) continue;
    const result = await lintSource({
      source: { content: text.content, filePath: file.path, ext: extension(file.path), contentType: "text" },
      options: { config: CONFIG },
    });
    for (const message of result.messages) {
      if (message.type !== "message") continue;
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
  return { content: out.join("\n"), lines, lengths: out.map((line) => line.length) };
}

interface LintMessage {
  ruleId: string;
  messageId: string;
  range: readonly [number, number];
  data?: Record<string, unknown> | undefined;
}

function toHit(path: string, text: NewSideText, message: LintMessage): SecretHit | null {
  const [start, end] = secretRange(text.content, message);
  const segments = segmentsOf(text, start, end);
  const first = segments.find((segment) => text.lines[segment.index]?.added);
  if (!first) return null;
  return {
    path,
    line: first.line,
    column: first.index === segments[0]?.index ? first.start + 1 : null,
    ruleId: message.ruleId,
    messageId: message.messageId,
    value: text.content.slice(start, end),
    segments: segments.map(({ line, start, end }) => ({ line, start, end })),
  };
}

/** The farthest a rule's reported range may start before the secret it names (`AWS_SECRET_ACCESS_KEY = `). */
const MAX_KEY_PREFIX = 200;

/**
 * Some rules report a range that starts at the key name and has the secret's length (secretlint's
 * AWS rule): slicing it would cut the secret in half, and redacting that half leaks the rest. The
 * secret itself is in the message's data; when the range does not hold it, find it right after.
 */
function secretRange(content: string, message: LintMessage): [number, number] {
  const [start, end] = message.range;
  const reported = content.slice(start, end);
  const values = Object.values(message.data ?? {}).filter(
    (value): value is string => typeof value === "string" && value.length >= 8,
  );
  if (values.length === 0 || values.includes(reported)) return [start, end];
  for (const value of values) {
    const at = content.indexOf(value, start);
    if (at >= 0 && at <= end + MAX_KEY_PREFIX) return [at, at + value.length];
  }
  return [start, end];
}

/** Splits a content range into per-line column ranges, mapped to new-file line numbers. */
function segmentsOf(text: NewSideText, start: number, end: number): (SecretSegment & { index: number })[] {
  const segments: (SecretSegment & { index: number })[] = [];
  let lineStart = 0;
  for (const [index, mapped] of text.lines.entries()) {
    const lineEnd = lineStart + (text.lengths[index] ?? 0);
    if (lineEnd >= start && lineStart < end && mapped) {
      const from = Math.max(start, lineStart) - lineStart;
      const to = Math.min(end, lineEnd) - lineStart;
      if (to > from) segments.push({ index, line: mapped.newLine, start: from, end: to });
    }
    lineStart = lineEnd + 1;
    if (lineStart > end) break;
  }
  return segments;
}

function extension(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot) : "";
}

/**
 * Two rules can match one secret (a generic name rule and a vendor rule), with different ranges:
 * one secret is one finding. Hits whose ranges overlap are the same secret; the vendor's rule
 * names it best, and the widest range is kept so redaction covers what either rule saw.
 */
function dedupe(hits: readonly SecretHit[]): SecretHit[] {
  const kept: SecretHit[] = [];
  for (const hit of hits) {
    const index = kept.findIndex((other) => other.path === hit.path && overlaps(other, hit));
    const other = kept[index];
    if (!other) {
      kept.push(hit);
      continue;
    }
    const winner =
      other.ruleId.startsWith("pr-triage/") && !hit.ruleId.startsWith("pr-triage/") ? hit : other;
    const wider = hit.value.length > other.value.length ? hit : other;
    kept[index] = { ...winner, value: wider.value, segments: wider.segments };
  }
  return kept;
}

function overlaps(a: SecretHit, b: SecretHit): boolean {
  return a.segments.some((x) =>
    b.segments.some((y) => x.line === y.line && x.start < y.end && y.start < x.end),
  );
}
