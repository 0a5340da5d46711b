/** The analysed text shared by the detector's stages: tokens, segments and quotes. */
import type { Quotes } from './quotes';
import type { Segments } from './sentences';
import { Tk, type Tokens } from './tokens';

export interface Doc {
  readonly t: Tokens;
  readonly seg: Segments;
  readonly q: Quotes;
}

export function isWord(d: Doc, i: number): boolean {
  return d.t.kind[i] === Tk.Word;
}

export function lowerAt(d: Doc, i: number): string {
  return d.t.lower[i] ?? '';
}

/** The punctuation character of token i, or '' when it is not punctuation. */
export function punctAt(d: Doc, i: number): string {
  return d.t.kind[i] === Tk.Punct ? (d.t.lower[i] ?? '') : '';
}

export function isQuoteMark(d: Doc, i: number): boolean {
  return d.t.kind[i] === Tk.Quote;
}

/** True when token i is a quote mark that closes a quote. */
export function isClosingQuote(d: Doc, i: number): boolean {
  const q = d.q.of[i] ?? -1;
  return q >= 0 && d.q.list[q]?.close === i && d.t.kind[i] === Tk.Quote;
}

export function isOpeningQuote(d: Doc, i: number): boolean {
  const q = d.q.of[i] ?? -1;
  return q >= 0 && d.q.list[q]?.open === i;
}

export function inQuote(d: Doc, i: number): boolean {
  return (d.q.of[i] ?? -1) >= 0;
}

export function isTerminalPunct(d: Doc, i: number): boolean {
  const p = punctAt(d, i);
  return p === '.' || p === '!' || p === '?' || p === '\u2026';
}
