/**
 * The detector pipeline: tokens → paragraphs/sentences → quotes → cues → source and content
 * per cue → quote continuations → speakers, kinds, ids. Each stage is linear in the text.
 */
// The order of these imports is the modules' order in the bundle (each after what it imports): this
// one puts similar code near enough to gzip 33 B smaller than the order they had before. Below, each
// function stands before its first user, the helpers in an order that gzips 14 B smaller than before.
import { looksEnglish } from './language';
import type { Claim, Span } from './types';
import { segment } from './sentences';
import { COORDINATORS, isSeparator, kindOf, leftContent, quoteAt, rightContent, trim } from './content';
import { pairQuotes } from './quotes';
import { isFurniture } from './boilerplate';
import { buildLexicon, W_ACCORDING, W_AND, W_BY, W_OF, W_THAT, W_TO, W_WHILE, W_WHO, words } from './lexicon/hash';
import { paragraphLayout } from './layouts';
import { leftSource, rightSource, sentenceSubject, type TokenRange } from './sources';
import { BASE_CONFIDENCE, cueEntryAt, nextCue, type Cue } from './cues';
import { createSpeakerTracker, type SpeakerTracker } from './speakers';
import {
  BE_FORMS, CLAUSE_LINKS, CUE_PP, CueClass, CueFlag, DETERMINERS, GROUP_NOUNS, INDEFINITES, OBJECT_PRONOUNS, ORG_WORDS, SOURCE_STOP,
  SUBJECT_PRONOUNS, TIME_WORDS, TITLES,
} from './lexicon/en';
import { agentAfter, bareEnd, endsIn, is, isCap, isClosingQuote, isNumber, isOpeningQuote, isPossessive, isW, isWord, lowerAt, punctAt, quoteAround, type Doc } from './context';
import { createIdMaker, type ClaimKey } from './ids';
import { isTerminal, TEXT_KINDS, Tk, tokenize } from './tokens';

export interface Draft {
  cue: Cue;
  src: TokenRange | null;
  /** Never empty: a draft whose content is all cut (cutBefore) is dropped. */
  frags: TokenRange[];
  /** Draft whose speaker a participle clause ("…, adding that …") inherits. */
  inherit?: Draft | null;
  confidence: number;
  /** A subject that is part of the content ("Sanders appeared to …"): a mention, not a source. */
  subject?: TokenRange;
  /** Set once resolved, for the drafts that inherit it. */
  speaker?: Claim['speaker'];
}

const MAX_SKIP = 10;
const MAX_ASIDE = 12;

const PARTICIPLE_LEADS = words('and without by in after before while when for');

/**
 * Verbs whose bare noun-phrase object is an act, not a claim: "denied the motion", "maintained control".
 * Lemmas, never tokens, are compared with them: no word set, whose lexicon bits are few (lexicon/hash).
 */
const BARE_OBJECT_VERBS = /^(deny|maintain)$/;
const MAX_OBJECT_NOUN = 6;

/** Skips what may sit between a cue and its content: an addressee, times, a prepositional phrase. */
function skipAfterCue(d: Doc, cue: Cue, end: number): number {
  let k = cue.end;
  // "told reporters that …" skips the addressee; "accused him of bias" keeps the accused.
  if (cue.flags & CueFlag.Object && cue.cls !== CueClass.Stance && k < end && isWord(d, k)) {
    // "told Fox News anchor Megyn Kelly that …", "told host Chris Cuomo she …": an addressee ending in a
    // name, then the clause.
    for (let j = k + 1; j - k < 8 && isWord(d, j); j++) {
      if (isCap(d, j - 1) && (isW(d, j, W_THAT) || is(d, j, SUBJECT_PRONOUNS))) return j;
    }
    const w = lowerAt(d, k);
    if (is(d, k, OBJECT_PRONOUNS) && w !== 'it') k++;
    else if (isCap(d, k)) { const s = k; while (k < end && k - s < 6 && (isCap(d, k) || isW(d, k, W_OF))) k++; }
    else if ((is(d, k, DETERMINERS) && !isW(d, k, W_THAT)) || is(d, k, GROUP_NOUNS) || w === 'reporters' || w === 'journalists') {
      const s = k++;
      while (k < end && k - s < 6 && isWord(d, k) && !is(d, k, SOURCE_STOP | DETERMINERS | SUBJECT_PRONOUNS | INDEFINITES)) k++;
    }
  }
  for (let round = 0; round < 3 && k < end; round++) {
    if (is(d, k, TIME_WORDS) && !/^(this|may)$/.test(lowerAt(d, k))) {
      const s = k;
      while (k < end && k - s < 3 && is(d, k, TIME_WORDS)) k++;
      // "called last year's tax bill …": a time before a possessive is part of what was said.
      if (isPossessive(d, k)) return s;
      continue;
    }
    // "urged the council to publish the report": after an addressee, "to" opens the content.
    // "found over 2,200 emails", "reported at least 5,000 people entered": a quantity, not a phrase to skip.
    if (is(d, k, CUE_PP) && !(/^(over|about|around|at)$/.test(lowerAt(d, k)) && /^(\d|least$|most$)/.test(lowerAt(d, k + 1))) && !(isW(d, k, W_TO) && (cue.passive || cue.flags & (CueFlag.Infinitive | CueFlag.Object)))) {
      // "admitted to threatening the girl": what was admitted, not whom it was said to.
      if (isW(d, k, W_TO) && k + 1 < end && endsIn(d, k + 1, 'ing')) return k + 1;
      const s = k++;
      let noun = false;
      // By the tokens' lexicon bits, no lower-cased string per word: this loop made a third of them.
      while (k < end && k - s < MAX_SKIP && isWord(d, k)) {
        const determiner = is(d, k, DETERMINERS);
        // After the phrase's noun, a determiner or a cue verb form that is no noun starts the content.
        if (isW(d, k, W_THAT) || is(d, k, SUBJECT_PRONOUNS) || (noun && (determiner || (!isCap(d, k) && cueEntryAt(d.t, k)?.nounLike === false)))) break;
        if (!determiner) noun = true;
        k++;
      }
      continue;
    }
    break;
  }
  return k;
}

