import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../../utils/export/json';
import { exportedAt, sampleLibrary } from './sample-library';

describe('jsonChunks', () => {
  it('writes the envelope and one record per line', () => {
    const lines = [...jsonChunks(sampleLibrary, { exportedAt })].join('').split('\n');
    expect(lines[0]).toBe('{');
    expect(lines[1]).toBe('"format":"claimtrail","version":1,"exportedAt":"2026-11-26T12:00:00.000Z",');
    expect(lines[2]).toBe('"pages":[');
    expect(lines[3]).toBe(`${JSON.stringify(sampleLibrary.pages[0])},`);
    expect(lines[4]).toBe(JSON.stringify(sampleLibrary.pages[1]));
    expect(lines[5]).toBe('],');
    expect(lines[6]).toBe('"claims":[');
    expect(lines.slice(7, 10)).toEqual(sampleLibrary.claims.map((c, i) => JSON.stringify(c) + (i < 2 ? ',' : '')));
    expect(lines.slice(10)).toEqual([
      '],',
      '"reviews":[',
      '{"id":1,"claimId":"p1:c1","at":1795248300000,"from":{"status":"unreviewed","note":""},"to":{"status":"verified","note":"Checked"}},',
      '{"id":2,"claimId":"p1:c2","at":1795338000000,"from":{"status":"verified","note":""},"to":{"status":"disputed","note":"@SUM(A1)"}}',
      ']',
      '}',
      '',
    ]);
  });

  it('is lossless: parsing gives back every record unchanged', () => {
    const parsed: unknown = JSON.parse([...jsonChunks(sampleLibrary, { exportedAt })].join(''));
    expect(parsed).toStrictEqual({
      format: 'claimtrail',
      version: 1,
      exportedAt: '2026-11-26T12:00:00.000Z',
      ...sampleLibrary,
    });
  });

  it('writes empty arrays for an empty library', () => {
    expect([...jsonChunks({ pages: [], claims: [], reviews: [] }, { exportedAt })].join('')).toBe(
      '{\n"format":"claimtrail","version":1,"exportedAt":"2026-11-26T12:00:00.000Z",\n"pages":[],\n"claims":[],\n"reviews":[]\n}\n',
    );
  });
});
