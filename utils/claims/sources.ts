/**
 * Source noun phrases next to a cue: the subject on its left ("Iraqi Vice President Ayad Allawi
 * said", "Ayad Allawi, Iraq's vice president, said", "he said", "who said") or the inverted
 * subject on its right ("said Allawi"). Every scan is bounded by a small window.
 */
import { afterDateline, contractedPronoun, endsIn, endsWithS, is, isCap, isContractedSubject, isDash, isNumber, isPossessive, isW, isWord, lowerAt, punctAt, type Doc } from './context';
import { cueEntryAt } from './cues';
import { W_AND, W_FIRST, W_FROM, W_OF, W_THAT, words } from './lexicon/hash';
import { AFFILIATIONS, BE_FORMS, CueFlag, CUE_PP, CUE_PREFIX, DETERMINERS, FEMALE_NAMES, GROUP_NOUNS, MALE_NAMES, ORG_WORDS, QUANTIFIER_SUBJECTS, SOURCE_STOP, SUBJECT_PRONOUNS, TIME_WORDS, TITLES } from './lexicon/en';

export interface TokenRange {
  start: number;
  end: number;
}

const MAX_NP = 12;
/** Longest parenthetical passed inside a source: "Sen. Chris Murphy (a Connecticut Democrat so boyish …)". */
const MAX_PARENTHETICAL = 24;

/** Skips "on Monday" / "Monday" / "last week" between a subject and its cue (for leftSource). */
function skipTimeLeft(d: Doc, j: number, floor: number): number {
  let k = j;
  while (k >= floor && j - k < 4 && is(d, k, TIME_WORDS)) {
    // "Theresa May said": a capitalised time word after a capitalised word ends a name.
    if (isCap(d, k) && k > floor && isCap(d, k - 1) && !is(d, k - 1, TIME_WORDS)) break;
    k--;
  }
  // Below floor, whatever is skipped: leftSource, the caller, finds no subject there.
  if (k < j && /^(on|in)$/.test(lowerAt(d, k))) k--;
  return k;
}

const MAX_APPOSITION = 40;

/** Scans a noun phrase leftwards ending at token `last` (inclusive); returns its start or -1. */
function npLeft(d: Doc, last: number, floor: number): number {
  let k = last;
  let start = -1;
  let aside = 0; // tokens of parentheticals passed, which do not count against MAX_NP
  while (k >= floor && last - k - aside < MAX_NP) {
    // A dash aside only right before the cue: "— Trump also offered" leaves an earlier aside out.
    const dash = k === last && isDash(d, k);
    if (punctAt(d, k) === ')' || dash) {
      // A parenthetical after the name: "Rep. Gwen Moore (D-Wis.)", "Sen. Chris Murphy (a Connecticut
      // Democrat so boyish he has been mistaken for a junior staffer)", "Democrats — and some Republicans —".
      const open = dash ? punctAt(d, k) : '(';
      let m = k - 1;
      while (m >= floor && k - m < MAX_PARENTHETICAL && punctAt(d, m) !== open) m--;
      if (m < floor || punctAt(d, m) !== open) break;
      aside += k - m + 1;
      k = m - 1;
      continue;
    }
    if (!isWord(d, k)) break;
    // "Mr. Grassley and Mr. Leahy", "She and her aides", "Democrats and civil rights groups", "advisers and
    // allies": a conjunction between two nominals joins one subject; not after a copula ("his father was
    // Kenyan and the president is expected …"), where the first clause ends.
    const joinsNames = isW(d, k, W_AND) && start >= 0 && k > floor && !is(d, k - 2, BE_FORMS) &&
      (isCap(d, k - 1) ? isCap(d, start) || is(d, start, DETERMINERS) || endsWithS(d, last) : endsWithS(d, k - 1) && endsWithS(d, last) && !cueEntryAt(d.t, k - 1));
    // "Theresa May": a capitalised stop word right after a capitalised word is part of a name.
    const inName = isCap(d, k) && k > floor && isCap(d, k - 1);
    if (is(d, k, SOURCE_STOP) && !joinsNames && !inName) {
      const past = start >= 0 ? postmodifierStart(d, k, floor) : -1;
      if (past < 0) break;
      start = past;
      k = past - 1;
      continue;
    }
    // "Earlier Sanders said", "Did Trump say", "Now Obama says": an adverb or auxiliary opening the
    // sentence is not part of the name ("First Lady Michelle Obama" is a title, and stays).
    if (k === floor && k < last && is(d, k, CUE_PREFIX) && !isW(d, k, W_FIRST)) break;
    // A verb of saying inside a would-be subject means we are in another clause.
    if (!isCap(d, k) && cueEntryAt(d.t, k) && !is(d, k, GROUP_NOUNS) && start >= 0) break;
    start = k;
    // "Mr. Morgan of the Sierra Club": a determiner after "of" does not start the phrase.
    // "all five", "the two": a determiner may follow another, or open a conjunct ("She and her aides").
    if (is(d, k, DETERMINERS) && !((isW(d, k - 1, W_OF) || isW(d, k - 1, W_FROM)) && k - 2 >= floor && isWord(d, k - 2)) && !(k > floor && (is(d, k - 1, DETERMINERS) || isW(d, k - 1, W_AND)))) {
      // "people familiar with her thinking": nor does one after a postmodifier's preposition.
      const past = postmodifierStart(d, k - 1, floor);
      if (past < 0) break;
      start = past;
      k = past - 1;
      continue;
    }
    k--;
  }
  return start;
}

