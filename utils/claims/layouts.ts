/**
 * Whole-paragraph attribution layouts that have no reporting verb: transcript and headline
 * speaker lines ("WALLACE: Let's start…", "Pence: Flowers won't be at debate") and quotes
 * signed with a dash ("“…” ― Jane Doe").
 */
import { is, isCap, isClosingQuote, isDash, isOpeningQuote, joinText, punctAt, quoteAround, type Doc } from './context';
import { trim } from './content';
import { CueClass, DETERMINERS } from './lexicon/en';
import { words } from './lexicon/hash';
import { BASE_CONFIDENCE, fixedCue } from './cues';
import type { Draft } from './detect';

const MAX_SPEAKER_TOKENS = 4;
const MAX_SIGNATURE_TOKENS = 6;
const HEADLINE_TOKENS = 30;

/** Labels that look like a speaker before a colon but introduce page furniture. */
const NOT_SPEAKERS = words(`a graphic tags exclusive editor file watch note chart credit advertisement warning\
 analysis sources gallery listen transcript breaking video posted related updated update correction photo live\
 editor's source opinion podcast clarification photos commentary map read q published`);

/** "NAME: content" at the start of a paragraph (an opening quote may precede the name). */
function speakerLine(d: Doc, ps: number, pe: number): Draft | null {
  let s = ps;
  if (isOpeningQuote(d, s)) s++;
  let k = s;
  while (k - s < MAX_SPEAKER_TOKENS && isCap(d, k)) k++;
  if (k === s || punctAt(d, k) !== ':' || is(d, s, NOT_SPEAKERS | DETERMINERS)) return null;
  // Transcripts write the speaker in capitals; otherwise only a quotation or the headline opening the
  // text qualifies ("Issa: Clinton's 'Honesty Is In Question'"): a label further on introduces a list
  // item or a term ("Need: You use this every day", "Security: New vulnerabilities in …").
  const name = joinText(d, s, k);
  const headline = pe - ps <= HEADLINE_TOKENS && !/\S/.test(d.t.text.slice(0, d.t.start[ps]));
  if (name !== name.toUpperCase() && !headline && !isOpeningQuote(d, k + 1)) return null;
  const content = trim(d, k + 1, pe);
  if (content.end - content.start < 2) return null;
  return { cue: fixedCue(k, k + 1, CueClass.Colon), src: { start: s, end: k }, frags: [content], inherit: null, confidence: BASE_CONFIDENCE[CueClass.Colon] };
}

/**
 * `furniture`: the paragraph looks like page furniture (a signed quote has no final period). Tokens
 * [ps, pe) are a paragraph: the tokens at ps - 1 and pe are line breaks or none, neither a capital,
 * punctuation nor a quote mark, so a scan here stops at its bounds unaided.
 */
export function paragraphLayout(d: Doc, ps: number, pe: number, furniture: boolean): Draft | null {
  // A headline may be a speaker line ("Issa: Clinton's 'Honesty Is In Question'") but no other claim.
  return signedQuote(d, ps, pe) ?? (furniture && pe - ps > HEADLINE_TOKENS ? null : speakerLine(d, ps, pe));
}

/** "“…” ― Name" closing a paragraph. */
function signedQuote(d: Doc, ps: number, pe: number): Draft | null {
  let e = pe;
  while (punctAt(d, e - 1) === '.') e--;
  let k = e;
  while (k > ps && e - k < MAX_SIGNATURE_TOKENS && isCap(d, k - 1)) k--;
  if (k === e || !isDash(d, k - 1) || !isClosingQuote(d, k - 2)) return null;
  // A closing mark is in a quotation, whose opening mark is in the same paragraph (pairQuotes pairs marks
  // within a paragraph).
  return { cue: fixedCue(k - 1, k, CueClass.Colon), src: { start: k, end: e }, frags: [{ start: quoteAround(d, k - 2)!.open, end: k - 1 }], inherit: null, confidence: BASE_CONFIDENCE[CueClass.Colon] };
}
