import type { AnalyzerRule } from "../analyzer-rule.ts";
import type { HiddenUnicodeKind } from "./scan-hidden-unicode.ts";

const ACTION =
  "Remove the character (or replace it with its plain ASCII equivalent); if it is really needed, write it as a visible escape in code and explain why in a comment.";
/** In an agent's instructions any hidden character is a prompt-injection vector. */
const IN_AGENT_FILE = "in an AI-agent configuration file";

/** The `hidden-unicode` rules, one per kind of hidden or deceptive character. */
export const HIDDEN_UNICODE_RULES: Record<HiddenUnicodeKind, AnalyzerRule> = {
  bidi: {
    id: "hidden-unicode/bidi",
    category: "hidden-unicode",
    severity: "critical",
    riskFloor: 90,
    title: "Bidirectional control character (Trojan Source)",
    why: "Bidi controls reorder how the line is displayed, so reviewers see different logic than the compiler or the agent runs (CVE-2021-42574).",
    fix: ACTION,
    variants: [{ when: IN_AGENT_FILE, severity: "critical", riskFloor: 90 }],
  },
  tag: {
    id: "hidden-unicode/tag",
    category: "hidden-unicode",
    severity: "critical",
    riskFloor: 90,
    title: "Hidden text in Unicode TAG characters",
    why: "TAG characters are invisible in editors and on GitHub but are read by LLMs: this is how instructions are smuggled into prompts and agent rules files.",
    fix: ACTION,
    variants: [{ when: IN_AGENT_FILE, severity: "critical", riskFloor: 90 }],
  },
  "variation-selector": {
    id: "hidden-unicode/variation-selector",
    category: "hidden-unicode",
    severity: "high",
    riskFloor: 70,
    title: "Variation selectors outside an emoji",
    why: "Variation selectors are invisible; outside emoji they can carry an encoded payload that code later decodes and runs (the GlassWorm technique).",
    fix: ACTION,
    variants: [{ when: IN_AGENT_FILE, severity: "critical", riskFloor: 85 }],
  },
  "zero-width": {
    id: "hidden-unicode/zero-width",
    category: "hidden-unicode",
    severity: "high",
    riskFloor: 70,
    title: "Invisible character",
    why: "An invisible character makes two names or strings that look identical differ, which hides a second function, key or instruction from review.",
    fix: ACTION,
    variants: [{ when: IN_AGENT_FILE, severity: "critical", riskFloor: 85 }],
  },
  blank: {
    id: "hidden-unicode/blank",
    category: "hidden-unicode",
    severity: "medium",
    riskFloor: 40,
    title: "Blank look-alike character in code",
    why: "This character looks like a space (or like nothing) but is not whitespace to the parser, so it can form invisible identifiers or change string comparisons.",
    fix: ACTION,
    variants: [{ when: IN_AGENT_FILE, severity: "critical", riskFloor: 85 }],
  },
  homoglyph: {
    id: "hidden-unicode/homoglyph",
    category: "hidden-unicode",
    severity: "high",
    riskFloor: 70,
    title: "Look-alike letters from another script (homoglyph)",
    why: "Letters from another script that look Latin make a name that reads like a familiar one but is a different identifier, or a string that compares unequal.",
    fix: ACTION,
    variants: [{ when: IN_AGENT_FILE, severity: "critical", riskFloor: 85 }],
  },
  escape: {
    id: "hidden-unicode/escape",
    category: "hidden-unicode",
    severity: "high",
    riskFloor: 70,
    title: "Escaped invisible character in config",
    why: "The escape is visible here, but the parsed value contains the invisible character, which then reaches prompts, commands or comparisons unseen.",
    fix: ACTION,
    variants: [{ when: IN_AGENT_FILE, severity: "critical", riskFloor: 85 }],
  },
};

/** Past the per-file limit the rest of a file's hits are counted in one finding. */
export const MORE_HIDDEN_UNICODE: AnalyzerRule = {
  id: "hidden-unicode/more",
  category: "hidden-unicode",
  severity: "info",
  riskFloor: 0,
  title: "More hidden-Unicode hits in one file",
  why: "Only the first ten hits in a file are listed.",
  fix: "Scan the whole file, e.g. `grep -nP '[^\\x00-\\x7F]' <path>`.",
};