/**
 * After ", X said,": the rest of the interrupted sentence, not a new clause or a participle. A capital
 * starts it only after a fronted phrase ("Within months, Forte said, Whole Foods was …"), whose clause
 * is still to come.
 */
function continuesSentence(d: Doc, k: number, end: number, fronted: boolean): boolean {
  if (k >= end || !isWord(d, k) || (isCap(d, k) && !fronted)) return false;
  return !is(d, k, CLAUSE_LINKS | TIME_WORDS) && !endsIn(d, k, 'ing') && !isW(d, k, W_ACCORDING) && !cueEntryAt(d.t, k);
}

/**
 * A clause, a gerund, a quotation, or a noun with a "that" clause: "denied the reports that …". A count
 * starts a noun phrase, hedged or not: "maintains 4,300 miles of gas mains", "maintains about 90,000 miles".
 */
function clausalObject(d: Doc, k: number, end: number): boolean {
  if (k >= end) return false;
  if (!isWord(d, k)) return isOpeningQuote(d, k) || punctAt(d, k) === ':';
  if (endsIn(d, k, 'ing') || !(is(d, k, DETERMINERS | OBJECT_PRONOUNS) || isPossessive(d, k) || isNumber(d, k) || isNumber(d, k + 1))) return true;
  // From k itself: "that" opens a clause ("denied that …") as it does after a noun.
  for (let j = k; j < end && j - k <= MAX_OBJECT_NOUN && isWord(d, j); j++) if (isW(d, j, W_THAT)) return true;
  return false;
}

function atClauseEnd(d: Doc, k: number, end: number): boolean {
  return k >= end || isTerminal(d.t, k) || (punctAt(d, k) === ':' && k + 1 >= end);
}

/** "rejected the offer", "denied the motion": a decision on a request, not a stated view. */
const PROCEDURAL_OBJECTS = words('petition appeal claim motion application suit claims lawsuit request offer nomination bid');

function proceduralObject(d: Doc, k: number, end: number): boolean {
  let j = k;
  while (j < end && j - k < 3 && is(d, j, DETERMINERS)) j++;
  return is(d, j, PROCEDURAL_OBJECTS) && (j + 1 >= end || !isWord(d, j + 1) || is(d, j + 1, TIME_WORDS) || lowerAt(d, j + 1) === 'on');
}

/** A cognition or evidential cue needs a clause (or an infinitive) right after it. */
function hasClauseComplement(d: Doc, cue: Cue, k: number, end: number): boolean {
  if (k >= end) return false;
  if (!isWord(d, k)) return isOpeningQuote(d, k) || punctAt(d, k) === ':' || punctAt(d, k) === ',';
  if (isW(d, k, W_TO)) return (cue.flags & CueFlag.Infinitive) !== 0;
  if (cue.flags & CueFlag.InfinitiveOnly) return false;
  // "expects inflation to ease": a short object, then the infinitive.
  if (cue.flags & CueFlag.Infinitive) for (let j = k + 1; j < end && j <= k + 3; j++) if (isW(d, j, W_TO)) return true;
  // "found himself in a bind": where someone ended up, not what they found ("sees himself as" is a view).
  if ((is(d, k, OBJECT_PRONOUNS) && !is(d, k, SUBJECT_PRONOUNS)) || (cue.lemma === 'find' && /sel(f|ves)$/.test(lowerAt(d, k)))) return false;
  // Anything but a prepositional phrase can be what was thought: a clause, a noun phrase, a name.
  return !is(d, k, CUE_PP);
}

