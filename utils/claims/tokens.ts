/**
 * One linear pass over the text producing word, punctuation, quote and line-break tokens with
 * UTF-16 offsets. Everything downstream works on these arrays, never on the raw string again,
 * which keeps detection linear and free of regex backtracking.
 */

export const enum Tk {
  Word = 1,
  Punct = 2,
  /**
   * Any double-quote-like mark: " “ ” „ « » and the two-character '' and `` some papers use. Single
   * marks are punctuation here; pairQuotes turns the two of a single-quoted quotation into quotes.
   */
  Quote = 3,
  /** A run of line breaks: one token per run; `blank` marks a paragraph gap. */
  Break = 4,
}

/**
 * The kind bits of words, punctuation and quote marks, none of which a Break (4) has, nor the 0 or undefined
 * kind read past the last token: `kind & TEXT_KINDS` is 0 at a break or the end of the tokens.
 */
export const TEXT_KINDS = Tk.Word | Tk.Punct | Tk.Quote;

export interface Tokens {
  readonly text: string;
  readonly kind: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /**
   * Bit 1 when the token is a word starting with an upper-case letter; bit 2 when it is a word that kept
   * a period ("Mr.", "U.S.", "etc."), which segment reads instead of the word's last code unit.
   */
  readonly cap: Uint8Array;
  /** Hash of the lower-cased word (see hashWord), so lexicon checks need no string per token. */
  readonly hash: Int32Array;
  /** The bits of the lexicon's sets holding the word (see addToLexicon); 0 for other tokens. */
  readonly lex: Int32Array;
  readonly length: number;
  /** Lower-cased text of token i when it is a word; '' otherwise. */
  low(i: number): string;
}

/** FNV-1a over ASCII-lower-cased UTF-16 code units, the typographic apostrophe read as "'" (don’t = don't). */
export function hashWord(w: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ foldCode(w.charCodeAt(i)), 0x01000193);
  return h;
}

