import { beforeAll, describe, expect, it } from 'vitest';
import { CUE_BY_HASH, CUE_LISTS, CueClass, CueFlag, PARTICLES, readCueItem } from '../../../utils/claims/lexicon/en';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLexicon } from '../../../utils/claims/lexicon/hash';
import { hashWord, lexiconBits } from '../../../utils/claims/tokens';

/** The lexicon keeps cue forms by word hash only. */
const cue = (form: string) => CUE_BY_HASH.get(hashWord(form));

// These call into the detector's parts directly, so nothing has filled the lexicon for them.
beforeAll(buildLexicon);

describe('English cue lexicon', () => {
  it.each([
    ['says', 'say'], ['said', 'say'], ['saying', 'say'], ['told', 'tell'], ['denies', 'deny'], ['denied', 'deny'],
    ['admitted', 'admit'], ['stresses', 'stress'], ['noting', 'note'], ['wrote', 'write'], ['written', 'write'],
    ['believes', 'believe'], ['thought', 'think'], ['shown', 'show'], ['criticized', 'criticize'],
    ['criticised', 'criticize'], ['emphasising', 'emphasize'], ['apologises', 'apologize'], ['recognise', 'recognize'],
  ])('inflects %s from %s', (form, lemma) => {
    expect(cue(form)?.lemma).toBe(lemma);
  });

  it('classes verbs by how reliable they are as cues', () => {
    expect(cue('said')?.cls).toBe(CueClass.Say);
    expect(cue('endorsed')?.cls).toBe(CueClass.Stance);
    expect(cue('thinks')?.cls).toBe(CueClass.Think);
    expect(cue('shows')?.cls).toBe(CueClass.Evidence);
  });

  it('reads the marks after a lemma, irregular forms included, as flags', () => {
    expect(cue('warns')?.flags).toBe(CueFlag.Object | CueFlag.NounHeavy);
    expect(cue('sought')).toMatchObject({ lemma: 'seek', flags: CueFlag.Infinitive | CueFlag.InfinitiveOnly, past: true });
    expect(cue('planned')).toMatchObject({ lemma: 'plan', flags: CueFlag.Doubled | CueFlag.Infinitive | CueFlag.InfinitiveOnly | CueFlag.NounHeavy });
    expect(cue('continued')?.flags).toBe(CueFlag.AfterContent);
    expect(cue('said')?.flags).toBe(CueFlag.Passive);
  });

  // The lists stand in the order that gzips smallest (en.ts), which is safe only while no form is
  // made by two lemmas: the first listed would take it.
  it('makes every form from one lemma only, so the lists may stand in any order', () => {
    const taken: string[] = [];
    let items = 0;
    for (const list of CUE_LISTS) {
      for (const raw of list.split(' ')) {
        const { lemma, forms } = readCueItem(raw);
        items++;
        for (const form of forms) for (const spelling of [form, form.replace('iz', 'is')]) if (cue(spelling)?.lemma !== lemma) taken.push(`${spelling}: ${lemma}, taken by ${cue(spelling)?.lemma}`);
      }
    }
    expect(items).toBeGreaterThan(200);
    expect(taken).toEqual([]);
  });

  it('has no particle phrase that begins another of its lemma, since the first match is taken', () => {
    const clashes: string[] = [];
    for (const [lemma, phrases] of PARTICLES) {
      for (const p of phrases) {
        for (const q of phrases) if (p !== q && p.every((h, i) => q[i] === h)) clashes.push(lemma);
      }
    }
    expect(PARTICLES.get('make')?.length).toBe(4);
    expect(clashes).toEqual([]);
  });

  it('marks which forms double as nouns', () => {
    expect(cue('claims')?.nounLike).toBe(true);
    expect(cue('claimed')?.nounLike).toBe(false);
  });

  it('splits every word list into words, none empty (the lists are split without trimming)', () => {
    // A doubled space in a word list would file the empty word in its set.
    expect(lexiconBits(hashWord(''))).toBe(0);
    // A doubled space in a cue list would file an empty lemma, and with it "s" and "ing", as cues.
    for (const form of ['', 's', 'd', 'ing']) expect(cue(form)).toBeUndefined();
    // A line of a list not continued with a backslash would join its last word and the next line's first
    // with a line break: a word no token can be.
    const source = readFileSync(join(__dirname, '../../../utils/claims/lexicon/en.ts'), 'utf8');
    const literals = source.match(/`[^`]*`/g) ?? [];
    expect(literals.length).toBeGreaterThan(10);
    for (const literal of literals) expect(literal.replace(/\\\n/g, '')).not.toMatch(/\s\s|\n|^`\s|\s`$/);
  });

  it('has several hundred forms', () => {
    expect(CUE_BY_HASH.size).toBeGreaterThan(950);
  });
});