function nominalSubject(d: Doc, src: TokenRange): boolean {
  const last = src.end - 1;
  // A plural ends in -s; "news", "business", "status" and "crisis" do too, and modify the noun after them.
  const plural = /(?<![isu]|new)s$/.test(lowerAt(d, last));
  return isCap(d, last) || is(d, last, SUBJECT_PRONOUNS | GROUP_NOUNS) || plural || punctAt(d, last) === ')' || punctAt(d, last) === ',';
}

/** "…, saying that", "by saying", "while insisting": a participle clause of the sentence's subject. */
function participleStart(d: Doc, cue: Cue): boolean {
  // "…, adding", "“…,” adding".
  const k = isClosingQuote(d, cue.start - 1) ? cue.start - 2 : cue.start - 1;
  return cue.ing && (punctAt(d, k) === ',' || is(d, cue.start - 1, PARTICIPLE_LEADS));
}

/**
 * Subjects that are no agent when alone: "it", "this", "that", "there", "which", and the generic "you"
 * of advice ("If you want to play …", "you see that the walls …").
 */
const NON_AGENTS = words('it this that there which you');

/**
 * `shared`: the subject of an earlier predicate this cue is coordinated with ("He says X and says Y",
 * "…, then says Y"), used when the cue has no subject of its own.
 */