const FLOATING = words('all each both');

/** Words that hedge a count: "about 4 in 10", "only three senators", "more than half". */
const HEDGES = words('almost around roughly some just than only nearly about');

/** Where a noun phrase ending at `k` continues leftwards past a word that usually stops it, or -1. */
function postmodifierStart(d: Doc, k: number, floor: number): number {
  const continues = k > floor && (
    // "nine in 10 said", "About 4 in 10 say": a proportion.
    (isNumber(d, k - 1) && isNumber(d, k + 1) && lowerAt(d, k) === 'in') ||
    // "people familiar with her thinking", "sources close to the campaign", "people briefed on the talks".
    (is(d, k, CUE_PP) && /^(familiar|close|briefed)$/.test(lowerAt(d, k - 1))) ||
    // "a spokesman for the ministry", "officials in Washington": the person, not the place, speaks;
    // "voters in all five states", "Democrats in Congress": a group where it lives or sits.
    (is(d, k, AFFILIATIONS) && (is(d, k - 1, TITLES | GROUP_NOUNS | ORG_WORDS) ||
      (endsWithS(d, k - 1) && !isPossessive(d, k - 1) && !is(d, k - 1, SOURCE_STOP)))));
  return continues ? k - 1 : -1;
}

/** The inverted subject right after the cue ending at `from`: "said Allawi", "said the ministry". */
export function rightSource(d: Doc, from: number, limit: number): TokenRange | null {
  // "said former Obama adviser David Axelrod": a lower-case title may open the name; "proposes that …" is no name.
  // Tested before the bound and word tests: where they fail, the loop takes no token and no source is found either.
  // "said study co-author Anezina Solomonidou", "said retired neurosurgeon Ben Carson": lower-case words before a name.
  if ((!isCap(d, from) && !is(d, from, DETERMINERS | GROUP_NOUNS | SUBJECT_PRONOUNS | TITLES) && (is(d, from, SOURCE_STOP) || !(isCap(d, from + 1) || isCap(d, from + 2)))) || isW(d, from, W_THAT)) return null;
  let k = from;
  let hasCap = false;
  while (k < limit && k - from < MAX_NP && isWord(d, k)) {
    // "by the ministry on Monday": an affiliation's preposition needs a place or body after it, not a time.
    // "said Theresa May": a month after a first name is a surname.
    if (k > from && is(d, k, SOURCE_STOP | TIME_WORDS) && !(isCap(d, k) && is(d, k - 1, FEMALE_NAMES | MALE_NAMES)) && (postmodifierStart(d, k, from) < 0 || is(d, k + 1, TIME_WORDS))) break;
    if (isCap(d, k)) hasCap = true;
    k++;
  }
  // A name, a nominal ("the ministry", "officials") or a lone pronoun.
  const named = hasCap || is(d, from, DETERMINERS | GROUP_NOUNS) || (k - from === 1 && is(d, from, SUBJECT_PRONOUNS));
  return k > from && named ? { start: from, end: k } : null;
}

function plausibleSource(d: Doc, s: number, e: number): boolean {
  if (e - s === 1) {
    if (is(d, s, SUBJECT_PRONOUNS | QUANTIFIER_SUBJECTS)) return true;
    if (is(d, s, TIME_WORDS | DETERMINERS)) return false;
  }
  for (let k = s; k < e; k++) {
    if (isCap(d, k) || is(d, k, GROUP_NOUNS)) return true;
    if (endsIn(d, k, 'ly')) return false;
  }
  // "63 percent said", "two officials said": a number heads a short nominal subject.
  if (e - s >= 2 && e - s <= 3 && isNumber(d, s)) return true;
  // Lower-case nominal sources need a determiner ("the report") or a plural head ("analysts").
  return is(d, s, DETERMINERS) || (e - s <= 3 && endsWithS(d, e - 1));
}

