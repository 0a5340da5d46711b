/**
 * Cue finding: reporting verbs (with their auxiliaries, negation, adverbs and particles),
 * "according to", and a colon after a speaker. Cues inside quotations never fire.
 */
import { inQuote, is, isWord, lowerAt, type Doc } from './context';
import { hashSet } from './lexicon/hash';
import {
  BE_FORMS, CUE_PREFIX, CUES, CueClass, CueFlag, DETERMINERS, NON_SPEECH_OBJECTS, PARTICLES, POSSESSIVES, type CueEntry,
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
  passive: boolean;
  ing: boolean;
  /** Base or -s form, which may be a noun. */
  nounLike: boolean;
}

const CUE_HASHES = hashSet([...CUES.keys(), 'according']);

/** Subjects after which a bare verb form ("say", "think") is a verb, not a noun. */
const BARE_VERB_LEFT = new Set('i we they you to not n\'t will would could can may might should must did do does also often still who'.split(' '));

function isPossessiveWord(w: string): boolean {
  return w.endsWith('’s') || w.endsWith("'s");
}

/** Filters noun and adjective uses of cue forms: "the report", "a noted author", "state law". */
function verbalUse(d: Doc, i: number, e: CueEntry, floor: number): boolean {
  const prev = i > floor ? lowerAt(d, i - 1) : '';
  const prevIsWord = i > floor && isWord(d, i - 1);
  if (prevIsWord && (DETERMINERS.has(prev) || POSSESSIVES.has(prev)) && prev !== 'that' && prev !== 'all' && prev !== 'both') return false;
  if (prevIsWord && isPossessiveWord(prev)) return false;
  if (e.nounLike && !lowerAt(d, i).endsWith('s')) {
    // Bare form: only after a pronoun, modal, "to", or a plural subject ("officials say").
    if (!prevIsWord) return false;
    if (!(BARE_VERB_LEFT.has(prev) || (prev.endsWith('s') && !isPossessiveWord(prev)) || CUE_PREFIX.has(prev))) return false;
  }
  const next = lowerAt(d, i + 1);
  if (NON_SPEECH_OBJECTS.has(next)) return false;
  return true;
}

export function findCues(d: Doc, from: number, to: number): Cue[] {
  const out: Cue[] = [];
  for (let i = from; i < to; i++) {
    if (!CUE_HASHES.has(d.t.hash[i] ?? 0) || !isWord(d, i) || inQuote(d, i)) continue;
    const w = lowerAt(d, i);
    if (w === 'according' && lowerAt(d, i + 1) === 'to' && i + 1 < to) {
      out.push({ head: i, start: i, end: i + 2, cls: CueClass.Prep, flags: 0, lemma: 'according to', passive: false, ing: false, nounLike: false });
      i++;
      continue;
    }
    const e = CUES.get(w);
    if (!e) continue;
    // A capitalised cue word mid-sentence is a name or a title ("State Department", "Mr. Said").
    if (d.t.cap[i] && i > from) continue;
    if (!verbalUse(d, i, e, from)) continue;
    let start = i;
    let passive = false;
    // A capitalised auxiliary mid-sentence is a name: "Theresa May said".
    while (start - 1 >= from && isWord(d, start - 1) && !inQuote(d, start - 1) && is(d, start - 1, CUE_PREFIX) && i - start < 4 && !(d.t.cap[start - 1] && start - 1 > from)) {
      start--;
      if (is(d, start, BE_FORMS) && e.past) passive = true;
    }
    // "decided not to recommend": an infinitive is the complement of the verb before it.
    let toAt = -1;
    for (let k = start; k < i; k++) if (lowerAt(d, k) === 'to') toAt = k;
    if (toAt >= 0) {
      if (!BE_FORMS.has(lowerAt(d, toAt - 1)) && ((CUES.get(lowerAt(d, toAt - 1))?.flags ?? 0) & CueFlag.Passive) === 0) continue;
      start = toAt + 1;
    }
    const byAgent = lowerAt(d, i + 1) === 'by' && i + 2 < to && (d.t.cap[i + 2] === 1 || is(d, i + 2, DETERMINERS));
    if (passive && !(e.flags & CueFlag.Passive) && !byAgent) continue;
    let end = i + 1;
    const parts = PARTICLES.get(e.lemma);
    if (parts && end < to && parts.has(lowerAt(d, end))) end++;
    else if (e.flags & CueFlag.NeedsParticle) continue;
    else if (passive && byAgent) end++;
    else if (e.lemma === 'say' && lowerAt(d, end) === 'in' && lowerAt(d, end + 1) === 'a' && lowerAt(d, end + 2) === 'statement' && end + 3 <= to) end += 3;
    out.push({ head: i, start, end, cls: e.cls, flags: e.flags, lemma: e.lemma, passive, ing: e.ing, nounLike: e.nounLike });
  }
  return out;
}