function verbCue(d: Doc, cue: Cue, ss: number, se: number, prev?: Draft | null, shared?: TokenRange | null): Draft | null {
  if (cue.passive && isW(d, cue.end - 1, W_BY)) {
    // "was first reported by The Washington Post": the agent is the source, the subject the content.
    const agent = rightSource(d, cue.end, se);
    const subject = leftContent(d, cue.start, ss);
    if (!agent || !subject) return null;
    return { cue, src: agent, frags: [subject], inherit: null, confidence: BASE_CONFIDENCE[cue.cls] };
  }
  let src = cue.passive ? null : leftSource(d, cue.start, ss);
  // "Hours later, Trump returned the compliment to Adelson, telling …": what comes before a participle's
  // comma is the main clause, not an apposition.
  if (cue.ing && cue.start === cue.head && src && src.end < cue.start) {
    let k = cue.start - 2;
    while (k >= ss && punctAt(d, k) !== ',') k--;
    src = sentenceSubject(d, k + 1, cue.start - 1);
  }
  // "Clinton paused, then revealed …", "He nodded once, as if to settle the matter, then added": what
  // stands before the comma is the subject's first predicate, not an apposition ("Dean, a medical doctor,
  // then appeared"), though a pronoun with words after it can only be a clause. Not a bare or -s form,
  // which may be an imperative's second verb ("Consider …, then write it all down").
  const thenAfterComma = punctAt(d, cue.start - 1) === ',' && lowerAt(d, cue.start) === 'then' &&
    (src ? is(d, src.start, SUBJECT_PRONOUNS) && src.end - src.start > 1 : !cue.nounLike);
  if ((!src || thenAfterComma) && !cue.passive && !cue.ing) {
    if (shared && !src) src = shared;
    // "He refused to name them but said …": a verb after "and" or "but" shares the sentence's subject.
    else if ((thenAfterComma || is(d, cue.start - 1, COORDINATORS)) && cue.start - 1 > ss) src = (prev?.src && prev.src.start >= ss ? prev.src : sentenceSubject(d, ss, cue.start - 1)) ?? src;
  }
  // "Do you think the bill will pass?": a question put to someone, not what they said.
  if (src && src.end - src.start === 1 && punctAt(d, se - 1) === '?' && lowerAt(d, src.start) === 'you') return null;
  let after = skipAfterCue(d, cue, se);
  const beforeIdx = (src?.start ?? cue.start) - 1;
  const boundary = beforeIdx > ss && isSeparator(d, beforeIdx);
  // "“…,” Trump said in August after Nabisco announced …": a quotation closing on a comma before the
  // source is what was said, whatever follows the cue.
  const quotedLeft = isClosingQuote(d, beforeIdx) && punctAt(d, beforeIdx - 1) === ',';
  if (boundary && !src && !cue.ing) {
    const rs = rightSource(d, cue.end, se);
    // "The report, released Tuesday, found": a participle's time, not an inverted speaker (but "“…,” says Early").
    if (rs && (quotedLeft || !is(d, rs.start, TIME_WORDS))) {
      let k = rs.end;
      while (k < se && is(d, k, TIME_WORDS)) k++;
      if (quotedLeft || atClauseEnd(d, k, se) || punctAt(d, k) === ',') {
        src = rs;
        after = k;
        // "…,” said Maria Zakharova, a spokeswoman for the ministry.": an apposition closing the sentence is
        // the source's (and gives the speaker's role); one with a cue in it ("a Democrat who supports Clinton",
        // "a group supporting Clinton") holds a claim of its own.
        let j = k + 1;
        if (punctAt(d, k) === ',' && (is(d, j, DETERMINERS | TITLES) || isPossessive(d, j))) {
          while (j < se && j - k < 16 && ((isWord(d, j) && !cueEntryAt(d.t, j)) || punctAt(d, j) === ',')) j++;
          if (atClauseEnd(d, j, se)) {
            src = { start: rs.start, end: j };
            after = j;
          }
        }
      }
    }
  }
  // Base and -s forms double as nouns ("swing states", "his claims"): they need a subject that
  // cannot be a noun modifier — a name, a pronoun, or a plural.
  // "The lawsuit claims that the company …": after a determiner and an organisation, a role or a document, "that"
  // and a clause's subject make it a verb ("their empty claims that …", "the social issues that it decides"
  // stay nouns).
  if (cue.nounLike && !(src && (nominalSubject(d, src) || !(cue.flags & CueFlag.NounHeavy) || (src.end - src.start === 2 && is(d, src.start, DETERMINERS) &&
    (is(d, src.start + 1, ORG_WORDS | TITLES) || /^((law)?suit|complaint|report|study|statement)$/.test(lowerAt(d, src.start + 1))) &&
    isW(d, cue.end, W_THAT) && (is(d, cue.end + 1, SUBJECT_PRONOUNS | DETERMINERS) || isCap(d, cue.end + 1)))))) return null;
  // A participle without its own subject: "…, adding that…", "…, saying “…”".
  if (cue.ing && !src && !participleStart(d, cue)) return null;
  // "He went on to endorse Ayotte, calling her “a rising star”", "…, telling CNN that …": with no claim
  // before it to share a speaker with, a saying or stance participle's subject is the sentence's (Say and
  // Stance are the classes before Think).
  if (cue.ing && !src && !prev && cue.cls < CueClass.Think) src = sentenceSubject(d, ss, cue.start);
  const inherit = cue.ing && !src ? prev : null;
  const confidence = BASE_CONFIDENCE[cue.cls] * (src || inherit ? 1 : 0.8);
  const draftWith = (content: TokenRange | null): Draft | null => (content ? { cue, src, frags: [content], inherit, confidence } : null);
  const sepAfter = punctAt(d, after);
  // "In a speech last July, he said:": what follows the colon is the claim, not what came before.
  const colonEnd = sepAfter === ':' && after + 1 >= se;
  // Content on the left: the cue and source close a clause.
  if (boundary && !colonEnd && !cue.ing && (quotedLeft || atClauseEnd(d, after, se) || /[,;\u2014]/.test(sepAfter))) {
    // Stance, Think or Evidence: any but a saying verb needs a source; "The study, published in Nature,
    // found" is a participle describing the noun before it.
    if (!src && (cue.cls !== CueClass.Say || cue.flags & CueFlag.AfterContent || (sepAfter === ',' && cue.start === cue.head && punctAt(d, cue.start - 1) === ',' && cueEntryAt(d.t, cue.head)?.past))) return null;
    const quoteAfter = sepAfter === ',' && isOpeningQuote(d, after + 1);
    // "As the phone rang, the announcer said, “…”": with no quotation on the left, the quote is it.
    if (quoteAfter && !isClosingQuote(d, beforeIdx) && !isClosingQuote(d, beforeIdx - 1)) {
      return draftWith(quoteAt(d, after + 1));
    }
    const left = leftContent(d, beforeIdx + 1, ss);
    if (!left) {
      // "But, he said, it is a risky strategy": only a connective before; the claim is what follows.
      return draftWith(sepAfter === ',' && src ? rightContent(d, after + 1, se) : null);
    }
    const frags = [left];
    // "“…,” Tester said, referring to the excuse, “…”": the quotation resumes after an aside.
    let resume = quoteAfter ? after + 1 : -1;
    if (!quoteAfter && sepAfter === ',' && isClosingQuote(d, left.end - 1)) {
      for (let k = after + 1; k < se && k - after <= MAX_ASIDE; k++) {
        if (isOpeningQuote(d, k) && punctAt(d, k - 1) === ',') { resume = k; break; }
        // "“…,” he said, adding, “…”": a quotation right after a participle cue is the participle's.
        if (d.t.kind[k] === Tk.Quote || (isOpeningQuote(d, k + 2) && cueEntryAt(d.t, k)?.ing)) break;
      }
    }
    // "The suspect, police said, was armed.": the attribution sits inside the content.
    const right = resume >= 0 ? quoteAt(d, resume)
      : sepAfter === ',' && src && src.end <= cue.start && continuesSentence(d, after + 1, se, is(d, left.start, CUE_PP)) && !isClosingQuote(d, left.end - 1) ? rightContent(d, after + 1, se)
      : null;
    if (right) frags.push(right);
    return { cue, src, frags, inherit, confidence };
  }
  // "He continued, “…”": before its content only when a quotation follows at once.
  if (cue.flags & CueFlag.AfterContent && !(src && /[,:]/.test(sepAfter) && isOpeningQuote(d, after + 1))) return null;
  // Think or Evidence, the classes after Stance (no Prep or Colon cue comes here).
  if (cue.cls > CueClass.Stance) {
    // "This means…" and "that suggests…" are reasoning, not someone's thought; "it seems" is evidential.
    if (!cue.passive && src && src.end - src.start === 1 && is(d, src.start, NON_AGENTS) && cue.cls !== CueClass.Evidence) return null;
    // "…, preferring large-scale attacks": an attitude participle in narration is not a report; nor is
    // "a documentary that showed off …".
    if (!src && (cue.ing || isW(d, cue.start - 1, W_THAT))) return null;
    if (!hasClauseComplement(d, cue, after, se)) return null;
  }
  if (cue.cls === CueClass.Stance && !src && !(cue.start < cue.head || (cue.start > ss && !isWord(d, cue.start - 1)))) return null;
  if (colonEnd) {
    // "The paper reports:" followed by the quoted passage, or the statement, in the next paragraph.
    const next = se + 1;
    let pe = next;
    // To the next break or the end of the tokens.
    while (d.t.kind[pe]! & TEXT_KINDS) pe++;
    return draftWith(isOpeningQuote(d, next) ? quoteAt(d, next) : isFurniture(d, next, pe) ? null : trim(d, next, pe));
  }
  if (BARE_OBJECT_VERBS.test(cue.lemma) && !clausalObject(d, after, se)) return null;
  // "add to the pressure", "added another stop": adding things, not words.
  if (cue.lemma === 'add' && (isW(d, cue.end, W_TO) || (isWord(d, after) && !clausalObject(d, after, se)))) return null;
  if (cue.lemma === 'reject' && proceduralObject(d, after, se)) return null;
  // "…, who asked not to be identified": the terms of a source's anonymity, not what they said ("asked
  // supporters not to stage protests" is a request, and stays).
  if (cue.lemma === 'ask' && lowerAt(d, after) === 'not' && is(d, after + 2, BE_FORMS)) return null;
  // "originally published by Futurism", "as reported by the Independent": a participle with no auxiliary
  // is a passive, and what follows "by" its agent, not what was said ("said by phone that …" goes on).
  if (agentAfter(d, after)) return null;
  const content = rightContent(d, after, se, !!src && isW(d, src.start, W_WHO) && punctAt(d, src.start - 1) === ',');
  // "Sanders appeared to dismiss the issue" (the evidential cues taking an infinitive: seem, appear), "Trump
  // is expected to win": the writer's reading of the subject, who is part of it and said nothing.
  const subject = cue.passive ? (isW(d, after, W_TO) ? leftSource(d, cue.start, ss) : null) : cue.cls === CueClass.Evidence && cue.flags & CueFlag.Infinitive && src && !is(d, src.start, NON_AGENTS) ? src : null;
  if (content && subject) return { cue, src: null, frags: [subject, content], inherit, confidence, subject };
  return draftWith(content);
}

