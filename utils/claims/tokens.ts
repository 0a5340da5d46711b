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
  readonly kind: number[];
  readonly start: number[];
  readonly end: number[];
  /** Lower-cased word text ('' for non-words), for lexicon lookups. */
  readonly lower: string[];
  /** 1 when the word starts with an upper-case letter. */
  readonly cap: number[];
  readonly length: number;
}

/** Title abbreviations whose period belongs to the word and never ends a sentence. */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set(
  'mr mrs ms dr gov sen rep gen lt col sgt capt adm maj prof rev st jr sr cmdr atty supt insp sec pres amb hon fr messrs mmes gens reps sens'.split(' '),
);
/** Other abbreviations that keep their period (they may still end a sentence). */
const OTHER_ABBREVIATIONS: ReadonlySet<string> = new Set(
  'inc corp co ltd bros no vs etc jan feb mar apr jun jul aug sep sept oct nov dec ariz calif colo conn fla ga ill ind kan ky la mass md mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo mt ft approx dept est govt univ e.g i.e a.m p.m'.split(' '),
);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x202f || c === 0x205f || c === 0x3000 || c === 11 || c === 12;
}

function isWordChar(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
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
  const kind: number[] = [], start: number[] = [], end: number[] = [], lower: string[] = [], cap: number[] = [];
  const n = text.length;
  const push = (k: number, s: number, e: number, lw: string, up: number): void => {
    kind.push(k); start.push(s); end.push(e); lower.push(lw); cap.push(up);
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
      push(Tk.Break, s, i, lines > 1 ? '\n\n' : '\n', 0);
      continue;
    }
    if (isSpace(c)) { i++; continue; }
    if (isWordChar(c)) {
      const s = i;
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isWordChar(d)) { i++; continue; }
        if (isJoiner(d) && i + 1 < n && isWordChar(text.charCodeAt(i + 1))) { i += 2; continue; }
        break;
      }
      // Keep the period of an abbreviation or an initial so "Mr. Smith" and "U.S." stay one word.
      if (i < n && text.charCodeAt(i) === 46) {
        const w = text.slice(s, i).toLowerCase();
        const initial = i - s === 1 && isUpper(c);
        if (initial || TITLE_ABBREVIATIONS.has(w) || OTHER_ABBREVIATIONS.has(w) || (w.indexOf('.') > 0 && i - s <= 6)) i++;
      }
      const w = text.slice(s, i);
      push(Tk.Word, s, i, w.toLowerCase(), isUpper(c) ? 1 : 0);
      continue;
    }
    if (c === 34 || c === 0x201c || c === 0x201d || c === 0x201e || c === 0x201f || c === 0xab || c === 0xbb) {
      push(Tk.Quote, i, i + 1, '', 0);
      i++;
      continue;
    }
    // Two-apostrophe quotes ('' and ``) used by some wire and newspaper texts.
    if ((c === 39 || c === 96) && i + 1 < n && text.charCodeAt(i + 1) === c) {
      push(Tk.Quote, i, i + 2, '', 0);
      i += 2;
      continue;
    }
    // Collapse runs of identical punctuation (e.g. "...", "---") so adversarial input stays cheap.
    const s = i;
    i++;
    while (i < n && text.charCodeAt(i) === c && c !== 39 && c !== 0x2019) i++;
    push(Tk.Punct, s, i, text[s] ?? '', 0);
  }
  return { text, kind, start, end, lower, cap, length: kind.length };
}
