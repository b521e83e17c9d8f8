/**
 * Example credentials that vendors print in their docs. They are public and inert, and they are
 * pasted into READMEs and tests all the time, so flagging them is pure noise.
 */
const DOCUMENTED_EXAMPLES = new Set([
  "AKIAIOSFODNN7EXAMPLE",
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  "AKIAI44QH8DHBEXAMPLE",
  "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
  "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
  "pk_test_TYooMQauvdEDq54NiTphI7jx",
  "xoxb-not-a-real-token-this-will-not-work",
  // GitHub's docs ("Authorizing OAuth apps", "About authentication to GitHub") print these.
  "gho_16C7e42F292c6912E7710c838347Ae178B4a",
  "ghp_16C7e42F292c6912E7710c838347Ae178B4a",
  "ghu_16C7e42F292c6912E7710c838347Ae178B4a",
  "ghs_16C7e42F292c6912E7710c838347Ae178B4a",
  "ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d16D5B1A9Dc86A1498",
]);

/** Words that mark a value as a stand-in rather than a credential. */
const PLACEHOLDER_WORDS =
  /example|sample|dummy|placeholder|changeme|change[_-]me|your[_-]?(api|secret|token|key|password|own)|redacted|replace[_-]?me|insert[_-]|fake|notreal|not[_-]a[_-]real|lorem|foobar|todo|fixme|xxxx|\*\*\*\*|\.\.\.|<[^>]*>|\$\{|\{\{|%\(|%s/i;

/** True for a vendor's documented example value (checked for every rule). */
export function isDocumentedExample(value: string): boolean {
  for (const example of DOCUMENTED_EXAMPLES) if (value.includes(example)) return true;
  return false;
}

/**
 * True when a value assigned to a secret-looking name is evidently a placeholder. Only used for
 * the name-based heuristic: a provider-specific format (`ghp_…`) is evidence on its own.
 */
export function isPlaceholderValue(value: string): boolean {
  if (isDocumentedExample(value)) return true;
  if (PLACEHOLDER_WORDS.test(value)) return true;
  // One character repeated (`aaaaaaaa`, `00000000`) or a counting run (`12345678`, `abcdefgh`).
  if (/^(.)\1+$/.test(value)) return true;
  return /0123456789|123456789|abcdefghij/i.test(value);
}