/** "according to X": source after "to", content on the other side of the source. */
function accordingTo(d: Doc, cue: Cue, ss: number, se: number): Draft | null {
  const s0 = cue.end;
  let k = s0;
  // "according to CNN/ORC", "in the latest CNN/ORC poll"; "according to preliminary exit polling
  // conducted for the Associated Press and the major television networks" runs long.
  while (k < se && k - s0 < 20 && (isWord(d, k) || (punctAt(d, k) === '/' && isWord(d, k + 1)))) k++;
  const src = k > s0 ? { start: s0, end: k } : null;
  const frags: TokenRange[] = [];
  let lead = ss;
  while (lead < cue.start && (!isWord(d, lead) || is(d, lead, CLAUSE_LINKS))) lead++;
  const left = lead < cue.start ? leftContent(d, cue.start, ss) : null;
  if (left) frags.push(left);
  // "…, according to two people familiar with it, who spoke on condition of anonymity", "…, according to
  // Brian Wieser, an analyst at …": about the source. After a short fronted phrase ("Over the long term,
  // according to the budget office, the rise …") the sentence's own clause follows.
  if ((punctAt(d, k) === ',' && !isW(d, k + 1, W_WHO) && (!is(d, k + 1, DETERMINERS) || (left && left.end - left.start < 6))) || lead >= cue.start) {
    const right = rightContent(d, k, se);
    if (right) frags.push(right);
  }
  if (frags.length === 0) return null;
  return { cue, src, frags, inherit: null, confidence: src ? BASE_CONFIDENCE[cue.cls] : 0.6 };
}

