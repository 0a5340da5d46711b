/**
 * Resolves source mentions to speakers: a running list of named entities in reading order, so
 * "Allawi" finds "Ayad Allawi" (and his role from "Iraqi Vice President Ayad Allawi"), "he"/"she"
 * the last person of that gender (or of unknown gender), "they"/"it" the last organisation or
 * group, "who" the name or source right before it. Persons named as narration subjects are
 * antecedents too.
 */
import { contractedPronoun, is, isCap, isNumber, isW, joinText, lowerAt, punctAt, punctIn, type Doc } from './context';
import { cueEntryAt } from './cues';
import { AFFILIATIONS, COURTESY_TITLES, DETERMINERS, FEMALE_NAMES, GROUP_NOUNS, MALE_NAMES, ORG_WORDS, SOURCE_STOP, SUBJECT_PRONOUNS, TITLES } from './lexicon/en';
import { W_AND } from './lexicon/hash';
import type { TokenRange } from './sources';
import { isApostrophe } from './tokens';
import type { Speaker, SpeakerType } from './types';

/**
 * A copy of a string read from the input: a plain slice would keep the whole input alive for as long as
 * a caller keeps a speaker (the page keeps every claim's, ~7 KB per detector call). Made only for what
 * is kept: most sources name someone known already, and copying every name was ~2% of detection time.
 */
const keep = (s: string): string => ` ${s}`.slice(1);

type Gender = 'm' | 'f' | null;

interface Entity {
  name: string;
  role?: string;
  type: SpeakerType;
  gender?: Gender;
  /** The speaker its claims show, made again only when its role or type changes: regexes read the role. */
  shown?: Speaker;
}

export interface SpeakerTracker {
  resolve(src: TokenRange): Speaker | null;
  /** A person named outside any claim ("Marta Delgado arrived late."): a later "she" may mean them. */
  mention(src: TokenRange): void;
  /** The next window of the text: the people named so far stay known; token positions start over. */
  moveTo(next: Doc): void;
}

/** How far back a gendered pronoun looks for a person of its gender. */
const MAX_PERSONS_BACK = 12;

function toSpeaker(e: Entity): Speaker {
  return (e.shown ??= shownSpeaker(e));
}

function shownSpeaker(e: Entity): Speaker {
  // "Quina Jones, 25": an age says the source is a person (and who "she" is), but it is no role.
  const role = e.role?.replace(/^\d+(, |$)/, '');
  // "an analysis by Lily Batchelder" is hers, but "people close to Hillary Clinton" are not Clinton, nor
  // is "the former CEO of Hewlett-Packard" the company: the whole phrase speaks.
  // A lone function word ("of Houston") or an agent's "by" ends in the name alone.
  if (role && /\b(of|to|for|the|and|with|by)$/.test(role)) return { name: / by( the)?$|^\S+$/.test(role) ? e.name : `${role} ${e.name}`, type: e.type };
  return role ? { name: e.name, role, type: e.type } : { name: e.name, type: e.type };
}

