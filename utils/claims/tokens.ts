/**
 * One linear pass over the text producing word, punctuation, quote and line-break tokens with
 * UTF-16 offsets. Everything downstream works on these arrays, never on the raw string again,
 * which keeps detection linear and free of regex backtracking.
 */

export const enum Tk {
  Word = 1,
  Punct = 2,
  /** Any double-quote-like mark: " “ ” „ « » and the two-character '' and `` some papers use. */
  Quote = 3,
  /** A run of line breaks: one token per run; `blank` marks a paragraph gap. */
  Break = 4,
}

export interface Tokens {
  readonly text: string;
  readonly kind: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** 1 when the word starts with an upper-case letter. */
  readonly cap: Uint8Array;
  /** Hash of the lower-cased word (see hashWord), so lexicon checks need no string per token. */
  readonly hash: Int32Array;
  readonly length: number;
  /** Lower-cased text of token i (words), or its character (punctuation); '' otherwise. */
  low(i: number): string;
}

/** FNV-1a over ASCII-lower-cased UTF-16 code units. */
export function hashWord(w: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < w.length; i++) {
    let c = w.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h = Math.imul(h ^ c, 0x01000193);
  }
  return h;
}

/** Title abbreviations whose period belongs to the word and never ends a sentence. */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set(
  'mr mrs ms dr gov sen rep gen lt col sgt capt adm maj prof rev st jr sr cmdr atty supt insp sec pres amb hon fr del messrs mmes gens reps sens'.split(' '),
);
/** Other abbreviations that keep their period (they may still end a sentence). */
const OTHER_ABBREVIATIONS: ReadonlySet<string> = new Set(
  'inc corp co ltd bros no vs etc jan feb mar apr jun jul aug sep sept oct nov dec ariz calif colo conn fla ga ill ind kan ky la mass md mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo mt ft approx dept est govt univ e.g i.e a.m p.m'.split(' '),
);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 11 || c === 12;
}

/** ASCII letters and digits, as a table: the tokenizer's hottest check. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;

function isWordChar(c: number): boolean {
  if (c < 0x80) return ASCII_WORD[c] === 1;
  if (c <= 0xbf) return c === 0xaa || c === 0xb5 || c === 0xba || c === 0xb2 || c === 0xb3 || c === 0xb9;
  if (c === 0xd7 || c === 0xf7) return false;
  // General Punctuation, currency, arrows, math, box drawing, CJK punctuation: not words.
  if ((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xfe30 && c <= 0xfe4f) || c === 0xfeff) return false;
  return true;
}

/** Characters allowed inside a word when followed by a word character: don't, U.S, al-Qaida, AT&T. */
function isJoiner(c: number): boolean {
  return c === 39 || c === 0x2019 || c === 46 || c === 45 || c === 38 || c === 0x2011;
}

function isUpper(c: number): boolean {
  if (c >= 65 && c <= 90) return true;
  if (c < 0xc0) return false;
  const ch = String.fromCharCode(c);
  return ch !== ch.toLowerCase();
}

export function tokenize(text: string): Tokens {
  const n = text.length;
  let cap0 = (n >> 2) + 16;
  let kind = new Uint8Array(cap0), start = new Int32Array(cap0), end = new Int32Array(cap0);
  let upper = new Uint8Array(cap0), hash = new Int32Array(cap0);
  let len = 0;
  const push = (k: number, s: number, e: number, h: number, up: number): void => {
    if (len === cap0) {
      cap0 *= 2;
      const grow = <T extends Uint8Array | Int32Array>(a: T, b: T): T => { b.set(a); return b; };
      kind = grow(kind, new Uint8Array(cap0)); start = grow(start, new Int32Array(cap0)); end = grow(end, new Int32Array(cap0));
      upper = grow(upper, new Uint8Array(cap0)); hash = grow(hash, new Int32Array(cap0));
    }
    kind[len] = k; start[len] = s; end[len] = e; hash[len] = h; upper[len] = up;
    len++;
  };
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      const s = i;
      let lines = 0;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 10) lines++;
        else if (d !== 13 && !isSpace(d)) break;
        i++;
      }
      push(Tk.Break, s, i, lines > 1 ? 2 : 1, 0);
      continue;
    }
    if (isSpace(c)) { i++; continue; }
    if (isWordChar(c)) {
      const s = i;
      let h = 0x811c9dc5 | 0;
      for (;;) {
        const d = text.charCodeAt(i);
        h = Math.imul(h ^ (d >= 65 && d <= 90 ? d + 32 : d), 0x01000193);
        i++;
        if (i >= n) break;
        const x = text.charCodeAt(i);
        if (isWordChar(x)) continue;
        if (isJoiner(x) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) continue;
        break;
      }
      // Keep the period of an abbreviation or an initial so "Mr. Smith" and "U.S." stay one word.
      if (i < n && text.charCodeAt(i) === 46 && i - s <= 6) {
        const w = text.slice(s, i).toLowerCase();
        const initial = i - s === 1 && isUpper(c);
        if (initial || TITLE_ABBREVIATIONS.has(w) || OTHER_ABBREVIATIONS.has(w) || w.indexOf('.') > 0) {
          h = Math.imul(h ^ 46, 0x01000193);
          i++;
        }
      }
      push(Tk.Word, s, i, h, isUpper(c) ? 1 : 0);
      continue;
    }
    if (c === 34 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0x201f || c === 0xab || c === 0xbb) {
      push(Tk.Quote, i, i + 1, c, 0);
      i++;
      continue;
    }
    // Two-apostrophe quotes ('' and ``) used by some wire and newspaper texts.
    if ((c === 39 || c === 96) && i + 1 < n && text.charCodeAt(i + 1) === c) {
      push(Tk.Quote, i, i + 2, c, 0);
      i += 2;
      continue;
    }
    // Collapse runs of identical punctuation (e.g. "...", "---") so adversarial input stays cheap.
    const s = i;
    i++;
    while (i < n && text.charCodeAt(i) === c && c !== 39 && c !== 0x2019) i++;
    push(Tk.Punct, s, i, c, 0);
  }
  // Filled on demand: only words near cues are ever lower-cased.
  const cache: (string | null)[] = new Array<string | null>(len).fill(null);
  const low = (k: number): string => {
    if (k < 0 || k >= len) return '';
    const kk = kind[k];
    if (kk === Tk.Punct) return text[start[k] ?? 0] ?? '';
    if (kk !== Tk.Word) return '';
    let w = cache[k];
    if (w == null) { w = text.slice(start[k], end[k]).toLowerCase(); cache[k] = w; }
    return w;
  };
  return { text, kind, start, end, cap: upper, hash, length: len, low };
}