/** Cuts a draft's content before token k (a later claim starting inside it). */
function cutBefore(d: Doc, draft: Draft, k: number): void {
  const out: TokenRange[] = [];
  for (const f of draft.frags) {
    if (f.end <= k) out.push(f);
    else if (f.start < k) {
      const r = trim(d, f.start, k);
      if (r.end > r.start) out.push(r);
    }
  }
  draft.frags = out;
}

function sentenceDrafts(d: Doc, ss: number, se: number): Draft[] {
  const drafts: Draft[] = [];
  let covered = -1; // end of the last claim's cue/source/content-left region
  for (let cue = nextCue(d, ss, ss, se); cue; cue = nextCue(d, cue.head + 1, ss, se)) {
    if (cue.start < covered) continue;
    const prev = drafts.at(-1) ?? null;
    const at = cue.start;
    const host = prev?.frags.find((f) => at >= f.start && at < f.end);
    if (prev && host) {
      if (participleStart(d, cue)) {
        // "…, saying it shows…": a new claim by the same speaker; the first one ends before it.
        const draft = verbCue(d, cue, cue.start, se, prev);
        if (draft) {
          // The participle shares the main clause's subject mention.
          draft.src ??= prev.src ?? prev.subject ?? null;
          cutBefore(d, prev, punctAt(d, cue.start - 1) === ',' ? cue.start - 1 : cue.start);
          if (prev.frags.length === 0) drafts.pop();
          drafts.push(draft);
        }
        continue;
      }
      // "She has called for X and has promised Y": a second predicate of the same subject, not a misreading.
      // The cue's own subject, read once for the checks below that need it.
      const own = leftSource(d, cue.start, ss);
      if (cue.cls === CueClass.Say) {
        // "…, but he also noted …": a new clause with its own subject ends the weaker claim instead.
        const weaker = prev.cue.cls !== CueClass.Say && prev.cue.cls !== CueClass.Prep && !(isW(d, cue.start - 1, W_AND) || is(d, (own?.start ?? ss) - 1, CLAUSE_LINKS));
        if (weaker || (prev.cue.cls === CueClass.Say && !cue.ing)) {
          // A saying verb inside a weaker cue's content: the weaker reading was wrong. Inside another saying
          // verb's content, only a closing attribution that takes the whole sentence wins ("He may add to the
          // team, he said.").
          const draft = verbCue(d, cue, ss, se);
          if (draft?.src && (weaker || (draft.frags[0]!.start <= prev.cue.start && draft.frags.at(-1)!.end <= cue.start))) {
            drafts.pop();
            drafts.push(draft);
            covered = Math.max(cue.end, draft.src.end);
            continue;
          }
          if (weaker) continue;
        }
      }
      // A cue inside the previous claim's content: a new reporting clause ("…, adding that",
      // "…, and Smith said") cuts it; anything else (think, want…) is part of that content.
      const at = own?.start ?? cue.start;
      // "Mr. Leenders, who estimated that …, said": the earlier claim is a relative clause inside this source.
      const inSource = own && own.start <= prev.cue.start;
      const sep = inSource || (at > ss && (isSeparator(d, at - 1) || is(d, at - 1, CLAUSE_LINKS)));
      // "…, while Senator Cruz called it “a disaster”": a contrasted subject's stance is a claim of its own.
      if (!(cue.cls === CueClass.Say || cue.cls === CueClass.Prep || (own && isW(d, at - 1, W_WHILE))) || !sep || cue.passive) continue;
      // "He says X and says Y": a second predicate of the same subject.
      const shared = !own && prev.src && prev.src.start >= ss && prev.src.end <= prev.cue.start ? prev.src : null;
      const draft = cue.cls === CueClass.Prep ? accordingTo(d, cue, at, se) : verbCue(d, cue, at, se, prev, shared);
      if (!draft) {
        // "He told her no, according to an aide": the tail is the source of the whole sentence, the claim
        // inside it included. The rest of the sentence is that source ("according to a letter seen by
        // Reuters"): no cues in it.
        if (cue.cls === CueClass.Prep) {
          const whole = accordingTo(d, cue, ss, se);
          if (whole) drafts[drafts.length - 1] = whole;
          covered = se;
        }
        continue;
      }
      cutBefore(d, prev, inSource ? own.end : at);
      if (prev.frags.length === 0) drafts.pop();
      drafts.push(draft);
    } else {
      const draft = cue.cls === CueClass.Prep ? accordingTo(d, cue, ss, se) : verbCue(d, cue, ss, se, prev);
      if (!draft) continue;
      // Only a participle's draft with no source of its own inherits one (verbCue drops any other sourceless
      // participle).
      if (draft.inherit) draft.src = draft.inherit.src ?? draft.inherit.subject ?? null;
      drafts.push(draft);
      covered = Math.max(cue.end, draft.src?.end ?? 0);
      // What lies between the cue and content after it (an addressee, a time, an aside before a resumed
      // quotation) belongs to this claim: cues there are no claims of their own.
      covered = Math.max(covered, draft.frags.at(-1)!.start);
    }
  }
  return drafts;
}

