import { addedLines } from "../../diff/added-lines.ts";
import { isProseFile, isSourceFile, isStructuredConfig } from "../../diff/file-kinds.ts";
import type { Finding, Severity } from "../../findings/finding.ts";
import { isAgentConfigFile } from "../agent-config/agent-config-paths.ts";
import type { Analyzer } from "../analyzer.ts";
import { analyzerFinding } from "../analyzer-finding.ts";
import { type HiddenUnicodeHit, type HiddenUnicodeKind, scanHiddenUnicode } from "./scan-hidden-unicode.ts";

/** Beyond this many findings in one file the rest are counted, not listed: one is enough to act. */
const MAX_FINDINGS_PER_FILE = 10;
const MAX_DECODED_LENGTH = 300;

interface KindPolicy {
  severity: Severity;
  riskFloor: number;
  title: string;
  why: string;
}

const POLICY: Record<HiddenUnicodeKind, KindPolicy> = {
  bidi: {
    severity: "critical",
    riskFloor: 90,
    title: "Bidirectional control character (Trojan Source)",
    why: "Bidi controls reorder how the line is displayed, so reviewers see different logic than the compiler or the agent runs (CVE-2021-42574).",
  },
  tag: {
    severity: "critical",
    riskFloor: 90,
    title: "Hidden text in Unicode TAG characters",
    why: "TAG characters are invisible in editors and on GitHub but are read by LLMs: this is how instructions are smuggled into prompts and agent rules files.",
  },
  "variation-selector": {
    severity: "high",
    riskFloor: 70,
    title: "Variation selectors outside an emoji",
    why: "Variation selectors are invisible; outside emoji they can carry an encoded payload that code later decodes and runs (the GlassWorm technique).",
  },
  "zero-width": {
    severity: "high",
    riskFloor: 70,
    title: "Invisible character",
    why: "An invisible character makes two names or strings that look identical differ, which hides a second function, key or instruction from review.",
  },
  blank: {
    severity: "medium",
    riskFloor: 40,
    title: "Blank look-alike character in code",
    why: "This character looks like a space (or like nothing) but is not whitespace to the parser, so it can form invisible identifiers or change string comparisons.",
  },
  homoglyph: {
    severity: "high",
    riskFloor: 70,
    title: "Look-alike letters from another script (homoglyph)",
    why: "Letters from another script that look Latin make a name that reads like a familiar one but is a different identifier, or a string that compares unequal.",
  },
  escape: {
    severity: "high",
    riskFloor: 70,
    title: "Escaped invisible character in config",
    why: "The escape is visible here, but the parsed value contains the invisible character, which then reaches prompts, commands or comparisons unseen.",
  },
};

const ACTION =
  "Remove the character (or replace it with its plain ASCII equivalent); if it is really needed, write it as a visible escape in code and explain why in a comment.";

/**
 * Flags hidden or deceptive Unicode on added lines of every file. Docs and agent rules are
 * scanned too: the Rules File Backdoor hid its instructions in exactly those files.
 */
export const hiddenUnicode: Analyzer = {
  id: "hidden-unicode",
  run({ files }) {
    const findings: Finding[] = [];
    for (const file of files) {
      if (file.binary) continue;
      const context = {
        prose: isProseFile(file.path),
        source: isSourceFile(file.path),
        structuredConfig: isStructuredConfig(file.path),
      };
      const agentFile = isAgentConfigFile(file.path);
      const fileFindings: Finding[] = [];
      let hidden = 0;
      for (const { line, content } of addedLines(file)) {
        for (const group of groupByKind(scanHiddenUnicode(content, { ...context, firstLine: line === 1 }))) {
          if (fileFindings.length >= MAX_FINDINGS_PER_FILE) {
            hidden++;
            continue;
          }
          fileFindings.push(toFinding(file.path, line, group, agentFile));
        }
      }
      if (hidden > 0) {
        fileFindings.push(
          analyzerFinding({
            ruleId: "hidden-unicode/more",
            severity: "info",
            category: "hidden-unicode",
            title: `${hidden} more hidden-Unicode hits in ${file.path}`,
            message: `Only the first ${MAX_FINDINGS_PER_FILE} are listed. Scan the whole file, e.g. \`grep -nP '[^\\x00-\\x7F]' ${file.path}\`.`,
            riskFloor: 0,
            path: file.path,
          }),
        );
      }
      findings.push(...fileFindings);
    }
    return findings;
  },
};

/** One finding per line and kind: four bidi controls on one line are one Trojan Source trick. */
function groupByKind(hits: readonly HiddenUnicodeHit[]): HiddenUnicodeHit[][] {
  const groups = new Map<HiddenUnicodeKind, HiddenUnicodeHit[]>();
  for (const hit of hits) groups.set(hit.kind, [...(groups.get(hit.kind) ?? []), hit]);
  return [...groups.values()];
}

