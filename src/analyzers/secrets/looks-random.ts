import { shannonEntropy } from "./shannon-entropy.ts";

/**
 * Whether a value found by its name (not by a vendor's format) is random enough to be a key:
 * letters and digits, high entropy, and not a word list or a camelCase identifier.
 */
export function looksRandom(value: string): boolean {
  if (!/[0-9]/.test(value) || !/[a-zA-Z]/.test(value)) return false;
  if (/^[a-z]+([_.-][a-z]+)*[0-9]{0,3}$/i.test(value)) return false; // a dotted or dashed word list
  if (/^[a-zA-Z][a-z]+([A-Z][a-z]+)+[0-9]{0,3}$/.test(value)) return false; // a camelCase name
  return shannonEntropy(value) >= 3.5;
}