/** Character spans of the fragments, split at paragraph breaks, without pieces holding no word. */
function toSpans(d: Doc, frags: readonly TokenRange[]): Span[] {
  let out: Span[] = [];
  const { kind } = d.t;
  for (const { start, end } of frags) {
    let s = start;
    let word = false;
    for (let k = start; k <= end; k++) {
      const kk = k < end ? kind[k] : Tk.Break;
      if (kk === Tk.Word) word = true;
      if (kk !== Tk.Break) continue;
      if (word) {
        const cs = d.t.start[s]!, ce = d.t.end[k - 1]!;
        const last = out.at(-1);
        if (last && cs <= last[1]) last[1] = Math.max(last[1], ce);
        // A literal, not a push onto [], for the usual single span: push reserved 17 slots, and
        // the collector could not pretenure what outlives the call.
        else if (last) out.push([cs, ce]);
        else out = [[cs, ce]];
      }
      s = k + 1;
      word = false;
    }
  }
  return out;
}

/** Claims of one window of the text, added to `claims` in the order they are resolved. */
function detectWindow(d: Doc, speakers: SpeakerTracker, makeId: (key: ClaimKey) => string, claims: Claim[]): void {
  const { t, seg } = d;
  let drafts: Draft[] = [];
  const mentions: TokenRange[] = []; // subjects of sentences with no claim, in reading order
  let nextMention = 0;
  /** Turns the first `n` drafts into claims, in order: done after each paragraph, so drafts die young. */
  const emit = (n: number): void => {
    for (let i = 0; i < n; i++) {
      const x = drafts[i] as Draft;
      const at = x.src?.start ?? x.frags[0]!.start;
      for (let m = mentions[nextMention]; m && m.start < at; m = mentions[++nextMention]) speakers.mention(m);
      if (x.subject) speakers.mention(x.subject);
      const content = toSpans(d, x.frags);
      if (content.length === 0) continue;
      const speaker = (x.speaker = x.src ? speakers.resolve(x.src) : (x.inherit?.speaker ?? null));
      const kind = kindOf(d, x.frags);
      const cue: Span = [t.start[x.cue.start]!, t.end[x.cue.end - 1]!];
      // "He’s predicting", "I’m not saying": the source is "He", "I", without the contracted verb.
      const source: Span | null = x.src ? [t.start[x.src.start]!, bareEnd(d, x.src.end - 1)] : null;
      const claim: Claim = { id: '', kind, content, cue, source, speaker, confidence: Math.round(x.confidence * 100) / 100 };
      // A claim is its own id key (kind, cue, content); id stays the first field.
      claim.id = makeId(claim);
      claims.push(claim);
    }
    drafts = drafts.slice(n);
  };
  let lastQuoted: Draft | null = null; // last claim ending in a quotation, for continuations
  let lastQuotedPara = -2;
  let sent = 0;
  let consumedTo = -1; // token up to which content taken from later sentences reaches
  for (let p = 0; p < seg.paraStart.length; p++) {
    const ps = seg.paraStart[p]!, pe = seg.paraEnd[p]!;
    const furniture = isFurniture(d, ps, pe);
    const paraFirstSent = sent;
    const layout = pe <= consumedTo ? null : paragraphLayout(d, ps, pe, furniture);
    if (layout) {
      drafts.push(layout);
      consumedTo = pe;
      lastQuoted = null;
    }
    // Past the last sentence, undefined compares false.
    while (seg.sentStart[sent]! < pe) {
      const ss = seg.sentStart[sent]!, se = seg.sentEnd[sent]!;
      sent++;
      if (furniture || se <= consumedTo) continue;
      let found = sentenceDrafts(d, ss, se);
      // Only content reaching back before what a previous claim consumed needs dropping.
      if (consumedTo > ss) found = found.filter((x) => x.frags.every((f) => f.start >= consumedTo));
      if (found.length === 0) {
        if (!isOpeningQuote(d, ss)) {
          const subject = sentenceSubject(d, ss, se);
          if (subject) mentions.push(subject);
        } else if (lastQuoted) {
          // The sentence opens a quotation, so quoteAt gives its range.
          const qr = quoteAt(d, ss) as TokenRange;
          // Where the quotation ends, not where this sentence does: "“A. B,” she said." has its own speaker.
          // Its last token is the closing mark of the group's last quote (groupEnd), so it is in a quote.
          const qe = quoteAround(d, qr.end - 1)!.sentEnd;
          // A quotation opening the next paragraph continues the claim, as PolNeAR's annotators read it;
          // not after a question ("“… what do you think of it?”"), which the next paragraph mostly answers.
          const asked = punctAt(d, lastQuoted.frags.at(-1)!.end - 2) === '?';
          if ((qr.end >= qe || atClauseEnd(d, qr.end, qe)) && (lastQuotedPara === p || (lastQuotedPara === p - 1 && sent - 1 === paraFirstSent && !asked))) {
            lastQuoted.frags.push(qr);
            lastQuotedPara = p;
            consumedTo = Math.max(consumedTo, qr.end);
          }
        }
        // A sentence with no claim leaves the last quoted one waiting for continuations.
        continue;
      }
      for (const x of found) {
        drafts.push(x);
        consumedTo = Math.max(consumedTo, x.frags.at(-1)!.end);
      }
      // Sentences with no claim went on above.
      let last = found.at(-1) as Draft;
      // "''…,'' said Ms. Acosta, referring to …": the speaker's participle does not end the quotation.
      const before = found.at(-2);
      if (before?.src && last.src === before.src) last = before;
      const lastFrag = last.frags.at(-1)!;
      if (isClosingQuote(d, lastFrag.end - 1)) { lastQuoted = last; lastQuotedPara = quoteAround(d, lastFrag.end - 1)!.para; }
      else lastQuoted = null;
    }
    // A quotation ending in this paragraph or running into a later one may still gain fragments there:
    // it and what follows wait.
    const held = lastQuoted && lastQuotedPara >= p ? drafts.indexOf(lastQuoted) : -1;
    emit(held >= 0 ? held : drafts.length);
  }
  emit(drafts.length);
  // Names after the last claim may be what the next window's pronouns mean.
  for (let m = mentions[nextMention]; m; m = mentions[++nextMention]) speakers.mention(m);
}

