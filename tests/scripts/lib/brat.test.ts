// @vitest-environment node
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { codePointToUtf16, listArticles, parseAnn, readBratSplit } from '../../../scripts/lib/brat';
import { annFor, locate, writeBratCorpus } from '../brat-corpus';

const text = 'Fares will rise, the council said.\n\nThe mayor disagreed: “Not this year.”';

describe('codePointToUtf16', () => {
  it('is the identity without astral characters', () => {
    expect(codePointToUtf16('abc')(2)).toBe(2);
    expect(codePointToUtf16('abc')(4)).toBeUndefined();
  });

  it('shifts offsets after each astral character by one', () => {
    const map = codePointToUtf16('a😀b😀c');
    expect([0, 1, 2, 3, 4, 5].map(map)).toEqual([0, 1, 3, 4, 6, 7]);
  });
});

describe('parseAnn', () => {
  it('reads Source/Cue/Content entities linked by Attribution events, ordered by offset', () => {
    const ann = annFor(text, [
      { source: 'The mayor', cue: 'disagreed', content: 'Not this year.' },
      { source: 'the council', cue: 'said', content: 'Fares will rise,' },
    ]);
    const { attributions, problems } = parseAnn(ann, text);
    expect(problems).toEqual([]);
    expect(attributions).toEqual([
      { source: [locate(text, 'the council')], cue: [locate(text, 'said')], content: [locate(text, 'Fares will rise,')] },
      { source: [locate(text, 'The mayor')], cue: [locate(text, 'disagreed')], content: [locate(text, 'Not this year.')] },
    ]);
  });

  it('reads discontinuous spans and numbered roles into one sorted, merged list per role', () => {
    const ann = [
      'T1\tContent 0 5;11 16\tFares rise,',
      'T2\tContent 6 11\twill ',
      'T3\tCue 29 33\tsaid',
      'T4\tAttribution 29 33\tsaid',
      'E1\tAttribution:T4 Content2:T2 Content:T1 Cue:T3',
    ].join('\n');
    expect(parseAnn(ann, text).attributions).toEqual([{ source: [], cue: [[29, 33]], content: [[0, 5], [6, 16]] }]);
  });

  it('ignores the continuation lines of a span text that runs over a paragraph break', () => {
    const s = text.indexOf('council');
    const e = text.indexOf('The mayor') + 3;
    const ann = `T1\tContent ${s} ${e}\t${text.slice(s, e)}\nT2\tCue 29 33\tsaid\nE1\tAttribution Content:T1 Cue:T2\n`;
    const { attributions, problems } = parseAnn(ann, text);
    expect(problems).toEqual([]);
    expect(attributions[0]?.content).toEqual([[s, e]]);
  });

  it('converts BRAT code-point offsets to UTF-16 after astral characters', () => {
    const t = '🌧️ Rain 🚨 is coming, they said.';
    const ann = annFor(t, [{ source: 'they', cue: 'said', content: 'Rain 🚨 is coming,' }]);
    expect(ann).toContain('Content 3 20'); // code points: 17 of them, 18 UTF-16 units
    expect(parseAnn(ann, t).attributions[0]).toEqual({
      source: [locate(t, 'they')],
      cue: [locate(t, 'said')],
      content: [locate(t, 'Rain 🚨 is coming,')],
    });
  });

  it('drops events with neither cue nor content, and non-attribution events', () => {
    const ann = 'T1\tSource 0 5\tFares\nT2\tCue 29 33\tsaid\nE1\tAttribution Source:T1\nE2\tOther:T2 Cue:T2\n';
    expect(parseAnn(ann, text).attributions).toEqual([]);
  });

  it('reports, without failing, bad offsets, missing references and text mismatches', () => {
    const ann = 'T1\tCue 9 3\tsaid\nT2\tCue 29 33\tsays\nE1\tAttribution Cue:T2 Content:T9\n';
    const { attributions, problems } = parseAnn(ann, text);
    expect(attributions).toEqual([{ source: [], cue: [[29, 33]], content: [] }]);
    expect(problems).toHaveLength(3);
    expect(problems.join('\n')).toMatch(/bad offsets[\s\S]*T2 text mismatch[\s\S]*missing T9/);
  });

  it('reports and drops a span that lies past the end of the text', () => {
    const { attributions, problems } = parseAnn('T1\tCue 29 99\tsaid\nE1\tAttribution Cue:T1\n', text);
    expect(attributions).toEqual([]);
    expect(problems.some((p) => p.includes('past the end'))).toBe(true);
  });
});

describe('readBratSplit', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'brat-reader-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  writeBratCorpus(dir, 'dev', [
    {
      id: 'beta-article',
      text,
      annotations: {
        '9f00': [{ source: 'The mayor', cue: 'disagreed', content: 'Not this year.' }],
        '0a1b': [{ source: 'the council', cue: 'said', content: 'Fares will rise,' }],
      },
    },
    { id: 'alpha-article', text: 'Nothing attributed here.', annotations: { '4c4c': '' } },
  ]);
  fs.writeFileSync(path.join(dir, 'dev', 'attributions', 'notes.ann'), 'not an annotation file name');

  it('lists articles with their annotators sorted, ignoring other file names', () => {
    expect([...listArticles(dir, 'dev')]).toEqual([['alpha-article', ['4c4c']], ['beta-article', ['0a1b', '9f00']]]);
  });

  it('uses the alphabetically first annotator of a multi-annotated article', () => {
    const articles = [...readBratSplit(dir, 'dev')];
    expect(articles.map((a) => [a.id, a.annotator, a.attributions.length])).toEqual([['alpha-article', '4c4c', 0], ['beta-article', '0a1b', 1]]);
    expect(articles[1]?.attributions[0]?.source).toEqual([locate(text, 'the council')]);
    expect(articles[1]?.text).toBe(text);
  });
});
