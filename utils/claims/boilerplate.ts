/**
 * Paragraphs that are page furniture rather than article prose: headlines and captions (short,
 * no closing punctuation), bylines, "Follow X on Twitter", licence and subscription notes.
 */
import { isCap, isClosingQuote, isW, phraseAt, punctAt, punctIn, tailAt, type Doc } from './context';
import { BOILERPLATE_OPENERS } from './lexicon/en';
import { W_BY } from './lexicon/hash';
import { isTerminal } from './tokens';

const HEADLINE_MAX_TOKENS = 40;

export function isFurniture(d: Doc, start: number, end: number): boolean {
  if (end <= start) return true;
  let last = end - 1;
  // A closing single quote after the final period: "… ‘Honesty Is In Question.’"
  if (last > start && punctIn(d, last, '\'\u2019')) last--;
  const finished = isTerminal(d.t, last) || isClosingQuote(d, last) || punctAt(d, last) === ':' || tailAt(d, last, 1) === 46;
  if (!finished && end - start < HEADLINE_MAX_TOKENS) return true;
  // "By Hana Okafor" is a byline; "By big margins, voters say …" is not. The word's string is made only
  // after an opener matched.
  return phraseAt(d, start, end, BOILERPLATE_OPENERS) > 0 && !(isW(d, start, W_BY) && (end - start > 15 || !isCap(d, start + 1)));
}