function isUpper(c: number): boolean {
  if (c < 0xc0) return c >= 65 && c <= 90;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

function foldCode(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c === 0x2019 ? 39 : c;
}

/** Title abbreviations whose period belongs to the word and never ends a sentence. */
/** Abbreviated roles, which TITLES holds with their period ("Gen.", "Sen."). */
export const ROLE_ABBREVIATIONS = 'cmdr sgt rev lt rep sen amb atty sec col prof maj supt gov del pres capt gen adm';
const TITLE_WORDS = `st jr hon reps ms ${ROLE_ABBREVIATIONS} sr mrs gens dr fr mr insp sens`;
/** The title abbreviations' hashes with their period, as a word that kept it has ("Mr."). */
export const TITLE_ABBREVIATIONS: ReadonlySet<number> = new Set(TITLE_WORDS.split(' ').map((w) => hashWord(w + '.')));

const enum Ch { Other = 0, Space = 1, Word = 2, Line = 3, Quote = 4 }

/**
 * The class of every UTF-16 code unit, built on the first call with a few native fills (a loop over
 * all 65,536 calling a classifier each took ~5 ms before the code was warm, on the first page's
 * critical path): the tokenizer's inner loops then do one table read per character.
 */
let classTable: Uint8Array | null = null;
function charClasses(): Uint8Array {
  if (classTable) return classTable;
  // Letters and digits: ASCII ones, a few Latin-1 signs (ª µ º ² ³ ¹), and every code unit from U+00C0
  // except × ÷ and the punctuation blocks (General Punctuation to Misc Symbols and Arrows, CJK
  // punctuation, CJK compatibility forms).
  const table = new Uint8Array(65536).fill(Ch.Word, 0xc0).fill(Ch.Other, 0x2000, 0x2c00).fill(Ch.Other, 0x3000, 0x3040).fill(Ch.Other, 0xfe30, 0xfe50)
    .fill(Ch.Word, 48, 58).fill(Ch.Word, 65, 91).fill(Ch.Word, 97, 123)
    // Double-quote-like marks: “ ” „ ‟ here, " « » below.
    .fill(Ch.Quote, 0x201c, 0x2020)
    // Horizontal spaces: tab to form feed (the line feed among them is set apart below), typographic spaces and
    // the zero-width space here; the space, no-break spaces, the ideographic space and BOM below.
    .fill(Ch.Space, 9, 13).fill(Ch.Space, 0x2000, 0x200c);
  table[0xd7] = table[0xf7] = Ch.Other;
  for (const c of [0xaa, 0xb5, 0xba, 0xb2, 0xb3, 0xb9]) table[c] = Ch.Word;
  for (const c of [34, 0xab, 0xbb]) table[c] = Ch.Quote;
  for (const c of [32, 0xa0, 0x202f, 0x205f, 0x3000, 0xfeff]) table[c] = Ch.Space;
  table[10] = table[13] = Ch.Line;
  classTable = table;
  return table;
}

/** Other abbreviations that keep their period (they may still end a sentence). */
/** Abbreviated months but June and July, which TIME_WORDS holds with their period ("Jan.", "Sept."). */
export const MONTH_ABBREVIATIONS = 'jan feb mar apr aug sep sept oct nov dec';
const OTHER_ABBREVIATIONS = `ft no etc co inc corp ${MONTH_ABBREVIATIONS} ltd bros jun vs jul`;

/** The token arrays while they fill; grown by doubling. */
interface Columns {
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  cap: Uint8Array;
  hash: Int32Array;
  lex: Int32Array;
}

function allocate(size: number): Columns {
  return { kind: new Uint8Array(size), start: new Int32Array(size), end: new Int32Array(size), cap: new Uint8Array(size), hash: new Int32Array(size), lex: new Int32Array(size) };
}

/**
 * The lexicon's words, open-addressed by hash in one typed array: a word's hash, then the bits of the
 * sets holding it, 0 bits marking a free slot. The tokenizer looks each word up once, so a set test is
 * one bit test: a table of low hash bits per set and a Set lookup on each hit were 7% of detection time
 * (perf, 5 MB of generated news). 8,192 slots for the ~1,700 words: a miss stops at a free slot soon.
 */
const lexicon = new Int32Array(16384);

/** The slot of hash h: where it is, or the free slot where it goes. */
function slotOf(h: number): number {
  let i = (h << 1) & 16382;
  while (lexicon[i + 1] && lexicon[i] !== h) i = (i + 2) & 16382;
  return i;
}

/** The bits of the word sets holding the word of hash h (0 for a word in none). */
export const lexiconBits = (h: number): number => lexicon[slotOf(h) + 1]!;

/** Adds set bits to word hash h (lexicon/hash fills the table on the first detection). */
export function addToLexicon(h: number, bits: number): void {
  const i = slotOf(h);
  lexicon[i] = h;
  lexicon[i + 1]! |= bits;
}

const ABBREVIATION_HASHES: ReadonlySet<number> = new Set(`${TITLE_WORDS} ${OTHER_ABBREVIATIONS}`.split(' ').map(hashWord));

// A top-level function over a plain object: the hot loop keeps its state in locals, not in a closure.
function put(c: Columns, at: number, k: number, s: number, e: number, h: number): void {
  c.kind[at] = k; c.start[at] = s; c.end[at] = e; c.hash[at] = h;
}

/** Characters allowed inside a word when followed by a word character: don't, U.S, al-Qaida, AT&T. */
function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 45 || c === 38 || c === 0x2011;
}

/** The typewriter or the typographic apostrophe. */
export const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** A period, question or exclamation mark, or an ellipsis: a token's hash is its character, no string needed. */
export function isTerminal(t: Tokens, i: number): boolean {
  if (t.kind[i] !== Tk.Punct) return false;
  const ch = t.hash[i];
  return ch === 46 || ch === 33 || ch === 63 || ch === 0x2026;
}

/** The first code unit of token i (past the last token, of the text: start[i] is undefined, read as 0). */
export function firstCode(t: Tokens, i: number): number {
  return t.text.charCodeAt(t.start[i]!);
}

function grow(c: Columns): Columns {
  const g = allocate(c.kind.length * 2);
  for (const k in g) g[k as keyof Columns].set(c[k as keyof Columns]);
  return g;
}