/** `moveTo` gives it the text to read, before anything else. */
export function createSpeakerTracker(): SpeakerTracker {
  let d: Doc;
  const bySurname = new Map<string, Entity>();
  const byName = new Map<string, Entity>();
  const persons: Entity[] = []; // in order of last mention, most recent last
  let lastGroup: Entity | undefined;
  let last: Entity | undefined;
  let lastEnd = -1; // token after the last source resolved

  const remember = (e: Entity): Entity => {
    last = e;
    if (e.type === 'person') {
      if (persons[persons.length - 1] !== e) persons.push(e);
    } else if (e.type !== 'unknown') lastGroup = e; // an organisation or a group
    return e;
  };
  /** The speaker an entity is, which becomes the last one mentioned. */
  const speak = (e: Entity | null | undefined): Speaker | null => (e ? toSpeaker(remember(e)) : null);

  /** The most recent person a "he"/"she" can mean; failing that, the most recent person. */
  const personFor = (gender: 'm' | 'f'): Entity | undefined => {
    const n = persons.length;
    for (let i = n - 1; i >= 0 && n - i <= MAX_PERSONS_BACK; i--) {
      const p = persons[i]!;
      if ((p.gender ?? gender) === gender) {
        p.gender = gender;
        return p;
      }
    }
    return persons[n - 1];
  };

  const named = (s: number, e: number, roleText?: string, gender?: Gender): Entity => {
    // "Christie's been saying": the contracted verb is not part of the name.
    const name = stripPossessive(joinText(d, s, e));
    const key = name.toLowerCase();
    // The surname's string is made only where it is looked up or kept: most names are known already.
    const existing = byName.get(key) ?? (e - s === 1 ? bySurname.get(stripPossessive(lowerAt(d, e - 1))) : undefined);
    if (existing) {
      const { role, type } = existing;
      // A role or gender given later fills a gap; it never replaces what is known.
      existing.role ||= roleText && keep(roleText);
      existing.gender ||= gender;
      // "Leenders, who …" then "Mr. Leenders said": a title or role says it is a person.
      if ((roleText || gender) && type === 'unknown') existing.type = 'person';
      if (existing.role !== role || existing.type !== type) existing.shown = undefined;
      return existing;
    }
    let type: SpeakerType = roleText || gender || e - s >= 2 ? 'person' : 'unknown';
    // An organisation word anywhere makes it an organisation, whatever else it has.
    for (let k = s; k < e; k++) if (is(d, k, ORG_WORDS)) type = 'organization';
    // A first name whose gender is clear: "Mary Smith", "John Smith".
    const g = gender ?? (e - s < 2 ? null : is(d, s, FEMALE_NAMES) ? 'f' : is(d, s, MALE_NAMES) ? 'm' : null);
    const ent: Entity = { name: keep(name), role: roleText && keep(roleText), type, gender: g, shown: undefined };
    // Keyed by the copy: a lower-case slice may come back from toLowerCase as it is.
    byName.set(ent.name.toLowerCase(), ent);
    const surname = stripPossessive(lowerAt(d, e - 1));
    if (type === 'person' && e - s >= 2 && !bySurname.has(surname)) bySurname.set(surname, ent);
    return ent;
  };

  /**
   * The name is the trailing run of capitalised words of the head, joined over "of"/"for" after an
   * organisation word ("Bank of America"), titles included only in an organisation's name ("White
   * House", "National Weather Service"); -1 when there is none.
   */
  const nameStartOf = (start: number, headEnd: number): number => {
    const org = is(d, headEnd - 1, ORG_WORDS);
    let n = headEnd;
    // Each test holds only for a word: no word test of its own.
    for (let k = n - 1; k >= start; k--) {
      // "Centers for Disease Control and Prevention", "Bank of America".
      if (isCap(d, k) ? org || !is(d, k, TITLES) : ((is(d, k, AFFILIATIONS) && is(d, k - 1, ORG_WORDS)) || (isW(d, k, W_AND) && isCap(d, k - 1))) && k > start) n = k;
      else break;
    }
    // "The Conservatives": a capitalised article opens the sentence, not the name.
    if (is(d, n, DETERMINERS)) n++;
    return n >= headEnd ? -1 : n;
  };

  /** [start, end) of the name in a source's head ending at `headEnd`; start -1 when it names nobody. */
  const nameIn = (start: number, headEnd: number): [number, number] => {
    // The name ends where a person's affiliation begins ("Mr. Morgan | of the Sierra Club"); a nominal
    // head ("officials in Washington", "one of the prosecutors for David Petraeus") names nobody (-1).
    let nameEnd = headEnd;
    for (let k = start + 1; k < headEnd - 1; k++) {
      const w = k - 1;
      if (!is(d, k, AFFILIATIONS) || is(d, w, ORG_WORDS) || (isCap(d, w) && is(d, w, TITLES))) continue;
      nameEnd = isCap(d, w) && !is(d, w, GROUP_NOUNS) && !isNumber(d, w) ? k : -1;
      break;
    }
    return [nameEnd < 0 ? -1 : nameStartOf(start, nameEnd), nameEnd];
  };

  /** The role before the name, less a determiner and courtesy titles, as the article writes it ("Sen."). */
  const roleOf = (roleStart: number, nameStart: number): [role: string | undefined, gender: Gender | undefined] => {
    // "The FSF", "the Sierra Club": a determiner alone is no role.
    let s = is(d, roleStart, DETERMINERS) ? roleStart + 1 : roleStart;
    let gender: Gender | undefined;
    while (s < nameStart && COURTESY_TITLES.has(lowerAt(d, s))) { gender = COURTESY_TITLES.get(lowerAt(d, s)) || gender; s++; }
    return [s < nameStart ? joinText(d, s, nameStart) : undefined, gender];
  };

  const resolve = (src: TokenRange): Speaker | null => {
    const { start } = src;
    const adjacent = lastEnd === start - 1;
    lastEnd = src.end;
    // The head part ends at the first comma, parenthesis or dash (isDash's): "Ayad Allawi, Iraq's vice
    // president", "Sen. Ted Cruz (R-Texas)".
    let headEnd = start;
    while (headEnd < src.end && !punctIn(d, headEnd, ',(\u2015\u2014\u2013-')) headEnd++;
    // "many of whom", "some of you": part of a group, no one speaker.
    if (headEnd - start > 1 && is(d, headEnd - 1, SUBJECT_PRONOUNS)) return null;
    if (headEnd - start === 1) {
      // Only a subject pronoun, alone or with a verb contracted onto it, is read below: a name ("Castellano")
      // is spared its lower-cased string, a runtime call on two-byte text.
      const first = contractedPronoun(d, start) || (is(d, start, SUBJECT_PRONOUNS) ? lowerAt(d, start) : '');
      if (first === 'he' || first === 'she') return speak(personFor(first === 'he' ? 'm' : 'f'));
      // "I" outside a quotation is the writer ("I asked him how many minds he had changed"), whom the
      // text seldom names, and "you" the reader: the last person named would be a wrong guess.
      if (first === 'i' || first === 'you') return null;
      if (first === 'they' || first === 'it' || first === 'we') {
        // "It" means an organisation, never a group ("its supporters"): better nobody than them.
        return speak(first === 'it' && lastGroup?.type === 'group' ? null : lastGroup);
      }
      // The subject pronouns left are the relative ones: who, whom, which.
      if (first) {
        // "activist investor Carl Smith, who has called for …": the name right before it, else the source
        // right before it ("according to the magazine's editor, who said"), else nobody known.
        const n = punctAt(d, start - 1) === ',' ? nameStartOf(start - 6, start - 1) : -1;
        return n >= 0 ? speak(named(n, start - 1)) : adjacent && last ? toSpeaker(last) : null;
      }
    }
    const [nameStart, nameEnd] = nameIn(start, headEnd);
    if (nameStart < 0) {
      // "The company's chief financial officer, Tom Lee, said": the name is the apposition.
      let e = headEnd + 1;
      while (e < src.end && isCap(d, e)) e++;
      if (e - headEnd > 2 && (e >= src.end || punctAt(d, e) === ',')) return speak(named(headEnd + 1, e, joinText(d, start, headEnd)));
    } else {
      const [role, gender] = roleOf(start, nameStart);
      // The role, else the affiliation ("the Sierra Club"), else an apposition ("Iraq's vice president").
      // Made only without a role: the apposition's text and its regex are the costliest part here. With no
      // apposition, joinText gives ''.
      const roleText = role ?? ((nameEnd < headEnd ? joinText(d, nameEnd + 1, headEnd) : joinText(d, headEnd + 1, src.end).replace(/(^|, )(who|[a-z]+(ed|ing)) .*|[,)\u2014-]$/, '').trim()) || undefined);
      return speak(named(nameStart, nameEnd, roleText, gender));
    }
    // A nominal source: "the ministry", "officials", "a senior U.S. official".
    let type: SpeakerType = 'unknown';
    for (let k = start; k < headEnd; k++) {
      if (is(d, k, ORG_WORDS)) type = 'organization';
      else if (is(d, k, GROUP_NOUNS)) type = 'group';
    }
    const ent: Entity = { name: keep(joinText(d, start, headEnd)), type, shown: undefined };
    // Not one to come back to by name, but the nearest thing a following "who" can mean: remember() makes
    // an unknown one only the last mentioned.
    return speak(ent);
  };

  const mention = (src: TokenRange): void => {
    const [nameStart, end] = nameIn(src.start, src.end);
    if (nameStart < 0) return;
    // "Chris Christie Calls Hillary Clinton …": a headline names its subject before its verb; "DES MOINES,
    // Iowa —" is a dateline, no name.
    let nameEnd = nameStart + 1;
    while (nameEnd < end && !is(d, nameEnd, SOURCE_STOP) && !cueEntryAt(d.t, nameEnd)) nameEnd++;
    if (!/[a-z]/.test(joinText(d, nameStart, nameEnd))) return;
    const [role, gender] = roleOf(src.start, nameStart);
    // A lone capitalised word opening a sentence is too often not a name; a known surname is.
    const ent = nameEnd - nameStart >= 2 || role || gender ? named(nameStart, nameEnd, role, gender) : bySurname.get(stripPossessive(lowerAt(d, nameStart)));
    if (ent?.type === 'person') remember(ent);
  };

  const moveTo = (next: Doc): void => {
    d = next;
    lastEnd = -1;
  };

  return { resolve, mention, moveTo };
}

function stripPossessive(w: string): string {
  // Char codes, not endsWith: endsWith on a sliced two-byte name was a tenth of resolving a source.
  const c = w.charCodeAt(w.length - 2);
  return w.charCodeAt(w.length - 1) === 115 && isApostrophe(c) ? w.slice(0, -2) : w;
}
