/**
 * Finds characters that make code read differently from how it runs: Trojan Source bidi
 * controls, invisible characters, ASCII smuggled in Unicode TAG characters, stray variation
 * selectors (GlassWorm-style payloads), blanks that are not spaces, and Latin look-alikes.
 * Pure and per line, so every hit carries an exact line and column.
 */

export type HiddenUnicodeKind =
  | "bidi"
  | "tag"
  | "variation-selector"
  | "zero-width"
  | "blank"
  | "homoglyph"
  | "escape";

export interface HiddenUnicodeHit {
  kind: HiddenUnicodeKind;
  /** 1-based column, counted in UTF-16 units as editors and GitHub count them. */
  column: number;
  /** The offending code points, in order (a run of TAG or selector characters counts as one hit). */
  codePoints: number[];
  /** For TAG runs and escapes: the text the characters spell or encode. */
  decoded: string | null;
  /** For homoglyphs: the identifier or word that mixes or imitates scripts. */
  token: string | null;
}

export interface ScanContext {
  /** Program source: only there does a lone look-alike word read as an imitated identifier. */
  source: boolean;
  /** Docs and rules files: typography (NBSP, soft hyphens) and any script are normal there. */
  prose: boolean;
  /** JSON/YAML/TOML, where `\u200b` escapes become the real character when parsed. */
  structuredConfig: boolean;
  /** First line of the file: a byte-order mark is only legitimate there, at column 1. */
  firstLine: boolean;
}

const BIDI = new Set([0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069]);
/** Directional marks: invisible, but the normal way to fix punctuation in real RTL text. */
const BIDI_MARKS = new Set([0x200e, 0x200f, 0x061c]);
const ZERO_WIDTH = new Set([
  0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff, 0x180e, 0x034f, 0x17b4, 0x17b5,
]);
const HANGUL_FILLERS = new Set([0x115f, 0x1160, 0x3164, 0xffa0]);
const BLANKS = new Set([
  0x00a0, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x202f,
  0x205f, 0x3000, 0x2800, 0x2028, 0x2029,
]);
const SOFT_HYPHEN = 0x00ad;

const isTag = (cp: number) => cp >= 0xe0000 && cp <= 0xe007f;
const isBasicSelector = (cp: number) => cp >= 0xfe00 && cp <= 0xfe0f;
const isSupplementSelector = (cp: number) => cp >= 0xe0100 && cp <= 0xe01ef;
const isSelector = (cp: number) => isBasicSelector(cp) || isSupplementSelector(cp);

const EMOJI = /\p{Extended_Pictographic}|\p{Emoji_Modifier}|\p{Emoji_Component}/u;
const PICTOGRAPHIC = /\p{Extended_Pictographic}/u;
const HAN = /\p{Script=Han}/u;
const CJK_TEXT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const RTL_TEXT = /[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}]/u;
/** Scripts whose orthography uses ZWJ/ZWNJ between letters (Persian, the Indic scripts, ...). */
const JOINING_LETTER = /[\p{L}\p{M}]/u;
const LATIN_OR_COMMON = /[\p{Script=Latin}\p{Script=Common}]/u;

/**
 * Letters that render like Latin ones. Lowercase Cyrillic т, п, и are left out: they do not
 * pass for Latin in common fonts, and leaving them out keeps real Russian words quiet.
 */
const CYRILLIC_LOOKALIKES = new Set(
  "\u0430\u0435\u043e\u0440\u0441\u0443\u0445\u0455\u0456\u0458\u0501\u051b\u051d\u04bb\u04cf\u04af\u050d\u0410\u0412\u0421\u0415\u041d\u0406\u0408\u041a\u041c\u041e\u0420\u0405\u0422\u0425\u0423\u04ae\u051a\u051c",
);
/** Greek and Armenian letters that pass for Latin; μ (as in `μs`) and λ do not, and stay quiet. */
const LOOKALIKES = new Set([
  ...CYRILLIC_LOOKALIKES,
  ..."\u03b1\u03b9\u03bd\u03bf\u03c1\u03c4\u03c5\u03ba\u0391\u0392\u0395\u0396\u0397\u0399\u039a\u039c\u039d\u039f\u03a1\u03a4\u03a5\u03a7\u0585\u057d\u0578\u0570\u0581",
]);
const LATIN_LETTER = /\p{Script=Latin}/u;
const CYRILLIC_LETTER = /\p{Script=Cyrillic}/u;
/** Any character outside ASCII: the cheap test that lets plain lines skip the scan. */
const NON_ASCII = /[^\p{ASCII}]/u;
const IDENTIFIER = /[\p{L}\p{M}\p{N}_$]+/gu;
const ESCAPE =
  /\\u\{([0-9a-fA-F]{1,6})\}|\\U([0-9a-fA-F]{8})|\\u([0-9a-fA-F]{4})(?:\\u([dD][c-fC-F][0-9a-fA-F]{2}))?/g;

