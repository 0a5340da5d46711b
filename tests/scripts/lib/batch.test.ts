// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { Claim, DetectionResult } from '../../../utils/claims/types';
import { processBatchLine, runBatch, toBatchClaim } from '../../../scripts/lib/batch';
import type { BatchResult, Detect } from '../../../scripts/lib/batch';

const claim: Claim = {
  id: 'c1',
  kind: 'mixed',
  content: [[0, 5], [12, 20]],
  cue: [6, 10],
  source: null,
  speaker: { name: 'Ayad Allawi', role: 'Iraqi Vice President', type: 'person' },
  confidence: 0.75,
};

/** Finds one claim on every "said" so tests see offsets that depend on the text. */
const detectSaid: Detect = (text) => ({
  text,
  blockStarts: [0],
  claims: [...text.matchAll(/said/g)].map((m, i) => ({
    ...claim,
    id: `c${i}`,
    content: [[0, m.index]],
    cue: [m.index, m.index + 4],
    speaker: null,
  })),
});

async function* lines(...ls: string[]) {
  yield* ls;
}

describe('toBatchClaim', () => {
  it('turns single spans into one-element lists, absent roles into [] and the speaker into its name', () => {
    expect(toBatchClaim(claim)).toEqual({
      source: [],
      cue: [[6, 10]],
      content: [[0, 5], [12, 20]],
      speaker: 'Ayad Allawi',
      kind: 'mixed',
      confidence: 0.75,
    });
    expect(toBatchClaim({ ...claim, source: [1, 3], speaker: null })).toMatchObject({ source: [[1, 3]], cue: [[6, 10]], speaker: null });
  });

  it('copies spans rather than sharing the detector arrays', () => {
    const out = toBatchClaim(claim);
    expect(out.content[0]).not.toBe(claim.content[0]);
  });
});

describe('processBatchLine', () => {
  it('answers a good line with the claims and their offsets into the given text', () => {
    expect(processBatchLine('{"id":"a","text":"Rain, he said."}', detectSaid)).toEqual({
      id: 'a',
      claims: [{ source: [], cue: [[9, 13]], content: [[0, 9]], speaker: null, kind: 'mixed', confidence: 0.75 }],
    });
  });

  it('accepts numeric ids and ignores extra fields such as gold attributions', () => {
    expect(processBatchLine('{"id":7,"text":"","attributions":[]}', detectSaid)).toEqual({ id: 7, claims: [] });
  });

  it('tolerates a byte order mark before the first record', () => {
    expect(processBatchLine('\uFEFF{"id":"a","text":""}', detectSaid)).toEqual({ id: 'a', claims: [] });
  });

  it('skips blank lines', () => {
    expect(processBatchLine('   ', detectSaid)).toBeNull();
  });

  it.each([
    ['not json', null, /invalid JSON/],
    ['[1,2]', null, /JSON object/],
    ['null', null, /JSON object/],
    ['{"text":"x"}', null, /"id"/],
    ['{"id":{"a":1},"text":"x"}', null, /"id"/],
    ['{"id":"a"}', 'a', /"text"/],
    ['{"id":"a","text":5}', 'a', /"text"/],
  ])('reports a bad line %s as an error with no claims', (line, id, message) => {
    const result = processBatchLine(line, detectSaid);
    expect(result).toMatchObject({ id, claims: [] });
    expect(result?.error).toMatch(message);
  });

  it('turns a detector exception into an error line', () => {
    const boom: Detect = () => {
      throw new Error('boom');
    };
    expect(processBatchLine('{"id":"a","text":"x"}', boom)).toEqual({ id: 'a', claims: [], error: 'detector failed: boom' });
  });

  it('refuses offsets into a text other than the one given', () => {
    const rewrites: Detect = (text): DetectionResult => ({ text: text.trim(), blockStarts: [0], claims: [] });
    expect(processBatchLine('{"id":"a","text":" x "}', rewrites)?.error).toMatch(/different text/);
  });
});

describe('runBatch', () => {
  it('writes one line per non-blank input line, in order, and counts the failures', async () => {
    const written: string[] = [];
    const failed: [number, BatchResult][] = [];
    const summary = await runBatch(
      lines('{"id":"a","text":"he said"}', '', 'oops', '{"id":"b","text":"said it, said it"}'),
      detectSaid,
      (l) => {
        written.push(l);
      },
      (n, r) => failed.push([n, r]),
    );
    expect(summary).toEqual({ lines: 3, errors: 1 });
    expect(written.every((l) => l.endsWith('\n') && !l.slice(0, -1).includes('\n'))).toBe(true);
    const parsed = written.map((l) => JSON.parse(l) as BatchResult);
    expect(parsed.map((r) => r.id)).toEqual(['a', null, 'b']);
    expect(parsed.map((r) => r.claims.length)).toEqual([1, 0, 2]);
    expect(failed.map(([n]) => n)).toEqual([3]);
  });

  it('waits for a slow writer before reading on (back-pressure)', async () => {
    const events: string[] = [];
    async function* tracked() {
      for (const id of ['a', 'b']) {
        events.push(`read ${id}`);
        yield JSON.stringify({ id, text: '' });
      }
    }
    await runBatch(tracked(), detectSaid, async (l) => {
      await new Promise((r) => setTimeout(r, 1));
      events.push(`wrote ${(JSON.parse(l) as BatchResult).id}`);
    }, () => {});
    expect(events).toEqual(['read a', 'wrote a', 'read b', 'wrote b']);
  });
});
