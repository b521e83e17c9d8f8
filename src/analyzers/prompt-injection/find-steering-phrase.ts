/**
 * Phrases that try to steer an AI reviewer or agent away from its job. Only the first kind is
 * suspicious on its own; the others are ordinary English ("a maintainer will approve the PR")
 * until they are addressed to a model, a bot or a reviewer.
 */
interface SteeringPattern {
  id: string;
  /** What the text tries to make the reviewer do, for the finding's message. */
  intent: string;
  pattern: RegExp;
  /** True when the phrase is an attack whoever it is addressed to. */
  standalone: boolean;
}

const STEERING_PATTERNS: readonly SteeringPattern[] = [
  {
    id: "ignore-instructions",
    intent: "ignore its instructions",
    pattern:
      /\b(?:ignore|disregard|forget|override)\s+(?:all\s+|any\s+)?(?:of\s+)?(?:the\s+|your\s+)?(?:previous|prior|above|earlier|preceding|original|system)\s+(?:instructions?|prompts?|rules|guidelines|directives)\b/i,
    standalone: true,
  },
  {
    id: "suppress-findings",
    intent: "not report what it finds",
    pattern:
      /\b(?:do\s+not|don't|dont|never|no\s+need\s+to)\s+(?:report|flag|mention|raise|surface|comment\s+on|point\s+out|warn\s+about)\b[^.\n]{0,50}?\b(?:issues?|vulnerabilit(?:y|ies)|findings?|problems?|secrets?|security|risks?|this\s+(?:change|file|pr|pull\s+request|code|line))\b/i,
    standalone: false,
  },
  {
    id: "approve",
    intent: "approve the change",
    pattern:
      /(?:^|[.:;!,(-]\s*|\b(?:please|must|should|always)\s+)(?:auto-?)?(?:approve|lgtm)\s+(?:this|the)\s+(?:pr|pull\s+request|merge\s+request|change|changes|diff|patch|commit)\b/i,
    standalone: false,
  },
  {
    id: "lower-risk",
    intent: "lower the risk it reports",
    pattern:
      /\b(?:rate|score|classify|mark|label|report|treat)\s+(?:this|the|it|these)\b[^.\n]{0,30}?\bas\s+(?:low[\s-]risk|safe|benign|harmless|no\s+risk|approved|trusted)\b|\blower\s+(?:the\s+)?risk\b|\brisk\s*(?:level|score)?\s*(?:to|=|:)\s*(?:low|minimal|none|0)\b/i,
    standalone: false,
  },
  {
    id: "skip-review",
    intent: "skip human review",
    pattern:
      /\b(?:skip|bypass|do\s+not\s+request|don't\s+request|do\s+not\s+assign|don't\s+assign|no\s+need\s+for)\s+(?:the\s+|any\s+)?(?:human\s+|security\s+|manual\s+|senior\s+)?(?:review|reviewers|approval|code\s*owners)\b/i,
    standalone: false,
  },
  {
    id: "prior-approval",
    intent: "trust a claim that the change was already approved",
    pattern:
      /\b(?:already|previously|has\s+been|have\s+been|was|pre-?)\s*(?:approved|reviewed|vetted|audited|signed[\s-]off|cleared)\s+(?:by|from)\s+(?:the\s+)?(?:security|maintainers?|admins?|owners?|core|lead|cto|ciso)\b/i,
    standalone: false,
  },
];

/** Who the text speaks to: a model, an agent, a bot or a (code) reviewer. */
const ADDRESSEE =
  /\b(?:ai|llms?|language\s+models?|gpt|chatgpt|claude|copilot|gemini|assistants?|agents?|bots?|reviewers?|code\s+review(?:er)?s?|automated\s+review|triage|coderabbit|codex)\b/i;

export interface SteeringPhrase {
  id: string;
  intent: string;
}

/**
 * The first steering phrase in `text`, or null. `context` is the surrounding text (the rest of
 * an HTML comment, the line before) where the addressee may be named.
 */
export function findSteeringPhrase(text: string, context = ""): SteeringPhrase | null {
  for (const { id, intent, pattern, standalone } of STEERING_PATTERNS) {
    if (!pattern.test(text)) continue;
    if (standalone || ADDRESSEE.test(text) || ADDRESSEE.test(context)) return { id, intent };
  }
  return null;
}