function toFinding(
  path: string,
  line: number,
  hits: readonly HiddenUnicodeHit[],
  agentFile: boolean,
): Finding {
  const kind = hits[0]?.kind ?? "zero-width";
  const policy = POLICY[kind];
  // In an agent's instructions any hidden character is a prompt-injection vector.
  const severity: Severity = agentFile ? "critical" : policy.severity;
  const riskFloor = agentFile ? Math.max(policy.riskFloor, 85) : policy.riskFloor;
  const parts = hits.map((hit) => {
    const chars = describeCodePoints(hit.codePoints);
    const token = hit.token ? ` in \`${visible(hit.token)}\`` : "";
    const decoded = hit.decoded ? ` (decoded hidden text: \`${truncate(hit.decoded)}\`)` : "";
    return `column ${hit.column}: ${chars}${token}${decoded}`;
  });
  const message = [
    `Line ${line}, ${parts.join("; ")}.`,
    policy.why,
    agentFile ? "This is an AI-agent configuration file: agents will read what reviewers cannot see." : "",
    ACTION,
  ];
  return analyzerFinding({
    ruleId: `hidden-unicode/${kind}`,
    severity,
    category: "hidden-unicode",
    title: policy.title,
    message: message.filter(Boolean).join(" "),
    riskFloor,
    path,
    line,
  });
}

const NAMES: Record<number, string> = {
  160: "NO-BREAK SPACE",
  173: "SOFT HYPHEN",
  847: "COMBINING GRAPHEME JOINER",
  1564: "ARABIC LETTER MARK",
  4447: "HANGUL CHOSEONG FILLER",
  4448: "HANGUL JUNGSEONG FILLER",
  6158: "MONGOLIAN VOWEL SEPARATOR",
  8203: "ZERO WIDTH SPACE",
  8204: "ZERO WIDTH NON-JOINER",
  8205: "ZERO WIDTH JOINER",
  8206: "LEFT-TO-RIGHT MARK",
  8207: "RIGHT-TO-LEFT MARK",
  8232: "LINE SEPARATOR",
  8233: "PARAGRAPH SEPARATOR",
  8234: "LEFT-TO-RIGHT EMBEDDING",
  8235: "RIGHT-TO-LEFT EMBEDDING",
  8236: "POP DIRECTIONAL FORMATTING",
  8237: "LEFT-TO-RIGHT OVERRIDE",
  8238: "RIGHT-TO-LEFT OVERRIDE",
  8239: "NARROW NO-BREAK SPACE",
  8288: "WORD JOINER",
  8294: "LEFT-TO-RIGHT ISOLATE",
  8295: "RIGHT-TO-LEFT ISOLATE",
  8296: "FIRST STRONG ISOLATE",
  8297: "POP DIRECTIONAL ISOLATE",
  10240: "BRAILLE PATTERN BLANK",
  12288: "IDEOGRAPHIC SPACE",
  12644: "HANGUL FILLER",
  65279: "ZERO WIDTH NO-BREAK SPACE (BOM)",
  65440: "HALFWIDTH HANGUL FILLER",
};

function describeCodePoints(codePoints: readonly number[]): string {
  if (codePoints.length > 3) {
    const first = codePoints[0] ?? 0;
    return `${codePoints.length} characters starting with ${describe(first)}`;
  }
  return codePoints.map(describe).join(", ");
}

function describe(cp: number): string {
  const hex = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  const name =
    NAMES[cp] ??
    (cp >= 0xe0000 && cp <= 0xe007f
      ? "TAG CHARACTER"
      : (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)
        ? "VARIATION SELECTOR"
        : null);
  if (name) return `${hex} ${name}`;
  return `${hex} (${String.fromCodePoint(cp)}, looks like Latin)`;
}

/** Shows a token with its invisible characters as `<U+XXXX>`, so the message itself hides nothing. */
function visible(text: string): string {
  return Array.from(text)
    .map((ch) => {
      const cp = ch.codePointAt(0) ?? 0;
      return cp > 0x7f && !/[\p{L}\p{N}]/u.test(ch)
        ? `<U+${cp.toString(16).toUpperCase()}>`
        : ch.replace(/`/g, "'");
    })
    .join("");
}

function truncate(text: string): string {
  const clean = text.replace(/`/g, "'").replace(/\s+/g, " ");
  return clean.length > MAX_DECODED_LENGTH ? `${clean.slice(0, MAX_DECODED_LENGTH)}…` : clean;
}
