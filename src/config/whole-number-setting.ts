import { z } from "zod";

/** A whole-number config setting within [min, max], with its default and its documentation. */
export function wholeNumberSetting(min: number, max: number, fallback: number, description: string) {
  return z.number().int().min(min).max(max).default(fallback).describe(description);
}