/** Tokens of text[i, n), with offsets into the whole text. */
export function tokenize(text: string, i = 0, n = text.length): Tokens {
  // News text averages five to six characters per token; the arrays double if it runs denser.
  let c = allocate(((n - i) >> 2) + 16);
  let len = 0;
  const cls = charClasses();
  while (i < n) {
    // Room for two tokens: a closing triple apostrophe puts two at once.
    if (len + 1 >= c.kind.length) c = grow(c);
    const ch = text.charCodeAt(i);
    const k = cls[ch];
    if (k === Ch.Space) { i++; continue; }
    if (k === Ch.Word) {
      const s = i;
      let h = 0x811c9dc5 | 0;
      let dotted = false; // a joined period inside: "U.S", "e.g"
      // Each code unit is read once: the one that ends a word's test is hashed next if it continues it.
      let x = ch;
      for (;;) {
        h = Math.imul(h ^ foldCode(x), 0x01000193);
        if (++i >= n) break;
        x = text.charCodeAt(i);
        if (cls[x] === Ch.Word) continue;
        if (isJoiner(x) && i + 1 < n && cls[text.charCodeAt(i + 1)] === Ch.Word) { if (x === 46) dotted = true; continue; }
        // A thousands separator: "1,000 adults" is one word, not "1" and a source "000 adults".
        if (x === 44 && isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1))) continue;
        break;
      }
      // Keep the period of an abbreviation or an initial so "Mr. Smith" and "U.S." stay one word. Where
      // the word stops before the end, x is the code unit at i: no second read; at the end, x is the word's
      // last code unit (a joiner is hashed only with a letter after it), never a period.
      let up = +isUpper(ch);
      if (x === 46 && i - s <= 6) {
        const initial = i - s === 1 && up;
        if (initial || dotted || ABBREVIATION_HASHES.has(h)) {
          h = Math.imul(h ^ 46, 0x01000193);
          i++;
          up |= 2;
        }
      }
      // Only words have capitals and lexicon bits: the columns start zeroed for the other tokens.
      c.cap[len] = up;
      c.lex[len] = lexiconBits(h);
      put(c, len++, Tk.Word, s, i, h);
      // The space after a word, most often next, is passed here; x is a word's code unit, a joiner or a
      // period in the other cases.
      if (cls[x] === Ch.Space) i++;
      continue;
    }
    if (k === Ch.Line) {
      const s = i;
      let lines = 0;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 10) lines++;
        else if (d !== 13 && cls[d] !== Ch.Space) break;
        i++;
      }
      put(c, len++, Tk.Break, s, i, lines > 1 ? 2 : 1);
      continue;
    }
    if (k === Ch.Quote) {
      put(c, len++, Tk.Quote, i, ++i, ch);
      continue;
    }
    // Two-apostrophe quotes ('' and ``) used by some wire and newspaper texts.
    if ((ch === 39 || ch === 96) && i + 1 < n && text.charCodeAt(i + 1) === ch) {
      // "…you at all,''' said": not after a space (it would open one), a third mark closes a nested quotation first.
      if (text.charCodeAt(i + 2) === ch && cls[text.charCodeAt(i - 1)] !== Ch.Space) put(c, len++, Tk.Punct, i, ++i, ch);
      put(c, len++, Tk.Quote, i, i += 2, ch);
      continue;
    }
    // Collapse runs of identical punctuation (e.g. "...", "---") so adversarial input stays cheap.
    const s = i++;
    while (i < n && text.charCodeAt(i) === ch && ch !== 39 && ch !== 0x2019) i++;
    put(c, len++, Tk.Punct, s, i, ch);
  }
  const { kind, start, end } = c;
  // Not cached: a string per call dies young, while a cache kept every word it lowered alive for
  // the collector to copy, and its per-token index array touched megabytes of fresh pages.
  const low = (k: number): string => {
    // Past either end, kind[k] is undefined (or 0 in the spare tail): no kind, ''.
    if (kind[k] !== Tk.Word) return '';
    const s = start[k]!, e = end[k]!, w = text.slice(s, e);
    // toLowerCase of a slice of two-byte text (any page with a curly quote) took ~90 ns even when it
    // changed nothing, ~4x a plain slice: only a capital or a non-ASCII letter needs it.
    for (let j = s; j < e; j++) {
      const ch = text.charCodeAt(j);
      if ((ch >= 65 && ch <= 90) || ch >= 0xc0) return w.toLowerCase();
    }
    return w;
  };
  return { text, ...c, length: len, low };
}
