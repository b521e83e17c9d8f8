import type { AnalyzerRule } from "../analyzer-rule.ts";

const WHY = "A model that obeys it reports nothing, so this PR needs a human reviewer;";
const FIX = "remove the text unless it is documentation about such attacks.";

/** The `prompt-injection` rules: added text that tells an AI reviewer or agent what to conclude. */
export const PROMPT_INJECTION_RULES = {
  hiddenInstruction: {
    id: "prompt-injection/hidden-instruction",
    category: "prompt-injection",
    severity: "high",
    riskFloor: 70,
    title: "Hidden text tells an AI reviewer what to do",
    why: `The instruction sits where a human reading the rendered file will not see it (an HTML comment, collapsed details, alt text, zero-width-split or TAG text). ${WHY}`,
    fix: FIX,
  },
  instruction: {
    id: "prompt-injection/instruction",
    category: "prompt-injection",
    severity: "medium",
    riskFloor: 40,
    title: "Text tells an AI reviewer what to do",
    why: `The text reads as an instruction to an AI reviewer or agent to ignore its instructions, report nothing, approve or lower the risk. ${WHY}`,
    fix: FIX,
  },
} as const satisfies Record<string, AnalyzerRule>;

/** The sentence every prompt-injection finding ends with. */
export const PROMPT_INJECTION_ADVICE = `${WHY} ${FIX}`;