/** Scans one line. Returns nothing for plain ASCII, which is almost every line, without a loop. */
export function scanHiddenUnicode(content: string, context: ScanContext): HiddenUnicodeHit[] {
  const hits: HiddenUnicodeHit[] = [];
  if (NON_ASCII.test(content)) {
    scanCharacters(content, context, hits);
    if (!context.prose) scanHomoglyphs(content, context.source, hits);
  }
  if (context.structuredConfig && content.includes("\\")) scanEscapes(content, hits);
  return hits.sort((a, b) => a.column - b.column);
}

function scanCharacters(content: string, context: ScanContext, hits: HiddenUnicodeHit[]): void {
  const chars = Array.from(content);
  const columns: number[] = [];
  let column = 1;
  for (const ch of chars) {
    columns.push(column);
    column += ch.length;
  }
  const cpAt = (i: number): number => chars[i]?.codePointAt(0) ?? -1;
  const colAt = (i: number): number => columns[i] ?? 1;
  for (let i = 0; i < chars.length; i++) {
    const cp = cpAt(i);
    if (cp < 0x80) continue;
    if (BIDI.has(cp)) {
      hits.push(hit("bidi", colAt(i), [cp]));
    } else if (isTag(cp)) {
      const end = runEnd(i, isTag, cpAt);
      const run = codePointsOf(chars, i, end);
      // A black flag, tags, then CANCEL TAG is a subdivision flag (England, Scotland), not a payload.
      const isFlag = cpAt(i - 1) === 0x1f3f4 && run.at(-1) === 0xe007f;
      if (!isFlag) hits.push({ ...hit("tag", colAt(i), run), decoded: decodeTags(run) });
      i = end - 1;
    } else if (isSelector(cp)) {
      const end = runEnd(i, isSelector, cpAt);
      const run = codePointsOf(chars, i, end);
      if (!(run.length === 1 && selectorIsLegitimate(cp, cpAt(i - 1), cpAt(i + 1)))) {
        hits.push(hit("variation-selector", colAt(i), run));
      }
      i = end - 1;
    } else if (ZERO_WIDTH.has(cp)) {
      if (cp === 0xfeff && context.firstLine && i === 0) continue;
      if ((cp === 0x200d || cp === 0x200c) && joinerIsLegitimate(chars[i - 1], chars[i + 1])) continue;
      hits.push(hit("zero-width", colAt(i), [cp]));
    } else if (BIDI_MARKS.has(cp)) {
      if (context.prose || RTL_TEXT.test(content)) continue;
      hits.push(hit("zero-width", colAt(i), [cp]));
    } else if (HANGUL_FILLERS.has(cp)) {
      // In Korean text the fillers are part of the writing system; alone they are invisible names.
      if (context.prose && /\p{Script=Hangul}/u.test(content.replace(/[\u115f\u1160\u3164\uffa0]/g, "")))
        continue;
      hits.push(hit("blank", colAt(i), [cp]));
    } else if (!context.prose && BLANKS.has(cp)) {
      if (cp === 0x3000 && CJK_TEXT.test(content)) continue;
      hits.push(hit("blank", colAt(i), [cp]));
    } else if (!context.prose && cp === SOFT_HYPHEN) {
      hits.push(hit("zero-width", colAt(i), [cp]));
    }
  }
}

function hit(kind: HiddenUnicodeKind, column: number, codePoints: number[]): HiddenUnicodeHit {
  return { kind, column, codePoints, decoded: null, token: null };
}

function runEnd(start: number, inRun: (cp: number) => boolean, cpAt: (i: number) => number): number {
  let end = start;
  while (inRun(cpAt(end))) end++;
  return end;
}

function codePointsOf(chars: readonly string[], start: number, end: number): number[] {
  return chars.slice(start, end).map((ch) => ch.codePointAt(0) ?? 0);
}

/** TAG characters mirror ASCII at U+E0000 + code; decoding shows the instructions they hide. */
export function decodeTags(codePoints: readonly number[]): string {
  return codePoints
    .filter((cp) => cp >= 0xe0020 && cp <= 0xe007e)
    .map((cp) => String.fromCodePoint(cp - 0xe0000))
    .join("");
}

