import type { PrFlow } from "./build-pr-flow.ts";
import type { PrContext } from "./pr-context.ts";

export interface MergedWithoutRoutedReview {
  repo: string;
  pullNumber: number;
  title: string;
  url: string;
  level: "high" | "critical";
  mergedAt: string;
  reason: string;
}

export interface RoutedReviewShare {
  /** High and critical PRs merged in the window. */
  merged: number;
  reviewedByRouted: number;
  share: number | null;
  mergedWithout: MergedWithoutRoutedReview[];
}

/**
 * Of the high and critical PRs merged, how many were reviewed before the merge by someone they
 * were routed to. A routed team (`team:slug`) counts as satisfied by a review from any human but
 * the author: team membership is not fetched, so this errs towards "reviewed".
 */
export function routedReviewShare(
  merged: readonly { flow: PrFlow; context: PrContext | undefined }[],
  webHost: string,
): RoutedReviewShare {
  const mergedWithout: MergedWithoutRoutedReview[] = [];
  let eligible = 0;
  for (const { flow, context } of merged) {
    const level = context?.level;
    if ((level !== "high" && level !== "critical") || flow.mergedAt === null) continue;
    eligible += 1;
    const mergedAt = flow.mergedAt;
    const before = flow.reviews.filter((review) => review.at <= mergedAt);
    const users = context?.routed.filter((r) => !r.startsWith("team:")) ?? [];
    const teams = context?.routed.filter((r) => r.startsWith("team:")) ?? [];
    const reviewed =
      before.some((review) => users.includes(review.login)) || (teams.length > 0 && before.length > 0);
    if (reviewed) continue;
    mergedWithout.push({
      repo: flow.repo,
      pullNumber: flow.pullNumber,
      title: flow.title,
      url: `https://${webHost}/${flow.repo}/pull/${flow.pullNumber}`,
      level,
      mergedAt: new Date(mergedAt).toISOString(),
      reason:
        users.length + teams.length === 0
          ? "no reviewer was routed (routing not configured for this level)"
          : `merged before a review by ${[...users.map((u) => `@${u}`), ...teams].join(", ")}`,
    });
  }
  return {
    merged: eligible,
    reviewedByRouted: eligible - mergedWithout.length,
    share: eligible === 0 ? null : (eligible - mergedWithout.length) / eligible,
    mergedWithout,
  };
}
