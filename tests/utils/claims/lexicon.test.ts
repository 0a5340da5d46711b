import { beforeAll, describe, expect, it } from 'vitest';
import * as en from '../../../utils/claims/lexicon/en';
import { CueClass, CUES, PARTICLES } from '../../../utils/claims/lexicon/en';
import { buildLexicon, WordSet } from '../../../utils/claims/lexicon/hash';

// These call into the detector's parts directly, so nothing has filled the lexicon for them.
beforeAll(buildLexicon);

describe('English cue lexicon', () => {
  it.each([
    ['says', 'say'], ['said', 'say'], ['saying', 'say'], ['told', 'tell'], ['denies', 'deny'], ['denied', 'deny'],
    ['admitted', 'admit'], ['stresses', 'stress'], ['noting', 'note'], ['wrote', 'write'], ['written', 'write'],
    ['believes', 'believe'], ['thought', 'think'], ['shown', 'show'], ['criticized', 'criticize'],
    ['criticised', 'criticize'], ['emphasising', 'emphasize'], ['apologises', 'apologize'], ['recognise', 'recognize'],
  ])('inflects %s from %s', (form, lemma) => {
    expect(CUES.get(form)?.lemma).toBe(lemma);
  });

  it('classes verbs by how reliable they are as cues', () => {
    expect(CUES.get('said')?.cls).toBe(CueClass.Say);
    expect(CUES.get('endorsed')?.cls).toBe(CueClass.Stance);
    expect(CUES.get('thinks')?.cls).toBe(CueClass.Think);
    expect(CUES.get('shows')?.cls).toBe(CueClass.Evidence);
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
    expect(CUES.get('claims')?.nounLike).toBe(true);
    expect(CUES.get('claimed')?.nounLike).toBe(false);
  });

  it('splits every word list into words, none empty (the lists are split without trimming)', () => {
    const sets = Object.values(en).filter((v): v is WordSet => v instanceof WordSet);
    expect(sets.length).toBeGreaterThan(10);
    for (const set of sets) for (const w of set) expect(w).toMatch(/^\S+$/);
    for (const form of CUES.keys()) expect(form).toMatch(/^\S+$/);
  });

  it('has several hundred forms', () => {
    expect(CUES.size).toBeGreaterThan(1000);
  });
});
