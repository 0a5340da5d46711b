import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../utils/import/errors';
import { checkStructure, MAX_DEPTH, MAX_IMPORT_BYTES, parseJsonText, readJsonFile } from '../../../utils/import/read-json';

describe('parseJsonText', () => {
  it('reports a truncated file as incomplete JSON', () => {
    expect(() => parseJsonText('{"format":"claimtrail","version":1,"pages":[{"url":"https://a.exa')).toThrow(
      /not valid JSON.*cut short/,
    );
  });

  it('ignores a byte order mark', () => {
    expect(parseJsonText('\ufeff{"a":1}')).toEqual({ a: 1 });
  });

  it('rejects nesting deeper than the formats use, without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    expect(() => parseJsonText(deep)).toThrow(new RegExp(`nested more than ${MAX_DEPTH} levels deep at \\[0\\]`));
    const deepObject = '{"a":'.repeat(50) + '1' + '}'.repeat(50);
    expect(() => parseJsonText(deepObject)).toThrow(/at a\.a\.a/);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('rejects the key %s anywhere, naming where', (key) => {
    const text = `{"format":"claimtrail","claims":[{"id":"x"},{"speaker":{"${key}":{"polluted":true}}}]}`;
    expect(() => parseJsonText(text)).toThrow(`claims[1].speaker.${key}: the key "${key}" is not allowed`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('accepts those words as values', () => {
    expect(() => checkStructure({ note: '__proto__', list: ['constructor'] })).not.toThrow();
  });
});

describe('readJsonFile', () => {
  it('refuses an empty file and one over the size limit before reading it', async () => {
    await expect(readJsonFile(new Blob([]))).rejects.toThrow(/empty/);
    let read = false;
    const huge = { size: MAX_IMPORT_BYTES + 1, text: async () => { read = true; return '{}'; } };
    await expect(readJsonFile(huge)).rejects.toThrow(ImportError);
    await expect(readJsonFile(huge)).rejects.toThrow(/imports files up to 256 MB/);
    expect(read).toBe(false);
  });
});