/** "But Matt Morrison, the group's director, said": one connective may open the sentence before a subject at `k`. */
function opensClause(d: Doc, k: number, floor: number): boolean {
  return k === floor || !isWord(d, k - 1) || (k - 1 === floor && !is(d, floor, CUE_PP));
}

/** Prepositions opening an aside between a source and its cue; not "of", "from" or "with" (nor "at": "Mr. Pruzan, at Dresdner Kleinwort"), which give an affiliation. */
const ASIDES = words('in on after before during via following amid through while');

/**
 * "Ayad Allawi, Iraq's vice president, said", "Donna Rawlings, 59, of Ashton, Md., said": the
 * farthest comma within reach that follows a plausible head opening its clause starts the appositions.
 */
function appositiveSource(d: Doc, j: number, floor: number): TokenRange | null {
  let best = -1;
  let k = j - 1;
  let seg = j; // end of the comma-separated part right of comma k
  let end = j;
  for (; k >= floor && j - k <= MAX_APPOSITION; k--) {
    const p = punctAt(d, k);
    if (p === ',') {
      // "Hunter, meanwhile, said", "Jones, too, said": an aside about the saying, not the sayer.
      // "Smith, in a statement, said", "Jones, on a call Friday, said": where and how it was said.
      if (seg === j && ((!isCap(d, k + 1) && !isNumber(d, k + 1) && k + 2 === j) || is(d, k + 1, ASIDES))) end = k;
      // A comma at floor has no head before it: npLeft, bounded by floor, finds none.
      if (k < seg - 1) {
        const headStart = npLeft(d, k - 1, floor);
        if (headStart >= 0 && opensClause(d, headStart, floor) && plausibleSource(d, headStart, k)) best = headStart;
      }
      seg = k;
      continue;
    }
    // "Jeff Weaver, Sanders' campaign manager,": a plural possessive's apostrophe stands alone. A quote mark
    // (a closing one included) is no punctuation: p is '' and the scan stops.
    if (!(isWord(d, k) || /['\u2019().-]/.test(p))) break;
  }
  return best >= 0 ? { start: best, end } : null;
}

/**
 * The subject at the start of the sentence, for a verb coordinated with an earlier one:
 * "Wilson praised Rubio and said …", "The Arizona Republican survived prison and says …".
 */
export function sentenceSubject(d: Doc, from: number, limit: number): TokenRange | null {
  // "WASHINGTON – Two federal prison officers were charged …, stating": not the dateline.
  let ss = afterDateline(d, from, limit);
  // "In August, several groups …": the subject follows a fronted phrase; "Yet many officials …": a connective.
  // "Speaking to the coalition, Trump wavered in answering …", "Ultimately, Mr. Yanukovych refused …": an
  // adverb or participle opening a phrase with a comma after it.
  const opener = is(d, ss, CUE_PP | TIME_WORDS);
  if (opener || endsIn(d, ss, 'ly') || endsIn(d, ss, 'ing')) {
    let k = from;
    while (k < limit && k - from < MAX_NP && punctAt(d, k) !== ',') k++;
    ss = punctAt(d, k) === ',' ? k + 1 : opener ? from + 1 : from;
  } else if (is(d, ss, SOURCE_STOP)) ss++;
  if (is(d, ss, SUBJECT_PRONOUNS)) return { start: ss, end: ss + 1 };
  let k = ss;
  let prevOpen = false; // the previous word lets a lower-case noun follow (a determiner or a possessive)
  // The previous word is a listed or lower-case noun, not an adverb: "The mayor stayed silent", "The airline
  // canceled 300 flights" end before the verb ("the newly elected mayor" does not).
  let noun = false;
  while (k < limit && k - ss < 6 && isWord(d, k)) {
    const det = is(d, k, DETERMINERS);
    const listed = is(d, k, TITLES | ORG_WORDS | GROUP_NOUNS);
    if (isCap(d, k)) prevOpen = isPossessive(d, k) || det;
    else if (det && k === ss) prevOpen = true;
    // "The billionaire businessman began his speech": a word before a determiner is a verb.
    else if (!cueEntryAt(d.t, k) && !is(d, k, SOURCE_STOP) && (prevOpen || listed) && !(noun && endsIn(d, k, 'ed')) && (!is(d, k + 1, DETERMINERS) || isW(d, k, W_OF))) prevOpen = true;
    else break;
    noun = listed || (!isCap(d, k) && !det && !endsIn(d, k, 'ly'));
    k++;
  }
  if (k === ss || !plausibleSource(d, ss, k)) return null;
  return { start: ss, end: k };
}

/**
 * Where, how or with whom something was said, with no commas around it. Not the subordinators of ASIDES
 * ("Years after Bill Clinton claimed").
 */
const BARE_ASIDES = words('in on during via amid through at with');

/**
 * A name or a titled person and nothing else: "Jeb Bush", "Mr. Obama", "the senator"; not "Joining Rubio"
 * or "Based" (a participle opening the sentence), nor "She resigned from Breitbart".
 */
function namesSomeone(d: Doc, s: number, e: number): boolean {
  if (!isCap(d, e - 1) && !is(d, e - 1, TITLES)) return false;
  for (let k = s; k < e; k++) if (!(isCap(d, k) || is(d, k, DETERMINERS | TITLES)) || is(d, k, TIME_WORDS) || cueEntryAt(d.t, k)) return false;
  // "We at IBPhoenix think": the body after a pronoun is who speaks.
  return !endsIn(d, s, 'ing') && !endsIn(d, s, 'ed') && !is(d, s, SUBJECT_PRONOUNS);
}

/**
 * "Jeb Bush in a Medium post said", "Mr. Obama at a news conference in Tokyo said": a named sayer (or a
 * titled one, "the senator") opening the clause before one to three prepositional phrases that end at
 * the cue (token `end`); the phrases' nouns are no source. `s` starts the last phrase's noun.
 */
function sayerBeforeAside(d: Doc, s: number, end: number, floor: number): TokenRange | null {
  for (let k = s, e = end, hop = 0; hop < 3 && is(d, k - 1, BARE_ASIDES); hop++) {
    const h = npLeft(d, k - 2, floor);
    if (h < 0) return null;
    // "Dan McLaughlin at the National Review", "Smith with the ministry": at or with a named body is an
    // affiliation, part of the source as "of" is (the speaker is still the person).
    if (namesSomeone(d, h, k - 1) && opensClause(d, h, floor)) return { start: h, end: /^(at|with)$/.test(lowerAt(d, k - 1)) && isCap(d, e - 1) ? e : k - 1 };
    e = k - 1;
    k = h;
  }
  return null;
}

/**
 * The subject left of the cue starting at token `cue`, within the sentence starting at `floor`.
 */
export function leftSource(d: Doc, cue: number, floor: number): TokenRange | null {
  let j = skipTimeLeft(d, cue - 1, floor);
  if (j < floor) return null;
  // "Trump and Cruz both said", "They all agree": the subject is before the quantifier.
  if (is(d, j, FLOATING) && j > floor && (isCap(d, j - 1) || endsWithS(d, j - 1) || is(d, j - 1, SUBJECT_PRONOUNS))) j--;
  const p = punctAt(d, j);
  // A comma opening the sentence has nothing before it: appositiveSource, bounded by floor, finds none.
  if (p === ',') return appositiveSource(d, j, floor);
  // "42% said": a percentage is a subject.
  if (p === '%' && isNumber(d, j - 1) && j > floor) return { start: j - 1, end: j + 1 };
  if (!isWord(d, j) && p !== ')' && !isDash(d, j)) return null;
  const contracted = isContractedSubject(d, j);
  if (is(d, j, SUBJECT_PRONOUNS) || contractedPronoun(d, j)) {
    // "family members, many of whom say": the part of the group is the subject (npLeft finds none before
    // floor: no bound test is needed).
    const part = isW(d, j - 1, W_OF) ? npLeft(d, j - 2, floor) : -1;
    return { start: part >= 0 ? part : j, end: j + 1 };
  }
  const s = npLeft(d, j, floor);
  // "police's earlier claim": a possessive modifies a noun, it is not the subject of a verb.
  if (s < 0 || !plausibleSource(d, s, j + 1) || (isPossessive(d, j) && !contracted)) return null;
  // Not before a form that is mostly a noun: "Throw in all of the tax issues" has no sayer.
  const sayer = (cueEntryAt(d.t, cue)?.flags ?? 0) & CueFlag.NounHeavy ? null : sayerBeforeAside(d, s, j + 1, floor);
  if (sayer) return sayer;
  // A count's hedge belongs to the subject: "About 4 in 10", "More than six in 10", "less than a third".
  const hedged = (isNumber(d, s) || is(d, s, DETERMINERS)) && s > floor && is(d, s - 1, HEDGES);
  return { start: hedged ? s - (lowerAt(d, s - 1) === 'than' ? 2 : 1) : s, end: j + 1 };
}
