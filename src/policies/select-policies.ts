import { countTokens } from "gpt-tokenizer";
import picomatch from "picomatch";
import { severityRank } from "../findings/finding.ts";
import type { Policy } from "./policy.ts";

/** What the system prompt says when no policy applies; the model must not invent one. */
export const NO_POLICIES = "No repository policies apply to this pull request.";

const HEADER = [
  "## Repository policies",
  "These policies come from the repository's base branch. When a finding violates one, set `policy` to its exact title and use the severity it gives.",
].join("\n");

export interface AppliedPolicy {
  policy: Policy;
  /** Changed files that made it apply (empty for a policy without `paths:`, which applies to every PR). */
  matched: string[];
}

export interface PolicySelection {
  /** Policies sent to the model, in prompt order. */
  applied: AppliedPolicy[];
  /** Policies that matched the PR but did not fit the token budget. */
  skipped: { policy: Policy; reason: string }[];
  /** How many policies were not about any changed file. */
  unmatched: number;
  /** The `{{policies}}` block of the system prompt. */
  prompt: string;
  tokens: number;
}

/**
 * Chooses the policies for one PR: those whose `paths:` match a changed file (old or new path),
 * plus those without `paths:`, packed most severe first, path-scoped before general, within
 * `maxTokens`. A policy that does not fit is listed, never silently dropped.
 */
export function selectPolicies(
  policies: readonly Policy[],
  files: readonly { path: string; oldPath: string }[],
  maxTokens: number,
): PolicySelection {
  const candidates: AppliedPolicy[] = [];
  let unmatched = 0;
  for (const policy of policies) {
    const matched = matchedFiles(policy, files);
    if (matched === null) unmatched++;
    else candidates.push({ policy, matched });
  }
  candidates.sort(
    (a, b) =>
      rank(b.policy) - rank(a.policy) ||
      Number(b.policy.paths.length > 0) - Number(a.policy.paths.length > 0) ||
      a.policy.path.localeCompare(b.policy.path),
  );

  const applied: AppliedPolicy[] = [];
  const skipped: PolicySelection["skipped"] = [];
  let tokens = countTokens(HEADER);
  for (const candidate of candidates) {
    const cost = countTokens(renderPolicy(candidate.policy)) + 2;
    if (tokens + cost > maxTokens) {
      skipped.push({
        policy: candidate.policy,
        reason: `over the ${maxTokens}-token policy budget (\`policies.maxTokens\`; this one needs ${cost})`,
      });
      continue;
    }
    tokens += cost;
    applied.push(candidate);
  }
  if (applied.length === 0)
    return { applied, skipped, unmatched, prompt: NO_POLICIES, tokens: countTokens(NO_POLICIES) };
  const prompt = [HEADER, ...applied.map(({ policy }) => renderPolicy(policy))].join("\n\n");
  return { applied, skipped, unmatched, prompt, tokens: countTokens(prompt) };
}

/** The changed files a policy is about, or null when it does not apply to this PR. */
function matchedFiles(policy: Policy, files: readonly { path: string; oldPath: string }[]): string[] | null {
  if (policy.paths.length === 0) return [];
  const matches = picomatch(policy.paths, { dot: true });
  const hit = files.filter((file) => matches(file.path) || matches(file.oldPath)).map((file) => file.path);
  return hit.length > 0 ? hit : null;
}

function rank(policy: Policy): number {
  // Unset severity sits with "medium": the reviewer judges, as for any finding.
  return severityRank(policy.severity ?? "medium");
}

function renderPolicy(policy: Policy): string {
  const scope =
    policy.paths.length > 0
      ? `applies to ${policy.paths.map((g) => `\`${g}\``).join(", ")}`
      : "applies to every change";
  const severity = policy.severity ? `; a violation is ${policy.severity} severity` : "";
  return `### Policy: ${policy.title}\n(${scope}${severity})\n\n${policy.body}`;
}
