/**
 * A cheap language check: English news text is dense in function words (the lexicon's source stops
 * and determiners: 18% of words or more in every PolNeAR training article, under 5% in French,
 * German, Spanish, Italian, Portuguese or Dutch news prose). A text with too few of them gets no
 * claims rather than nonsense.
 */
import { Tk, type Tokens } from './tokens';
import { inSet } from './lexicon/hash';
import { DETERMINERS, SOURCE_STOP } from './lexicon/en';

const SAMPLE = 600;
const MIN_WORDS = 25;
const MIN_RATIO = 0.12;

export function looksEnglish(t: Tokens): boolean {
  let words = 0, hits = 0;
  for (let i = 0; i < t.length && words < SAMPLE; i++) {
    if (t.kind[i] !== Tk.Word) continue;
    words++;
    if (inSet(t, i, SOURCE_STOP | DETERMINERS)) hits++;
  }
  return words < MIN_WORDS || hits / words >= MIN_RATIO;
}
