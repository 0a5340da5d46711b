import { beforeAll, describe, expect, it } from 'vitest';
import { buildLexicon } from '../../../utils/claims/lexicon/hash';
import { MAX_SENTENCE_TOKENS, segment } from '../../../utils/claims/sentences';
import { tokenize } from '../../../utils/claims/tokens';

// These call into the detector's parts directly, so nothing has filled the lexicon for them.
beforeAll(buildLexicon);

const sentences = (text: string) => {
  const t = tokenize(text);
  const s = segment(t);
  return s.sentStart.map((a, i) => text.slice(t.start[a], t.end[(s.sentEnd[i] ?? 1) - 1]));
};

describe('segment', () => {
  it('splits at terminal punctuation before a capital', () => {
    expect(sentences('The vote failed. Senators left early! Why?')).toEqual(['The vote failed.', 'Senators left early!', 'Why?']);
  });

  it('keeps closing quotes with their sentence', () => {
    expect(sentences('He said “no.” Then he left.')).toEqual(['He said “no.”', 'Then he left.']);
  });

  it('does not split after titles and initials', () => {
    expect(sentences('Mr. Smith met George W. Bush. They talked.')).toEqual(['Mr. Smith met George W. Bush.', 'They talked.']);
  });

  it('splits after U.S. when a new sentence starts', () => {
    expect(sentences('He returned to the U.S. The trip was long.')).toEqual(['He returned to the U.S.', 'The trip was long.']);
  });

  it('ends sentences and paragraphs at every line break', () => {
    const t = tokenize('Headline here\nFirst paragraph.\n\nSecond one.');
    const s = segment(t);
    expect(s.paraStart).toHaveLength(3);
    // One sentence per paragraph, ending where its paragraph does.
    expect(s.sentStart).toEqual(s.paraStart);
    expect(s.sentEnd).toEqual(s.paraEnd);
  });

  it('caps very long sentences', () => {
    const t = tokenize('word '.repeat(MAX_SENTENCE_TOKENS * 3));
    const s = segment(t);
    expect(s.sentStart.length).toBeGreaterThanOrEqual(3);
    for (let i = 0; i < s.sentStart.length; i++) expect((s.sentEnd[i] ?? 0) - (s.sentStart[i] ?? 0)).toBeLessThanOrEqual(MAX_SENTENCE_TOKENS);
  });
});
