import type { WriteLimits } from "./write-pacer.ts";

export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;

/**
 * How long one more write for an installation must wait to stay under both limits (0: now).
 * `writes` are the start times of its writes in the last hour, oldest first; every process and
 * replica that paces writes asks this same function.
 */
export function writeWaitMs(
  writes: readonly number[],
  pausedUntil: number,
  limits: WriteLimits,
  now: number,
): number {
  if (pausedUntil > now) return pausedUntil - now;
  if (writes.length >= limits.perHour) return (writes[writes.length - limits.perHour] ?? now) + HOUR_MS - now;
  const oldestInMinute = writes[writes.length - limits.perMinute];
  if (writes.length >= limits.perMinute && oldestInMinute !== undefined && oldestInMinute > now - MINUTE_MS) {
    return oldestInMinute + MINUTE_MS - now;
  }
  return 0;
}
