/**
 * Pairs quote marks in one linear scan. Curly marks and guillemets say which way they face;
 * straight " and the two-apostrophe '' are decided by their neighbours, then by state.
 * A quote left open at the end of a paragraph continues when the next paragraph opens with a
 * quote mark (the newspaper convention for multi-paragraph quotations); otherwise it ends there.
 */
import type { Segments } from './sentences';
import { firstCode, Tk, type Tokens } from './tokens';

export interface Quote {
  /** Token index of the opening mark. */
  open: number;
  /** Token index of the closing mark, or the last token of the paragraph when unclosed. */
  close: number;
  /** Quotes of one multi-paragraph quotation share a group (the first quote's index). */
  group: number;
  /** End of the sentence and index of the paragraph holding the closing mark. */
  sentEnd: number;
  para: number;
}

export interface Quotes {
  readonly list: Quote[];
  /** One more than the index into `list` of the quote holding each token (marks included), 0 outside: no fill pass. */
  readonly of: Int32Array;
}

export const enum Dir { Open = 1, Close = 2, Either = 3 }

/** Which way a mark faces by its shape: curly marks and guillemets say, straight marks do not (Either). */
export function facing(c: number): Dir {
  if (c === 0x201c || c === 0x201e || c === 0xab || c === 96) return Dir.Open;
  return c === 0x201d || c === 0xbb ? Dir.Close : Dir.Either;
}

/** After white space, nothing or one of these, a mark opens; before them it closes. */
const OPENS_AFTER = ' \n\r\t\xa0([\u2014-:';
const CLOSES_BEFORE = ' \n\r\t\xa0,.);:?!\u2014';

/** How the mark's neighbours say it faces: open after a space, close before one. */
function byNeighbours(t: Tokens, i: number): Dir {
  // charAt(-1) is '', like reading past the end, and every string includes ''.
  const openish = OPENS_AFTER.includes(t.text.charAt(t.start[i]! - 1));
  const closeish = CLOSES_BEFORE.includes(t.text.charAt(t.end[i]!));
  return openish === closeish ? Dir.Either : openish ? Dir.Open : Dir.Close;
}

/**
 * The closing mark of a single-quoted quotation opening at token i (‘…’ or '…', the British
 * convention), or -1. Only a mark with a closer in reach counts, so apostrophes stay apostrophes;
 * "the voters’ choice" is a possessive, not a closing mark.
 */
function singleClose(t: Tokens, i: number, pe: number): number {
  const c = t.hash[i];
  if ((c !== 0x2018 && c !== 39) || byNeighbours(t, i) !== Dir.Open) return -1;
  for (let j = i + 1; j < pe && j - i < 400; j++) {
    const x = t.kind[j] === Tk.Punct ? t.hash[j] : 0;
    if (x === c && byNeighbours(t, j) === Dir.Open) return -1;
    // ‘ (U+2018) closes with ’ (U+2019, its code or 1); ' (39, odd) with itself.
    if (x === (c | 1) && byNeighbours(t, j) === Dir.Close) return j;
  }
  return -1;
}

function direction(t: Tokens, i: number, inside: boolean): Dir {
  const c = firstCode(t, i);
  // A “ glued to the end of a quotation and followed by a space is a mistyped closing mark: “Yes,“ he said.
  if (c === 0x201c && inside && byNeighbours(t, i) === Dir.Close) return Dir.Close;
  const f = facing(c);
  return f === Dir.Either ? byNeighbours(t, i) : f;
}

export function pairQuotes(t: Tokens, seg: Segments): Quotes {
  const list: Quote[] = [];
  const of = new Int32Array(t.length);
  let pendingGroup = -1; // group of a quote left open at the previous paragraph's end
  let sent = 0; // sentence of the last closing mark: marks only move forward
  let para = 0; // the paragraph being paired, which push() records with each quote
  const push = (open: number, close: number, group: number): void => {
    // Past the last sentence, undefined compares false.
    while (seg.sentEnd[sent]! <= close) sent++;
    list.push({ open, close, group, sentEnd: seg.sentEnd[sent] ?? 0, para });
    of.fill(list.length, open, close + 1);
  };
  for (; para < seg.paraStart.length; para++) {
    const ps = seg.paraStart[para]!, pe = seg.paraEnd[para]!;
    let open = -1;
    let group = -1;
    const carry = pendingGroup;
    pendingGroup = -1;
    for (let i = ps; i < pe; i++) {
      const single = open < 0 && t.kind[i] === Tk.Punct ? singleClose(t, i, pe) : -1;
      if (single > 0) {
        // Marked as quote marks from here on; double quotes inside are nested and stay plain.
        t.kind[i] = t.kind[single] = Tk.Quote;
        push(i, single, list.length);
        i = single;
        continue;
      }
      if (t.kind[i] !== Tk.Quote) continue;
      const d = direction(t, i, open >= 0);
      if (open < 0) {
        if (d === Dir.Close) continue; // stray closing mark
        open = i;
        group = i === ps && carry >= 0 ? carry : list.length;
      } else if (d === Dir.Open) {
        // A second opening mark: the first was never closed; end it before this one.
        push(open, i - 1, group);
        open = i;
        group = list.length;
      } else {
        push(open, i, group);
        open = -1;
      }
    }
    if (open >= 0) {
      push(open, pe - 1, group);
      pendingGroup = group;
    }
  }
  return { list, of };
}