/** Where a claim starts in reading order: its first content or its cue, whichever comes first (emit makes no claim without content). */
const first = (c: Claim): number => {
  // Integers only: Math.min read its arguments as doubles (~1% of detection time, when it took Infinity too).
  const s = c.content[0]![0], q = c.cue[0];
  return q < s ? q : s;
};

/**
 * Long texts are read in windows of about this many characters, so the token arrays stay small and
 * in the processor's cache instead of growing with the text (3 MB of news: median time −13%). A
 * window starts only at a paragraph that opens with a letter or digit after one that does not end in
 * a colon: no quotation runs on there and no "he said:" reaches in, so no claim crosses it, while
 * speakers and ids carry over the whole text.
 */
const WINDOW = 1 << 16;
const WINDOW_START = /[^:\s]\s*\n[ \t\r]*[A-Za-z0-9]/g;

/** `window`: characters per window, for tests that compare windowed reading with one pass. */
export function detectInText(text: string, window = WINDOW): Claim[] {
  buildLexicon();
  const makeId = createIdMaker(text);
  const claims: Claim[] = [];
  const speakers = createSpeakerTracker();
  let unsorted = false;
  let prev = 0; // where the last claim starts (see first)
  for (let from = 0, to = 0; from < text.length; from = to) {
    WINDOW_START.lastIndex = from + window;
    to = WINDOW_START.exec(text) ? WINDOW_START.lastIndex - 1 : text.length;
    const t = tokenize(text, from, to);
    // A full window holds the language check's sample, the first 600 words of the text.
    if (!from && !looksEnglish(t)) return [];
    const seg = segment(t);
    const d: Doc = { t, seg, q: pairQuotes(t, seg) };
    speakers.moveTo(d);
    const before = claims.length;
    detectWindow(d, speakers, makeId, claims);
    for (let i = before; i < claims.length; i++) {
      const at = first(claims[i] as Claim);
      unsorted ||= at < prev;
      prev = at;
    }
  }
  // Claims come out in reading order almost always: checked after each window, while its claims are in
  // the cache, as sorting them at the end read every one from memory again (3% of detection time, perf).
  if (unsorted) claims.sort((a, b) => first(a) - first(b));
  return claims;
}
