import { addedLines } from "../../diff/added-lines.ts";
import { isProseFile, isSourceFile, isStructuredConfig } from "../../diff/file-kinds.ts";
import type { Finding } from "../../findings/finding.ts";
import { isAgentConfigFile } from "../agent-config/is-agent-config-file.ts";
import type { Analyzer } from "../analyzer.ts";
import { ruleFinding } from "../rule-finding.ts";
import { HIDDEN_UNICODE_RULES, MORE_HIDDEN_UNICODE } from "./hidden-unicode-rules.ts";
import { type HiddenUnicodeHit, type HiddenUnicodeKind, scanHiddenUnicode } from "./scan-hidden-unicode.ts";

/** Beyond this many findings in one file the rest are counted, not listed: one is enough to act. */
const MAX_FINDINGS_PER_FILE = 10;
const MAX_DECODED_LENGTH = 300;

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
          ruleFinding(MORE_HIDDEN_UNICODE, {
            title: `${hidden} more hidden-Unicode hits in ${file.path}`,
            message: `Only the first ${MAX_FINDINGS_PER_FILE} are listed. Scan the whole file, e.g. \`grep -nP '[^\\x00-\\x7F]' ${file.path}\`.`,
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
  const rule = HIDDEN_UNICODE_RULES[kind];
  // In an agent's instructions any hidden character is a prompt-injection vector.
  const inAgentFile = agentFile ? rule.variants?.[0] : undefined;
  const parts = hits.map((hit) => {
    const chars = describeCodePoints(hit.codePoints);
    const token = hit.token ? ` in \`${visible(hit.token)}\`` : "";
    const decoded = hit.decoded ? ` (decoded hidden text: \`${truncate(hit.decoded)}\`)` : "";
    return `column ${hit.column}: ${chars}${token}${decoded}`;
  });
  const message = [
    `Line ${line}, ${parts.join("; ")}.`,
    rule.why,
    agentFile ? "This is an AI-agent configuration file: agents will read what reviewers cannot see." : "",
    rule.fix,
  ];
  return ruleFinding(rule, {
    ...(inAgentFile && { variant: inAgentFile }),
    message: message.filter(Boolean).join(" "),
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