/** A lone selector is normal after an emoji (text/emoji style), after a CJK ideograph, or on a keycap. */
function selectorIsLegitimate(cp: number, previous: number, next: number): boolean {
  if (previous < 0) return false;
  const before = String.fromCodePoint(previous);
  if (isSupplementSelector(cp)) return HAN.test(before);
  if (cp === 0xfe0e || cp === 0xfe0f) {
    if (/[0-9#*]/.test(before)) return next === 0x20e3;
    return previous >= 0x80 && (EMOJI.test(before) || /\p{Emoji}/u.test(before));
  }
  // FE00–FE0D: standardized variants of math symbols, CJK compatibility and Mongolian letters.
  return previous >= 0x80 && !LATIN_LETTER.test(before);
}

/** ZWJ inside an emoji sequence, or ZWJ/ZWNJ between letters of a script that needs them. */
function joinerIsLegitimate(before: string | undefined, after: string | undefined): boolean {
  if (before === undefined || after === undefined) return false;
  const emojiBefore = PICTOGRAPHIC.test(before) || /\p{Emoji_Modifier}|\uFE0F/u.test(before);
  if (emojiBefore && PICTOGRAPHIC.test(after)) return true;
  const scriptLetter = (ch: string) => JOINING_LETTER.test(ch) && !LATIN_OR_COMMON.test(ch);
  return scriptLetter(before) && (scriptLetter(after) || /\s|\p{P}/u.test(after));
}

function scanHomoglyphs(content: string, source: boolean, hits: HiddenUnicodeHit[]): void {
  // Genuine Cyrillic text on the line (a letter that does not pass for Latin) vouches for it.
  const hasGenuineCyrillic = Array.from(content).some(
    (ch) => CYRILLIC_LETTER.test(ch) && !CYRILLIC_LOOKALIKES.has(ch),
  );
  for (const match of content.matchAll(IDENTIFIER)) {
    const token = match[0];
    if (!NON_ASCII.test(token)) continue;
    const letters = Array.from(token).filter((ch) => /\p{L}/u.test(ch));
    const latin = letters.some((ch) => LATIN_LETTER.test(ch));
    const foreign = letters.filter((ch) => LOOKALIKES.has(ch));
    const mixed = latin && foreign.length > 0;
    const imitation =
      source &&
      !latin &&
      !hasGenuineCyrillic &&
      letters.length > 0 &&
      letters.every((ch) => CYRILLIC_LOOKALIKES.has(ch));
    if (!mixed && !imitation) continue;
    const suspects = (mixed ? foreign : letters).map((ch) => ch.codePointAt(0) ?? 0);
    hits.push({
      kind: "homoglyph",
      column: match.index + 1,
      codePoints: [...new Set(suspects)],
      decoded: null,
      token,
    });
  }
}

/** `\u200b`, `\u{E0041}`, `\U000E0041` and surrogate pairs, as JSON, YAML and TOML write them. */
function scanEscapes(content: string, hits: HiddenUnicodeHit[]): void {
  for (const match of content.matchAll(ESCAPE)) {
    const cp = escapedCodePoint(match);
    if (cp === null || !escapeIsHidden(cp)) continue;
    hits.push({
      kind: "escape",
      column: match.index + 1,
      codePoints: [cp],
      decoded: isTag(cp) ? decodeTags([cp]) : null,
      token: match[0],
    });
  }
}

function escapedCodePoint(match: RegExpMatchArray): number | null {
  const [, braced, long, high, low] = match;
  if (braced !== undefined) return Number.parseInt(braced, 16);
  if (long !== undefined) return Number.parseInt(long, 16);
  if (high === undefined) return null;
  const first = Number.parseInt(high, 16);
  if (low === undefined) return first;
  return (first - 0xd800) * 0x400 + (Number.parseInt(low, 16) - 0xdc00) + 0x10000;
}

/**
 * Escaped characters worth flagging. ZWNJ/ZWJ and FE0E/FE0F are left out: locale files and
 * emoji tables escape them routinely, and the escape alone says nothing about intent.
 */
function escapeIsHidden(cp: number): boolean {
  if (cp === 0x200c || cp === 0x200d || cp === 0xfe0e || cp === 0xfe0f) return false;
  return (
    BIDI.has(cp) ||
    isTag(cp) ||
    isSelector(cp) ||
    ZERO_WIDTH.has(cp) ||
    HANGUL_FILLERS.has(cp) ||
    cp === 0x2800
  );
}
