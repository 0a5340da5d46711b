/**
 * A cheap language check: English news text is dense in a few function words. A text with
 * too few of them (French, German, Spanish…) gets no claims rather than nonsense.
 */
import type { Tokens } from './tokens';
import { Tk } from './tokens';
import { STOP_WORDS } from './lexicon/en';

const SAMPLE = 600;
const MIN_WORDS = 25;
const MIN_RATIO = 0.12;

export function looksEnglish(t: Tokens): boolean {
  let words = 0, hits = 0;
  for (let i = 0; i < t.length && words < SAMPLE; i++) {
    if (t.kind[i] !== Tk.Word) continue;
    words++;
    if (STOP_WORDS.hashes.has(t.hash[i] ?? 0)) hits++;
  }
  return words < MIN_WORDS || hits / words >= MIN_RATIO;
}
