/**
 * Cue finding: reporting verbs (with their auxiliaries, negation, adverbs and particles),
 * "according to", and a colon after a speaker. Cues inside quotations never fire.
 */
import { agentAfter, endsWithS, inQuote, is, isCap, isContractedSubject, isNumber, isOpeningQuote, isPossessive, isW, isWord, lowerAt, phraseAt, punctAt, type Doc } from './context';
import { W_ABOUT, W_ACCORDING, W_AND, W_THAT, W_TO, words } from './lexicon/hash';
import type { Tokens } from './tokens';
import {
  BE_FORMS, CUE_BY_HASH, CUE_FORM, CUE_PREFIX, CueClass, CueFlag, DETERMINERS, NON_SPEECH_OBJECTS, OBJECT_PRONOUNS, PARTICLES, QUANTIFIER_SUBJECTS, SUBJECT_PRONOUNS, TITLES, type CueEntry,
} from './lexicon/en';

export interface Cue {
  /** Head verb token. */
  head: number;
  /** Token range of the whole cue, auxiliaries and particles included. */
  start: number;
  end: number;
  cls: CueClass;
  flags: number;
  lemma: string;
  ing: boolean;
  /** Base or -s form, which may be a noun. */
  nounLike: boolean;
  passive: boolean;
}

/** Besides pronouns, auxiliaries and plurals, words after which a bare "say" is a verb: "those polled say". */
const RESPONDENTS = words('percent polled surveyed interviewed');

/**
 * A cue that is not an inflected verb: "according to", a colon after a speaker. It has no lemma: only
 * verb cues' lemmas are read.
 */
export function fixedCue(at: number, end: number, cls: CueClass): Cue {
  return { head: at, start: at, end, cls, flags: 0, lemma: '', ing: false, nounLike: false, passive: false };
}

/** How sure a claim is by its cue's class: Say, Stance, Think, Evidence, Prep, Colon. */
export const BASE_CONFIDENCE: Record<CueClass, number> = [0.9, 0.6, 0.5, 0.45, 0.9, 0.7];

const NOUN_ING_NEXT = words('in at of from about');

/**
 * The first cue at or after token i of the sentence [from, to), or null. The next one is looked for
 * after the head ("to" after "according" is never a cue): one at a time, no array per sentence.
 */
export function nextCue(d: Doc, i: number, from: number, to: number): Cue | null {
  for (; i < to; i++) {
    // Most tokens are neither a cue form nor "according" (both have the bit): one bit test skips them before
    // the quote, word and capital tests below, which cost ~45 ns per token (perf, 5 MB of generated news).
    if (!(d.t.lex[i]! & CUE_FORM)) continue;
    if (inQuote(d, i)) continue;
    if (isW(d, i, W_ACCORDING) && isW(d, i + 1, W_TO) && i + 1 < to) return fixedCue(i, i + 2, CueClass.Prep);
    // A capitalised cue word mid-sentence is a name or a title ("State Department", "Mr. Said"): tested
    // before the cue lookup, which it spares for every capitalised word.
    if (isCap(d, i) && i > from) continue;
    const e = cueEntryAt(d.t, i);
    if (!e) continue;
    if (!verbalUse(d, i, e, from)) continue;
    let start = i;
    let passive = false;
    // A capitalised auxiliary mid-sentence is a name: "Theresa May said".
    while (start > from && !inQuote(d, start - 1) && is(d, start - 1, CUE_PREFIX) && i - start < 4 && !(isCap(d, start - 1) && start - 1 > from)) {
      start--;
      passive ||= is(d, start, BE_FORMS) && e.past;
    }
    // "decided not to recommend": an infinitive is the complement of the verb before it.
    let toAt = i - 1;
    while (toAt >= start && !isW(d, toAt, W_TO)) toAt--;
    // "continued to insist that": the verb after "continue to" is the cue, and "continued" part of it.
    if (toAt >= start && cueEntryAt(d.t, toAt - 1)?.lemma !== 'continue') {
      if (!is(d, toAt - 1, BE_FORMS) && ((cueEntryAt(d.t, toAt - 1)?.flags ?? 0) & CueFlag.Passive) === 0) continue;
      start = toAt + 1;
    }
    // Read only for a passive: the word's string is made for few cues.
    const byAgent = passive && i + 2 < to && agentAfter(d, i + 1);
    if (passive && !(e.flags & CueFlag.Passive) && !byAgent) continue;
    let end = i + 1 + phraseAt(d, i + 1, to, PARTICLES.get(e.lemma));
    if (end === i + 1) {
      if (e.flags & CueFlag.NeedsParticle) continue;
      if (byAgent) end++;
    }
    // "asked about", "raised questions about": what follows is the topic, and the cue takes the preposition.
    if (isW(d, end, W_ABOUT) && !isNumber(d, end + 1)) end++;
    // Fields copied one by one: spreading the entry here made detection ~1.7x slower (CPU, 3 MB of generated news).
    return { head: i, start, end, cls: e.cls, flags: e.flags, lemma: e.lemma, ing: e.ing, nounLike: e.nounLike, passive };
  }
  return null;
}

