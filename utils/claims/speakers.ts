/**
 * Resolves source mentions to speakers: a running list of named entities in reading order, so
 * "Allawi" finds "Ayad Allawi" (and his role from "Iraqi Vice President Ayad Allawi"), "he"/"she"
 * the last person, "they"/"it" the last organisation or group, "who" the last entity.
 */
import { is, isWord, lowerAt, punctAt, type Doc } from './context';
import { DETERMINERS, GROUP_NOUNS, ORG_WORDS, TITLES } from './lexicon/en';
import type { TokenRange } from './sources';
import type { Speaker, SpeakerType } from './types';

interface Entity {
  name: string;
  role?: string;
  type: SpeakerType;
}

export interface SpeakerTracker {
  resolve(src: TokenRange): Speaker | null;
}

function toSpeaker(e: Entity): Speaker {
  return e.role ? { name: e.name, role: e.role, type: e.type } : { name: e.name, type: e.type };
}

function joinText(d: Doc, s: number, e: number): string {
  if (e <= s) return '';
  return d.t.text.slice(d.t.start[s] ?? 0, d.t.end[e - 1] ?? 0);
}

function stripPossessive(w: string): string {
  return w.endsWith('’s') || w.endsWith("'s") ? w.slice(0, -2) : w;
}

export function createSpeakerTracker(d: Doc): SpeakerTracker {
  const bySurname = new Map<string, Entity>();
  const byName = new Map<string, Entity>();
  let lastPerson: Entity | null = null;
  let lastGroup: Entity | null = null;
  let last: Entity | null = null;

  const remember = (e: Entity): Entity => {
    last = e;
    if (e.type === 'person') lastPerson = e;
    else if (e.type === 'organization' || e.type === 'group') lastGroup = e;
    return e;
  };

  const named = (s: number, e: number, roleText: string | undefined): Entity => {
    const name = joinText(d, s, e);
    const key = name.toLowerCase();
    const surname = stripPossessive(lowerAt(d, e - 1));
    let hasOrgWord = false;
    for (let k = s; k < e; k++) if (is(d, k, ORG_WORDS)) hasOrgWord = true;
    const existing = byName.get(key) ?? (e - s === 1 ? bySurname.get(surname) : undefined);
    if (existing) {
      if (roleText && !existing.role) existing.role = roleText;
      return existing;
    }
    const type: SpeakerType = hasOrgWord ? 'organization' : roleText || e - s >= 2 ? 'person' : 'unknown';
    const ent: Entity = roleText ? { name, role: roleText, type } : { name, type };
    byName.set(key, ent);
    if (type === 'person' && e - s >= 2 && !bySurname.has(surname)) bySurname.set(surname, ent);
    return ent;
  };

  const resolve = (src: TokenRange): Speaker | null => {
    const { start } = src;
    // The head part ends at the first comma: "Ayad Allawi, Iraq's vice president".
    let headEnd = src.end;
    for (let k = start; k < src.end; k++) if (punctAt(d, k) === ',') { headEnd = k; break; }
    const apposition = headEnd < src.end ? joinText(d, headEnd + 1, src.end).replace(/,$/, '').trim() : '';
    const first = lowerAt(d, start);
    if (headEnd - start === 1) {
      if (first === 'he' || first === 'she' || first === 'i') return lastPerson ? toSpeaker(remember(lastPerson)) : null;
      if (first === 'they' || first === 'it' || first === 'we') return lastGroup ? toSpeaker(remember(lastGroup)) : null;
      if (first === 'who' || first === 'which') return last ? toSpeaker(last) : null;
    }
    // The name is the trailing run of capitalised non-title words; what precedes is the role.
    let nameStart = headEnd;
    while (nameStart - 1 >= start && isWord(d, nameStart - 1) && d.t.cap[nameStart - 1] && !is(d, nameStart - 1, TITLES)) nameStart--;
    if (nameStart < headEnd && !(headEnd - nameStart === 1 && is(d, nameStart, DETERMINERS))) {
      let roleStart = start;
      if (is(d, roleStart, DETERMINERS)) roleStart++;
      const roleText = nameStart > roleStart ? joinText(d, roleStart, nameStart) : apposition || undefined;
      return toSpeaker(remember(named(nameStart, headEnd, roleText)));
    }
    // A nominal source: "the ministry", "officials", "a senior U.S. official".
    const text = joinText(d, start, headEnd);
    let type: SpeakerType = 'unknown';
    for (let k = start; k < headEnd; k++) {
      const w = lowerAt(d, k);
      if (ORG_WORDS.has(w)) type = 'organization';
      else if (GROUP_NOUNS.has(w)) type = 'group';
    }
    const ent: Entity = { name: text, type };
    return toSpeaker(type === 'unknown' ? ent : remember(ent));
  };

  return { resolve };
}
