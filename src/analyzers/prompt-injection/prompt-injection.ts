import type { DiffFile } from "../../diff/diff-model.ts";
import { isLockfile, isProseFile, isSourceFile, isTestFile } from "../../diff/file-kinds.ts";
import type { Finding } from "../../findings/finding.ts";
import type { Analyzer } from "../analyzer.ts";
import { codeSnippet } from "../code-snippet.ts";
import { ruleFinding } from "../rule-finding.ts";
import { findSteeringPhrase } from "./find-steering-phrase.ts";
import { type CarrierState, hiddenTextSegments } from "./hidden-text-segments.ts";
import { PROMPT_INJECTION_ADVICE, PROMPT_INJECTION_RULES } from "./prompt-injection-rules.ts";

/**
 * A line can only matter if it opens or closes an HTML comment or a details block, hides
 * characters (TAG characters as their UTF-16 pairs: without the `u` flag the test is twice as
 * fast), or holds a word one of the steering phrases needs.
 */
const MAY_MATTER =
  /<!--|<\/?details|[\u200b-\u200d\u2060\ufeff]|\udb40[\udc00-\udc7f]|\b(?:ignore|disregard|forget|override|don't|do\s+not|dont|never|no\s+need|approve|approved|lgtm|risk|safe|benign|harmless|trusted|review|reviewed|reviewers|approval|code\s*owners|vetted|audited|signed|cleared)\b/i;

/** Bundles and source maps repeat their sources, which are scanned themselves. */
const GENERATED = /(^|\/)(dist|build|vendor|node_modules)\/|\.(map|min\.js|min\.css)$/;

/**
 * Text in added lines that tries to steer an AI reviewer or agent: ignore its instructions,
 * report nothing, approve, lower the risk, skip reviewers, or trust a claimed prior approval.
 * Hidden text (HTML comments, collapsed details, alt text, link titles, zero-width or TAG
 * characters, config comments) is worse: it is written for the model, not for the human reader.
 */
export const promptInjection: Analyzer = {
  id: "prompt-injection",
  run({ files }) {
    const findings: Finding[] = [];
    for (const file of files) {
      if (file.binary || file.status === "removed" || file.additions === 0) continue;
      if (isLockfile(file.path) || isTestFile(file.path) || GENERATED.test(file.path)) continue;
      findings.push(...fileFindings(file));
    }
    return findings;
  },
};

function fileFindings(file: DiffFile): Finding[] {
  const findings: Finding[] = [];
  // One test of the file's added text rules out almost every file of a large PR at once.
  const added = file.hunks.flatMap((hunk) =>
    hunk.lines.filter((line) => line.kind === "add").map((line) => line.content),
  );
  if (!MAY_MATTER.test(added.join("\n"))) return findings;
  // Comments are hidden in rendered config (YAML, TOML, INI), not in code or Markdown.
  const commentsHide = !isSourceFile(file.path) && !isProseFile(file.path);
  for (const hunk of file.hunks) {
    const state: CarrierState = { inComment: false, comment: "", detailsDepth: 0 };
    let previous = "";
    for (const line of hunk.lines) {
      if (line.kind === "del" || line.newLine === null) continue;
      // Most lines hold no steering verb, no hidden characters and no comment or details
      // boundary; skipping them keeps a 100,000-line PR cheap.
      // An addressee named in a comment that has closed does not carry over to later lines.
      if (!state.inComment) state.comment = "";
      if (!state.inComment && !MAY_MATTER.test(line.content)) {
        previous = line.content;
        continue;
      }
      const segments = hiddenTextSegments(line.content, state, commentsHide);
      if (line.kind === "add") {
        const finding = lineFinding(
          file.path,
          line.newLine,
          line.content,
          segments,
          `${previous} ${state.comment}`,
        );
        if (finding) findings.push(finding);
      }
      previous = line.content;
    }
  }
  return findings;
}

function lineFinding(
  path: string,
  lineNumber: number,
  content: string,
  segments: ReturnType<typeof hiddenTextSegments>,
  context: string,
): Finding | null {
  // A hidden carrier first: the same phrase is worse where the human reader cannot see it.
  const ordered = [...segments].sort((a, b) => Number(b.carrier !== null) - Number(a.carrier !== null));
  for (const segment of ordered) {
    const phrase = findSteeringPhrase(segment.text, context);
    if (!phrase) continue;
    const hidden = segment.carrier !== null;
    const rule = hidden ? PROMPT_INJECTION_RULES.hiddenInstruction : PROMPT_INJECTION_RULES.instruction;
    return ruleFinding(rule, {
      title: hidden
        ? `Hidden text tells an AI reviewer to ${phrase.intent}`
        : `Text tells an AI reviewer to ${phrase.intent}`,
      message: `\`${codeSnippet(content)}\` reads as an instruction to an AI reviewer or agent to ${phrase.intent}${hidden ? `, hidden in ${segment.carrier} where a human reading the rendered file will not see it` : ""}. ${PROMPT_INJECTION_ADVICE}`,
      path,
      line: lineNumber,
    });
  }
  return null;
}