/** Filters noun and adjective uses of cue forms: "the report", "a noted author", "state law". */
function verbalUse(d: Doc, i: number, e: CueEntry, floor: number): boolean {
  const p = i - 1;
  const prevIsWord = i > floor && isWord(d, p);
  // "the said report", "several reports", but "several said", "many believe": a quantifier alone is a subject.
  const quantifier = prevIsWord && is(d, p, QUANTIFIER_SUBJECTS) && !(e.nounLike && endsWithS(d, i));
  if (prevIsWord && is(d, p, DETERMINERS) && !isW(d, p, W_THAT) && !quantifier && !isNumber(d, p)) return false;
  if (prevIsWord && isPossessive(d, p) && !isContractedSubject(d, p)) return false;
  // "a strong showing in Iowa", "a tough warning about …": after a determiner and a modifier, an -ing
  // form with a preposition after it is a noun ("a statement saying …", "a group backing Bush" are not).
  if (e.ing && prevIsWord && !isCap(d, p) && is(d, p - 1, DETERMINERS) && is(d, i + 1, NOUN_ING_NEXT)) return false;
  // "Others, however, say", "Mr. Autor and Mr. Hanson argue": a verb that is seldom a noun may follow an
  // aside or a name; a name after a determiner modifies a noun ("the NBC show", "a Trump pledge").
  if (e.nounLike && !endsWithS(d, i) && (e.flags & CueFlag.NounHeavy || !(punctAt(d, p) === ',' || (isCap(d, p) && !is(d, p - 1, DETERMINERS))))) {
    // Bare form: only after a pronoun, modal, "to", a plural subject ("officials say") or a percentage ("42% say").
    const percent = i > floor && punctAt(d, p) === '%';
    // "sources close to her campaign say she …": a verb that is seldom a noun, with a clause after it.
    // Not "it" or "you", which may be objects: "write it to a file".
    const clause = !(e.flags & CueFlag.NounHeavy) && ((is(d, i + 1, SUBJECT_PRONOUNS) && !is(d, i + 1, OBJECT_PRONOUNS)) || isW(d, i + 1, W_THAT));
    if (!percent && !clause && !(prevIsWord && (is(d, p, SUBJECT_PRONOUNS | RESPONDENTS | CUE_PREFIX) || quantifier || endsWithS(d, p) || isNumber(d, p)))) return false;
  }
  // Naming, not a verdict: "named" or "called" after a noun gives a name.
  if (e.lemma === 'name' || (e.lemma === 'call' && e.past)) {
    // "a woman named Lola", "a firm called Cambridge Analytica" (not "critics called Trump", "and called Cruz").
    if (prevIsWord && !isCap(d, p) && isCap(d, i + 1) && !is(d, p, CUE_PREFIX | SUBJECT_PRONOUNS) && (e.lemma === 'name' || (!endsWithS(d, p) && !isW(d, p, W_AND)))) return false;
    // "a play called “Los Hijos de Trump”", "a move called the boneless", "A newly formed super PAC called
    // Future 45": what an indefinite noun phrase is called ("The campaign called the charges false", "A
    // spokesman called the report …" are verdicts).
    if (!is(d, p, TITLES) && (isCap(d, i + 1) || isOpeningQuote(d, i + 1) || lowerAt(d, i + 1) === 'the')) {
      for (let k = p; k >= floor && k > p - 6 && isWord(d, k) && !is(d, k, SUBJECT_PRONOUNS); k--) if (/^an?$/.test(lowerAt(d, k))) return false;
    }
  }
  // "Western states this week", "Rust Belt states of Indiana": "state(s)" with a word after it is a noun,
  // unless it is "that" ("It states that …", "Emery states, “…”").
  if (e.lemma === 'state' && e.nounLike && isWord(d, i + 1) && !isW(d, i + 1, W_THAT)) return false;
  // "That said, …", "Having said that, …": a turn in the writer's own argument, not a report.
  if (e.lemma === 'say' && ((p === floor && isW(d, p, W_THAT) && punctAt(d, i + 1) === ',') || (lowerAt(d, p) === 'having' && isW(d, i + 1, W_THAT) && punctAt(d, i + 2) === ','))) return false;
  // "would add $95 billion to the deficit", "added 200,000 jobs", "adds to the pressure": sums, not words.
  if (e.lemma === 'add' && (isNumber(d, i + 1) || punctAt(d, i + 1) === '$' || isW(d, i + 1, W_TO))) return false;
  // "an initial public offering", "fast charging support", "the charging flap" (not "charging the
  // regime with …", "charging that …"): nouns in business and technology news.
  if (e.ing && (e.lemma === 'offer' ? lowerAt(d, p) === 'public' : e.lemma === 'charge' && !(is(d, i + 1, DETERMINERS | OBJECT_PRONOUNS) || isCap(d, i + 1)))) return false;
  return !is(d, i + 1, NON_SPEECH_OBJECTS);
}

/** The cue entry for token i when it is an inflected cue form, by hash: no string is built. */
export function cueEntryAt(t: Tokens, i: number): CueEntry | undefined {
  // Past the last token, lex[i] is undefined or 0: no word.
  return t.lex[i]! & CUE_FORM ? CUE_BY_HASH.get(t.hash[i]!) : undefined;
}
