import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportBlob, exportFileName, PART_CHARS, type ExportFormat } from '../../../utils/export/formats';
import { textFragmentUrl } from '../../../utils/export/text-fragment';
import { exportedAt, sampleLibrary } from './sample-library';

const day = new Date(2026, 10, 26, 12, 0);

describe('exportFileName', () => {
  it.each<[ExportFormat, string, string]>([
    ['csv', 'disputed', 'claimtrail-2026-11-26-disputed.csv'],
    ['markdown', 'All claims', 'claimtrail-2026-11-26-all-claims.md'],
    ['json', 'library', 'claimtrail-2026-11-26-library.json'],
    ['w3c', 'Ayad Allawi', 'claimtrail-2026-11-26-ayad-allawi-annotations.jsonld'],
    ['claimreview', 'news.example.com', 'claimtrail-2026-11-26-news-example-com-claimreview.jsonld'],
    ['csv', '../../etc/passwd', 'claimtrail-2026-11-26-etc-passwd.csv'],
    ['csv', '', 'claimtrail-2026-11-26.csv'],
    ['csv', 'Ünïcödé — “quotes”', 'claimtrail-2026-11-26-unicode-quotes.csv'],
  ])('%s for %j → %s', (format, scope, name) => {
    expect(exportFileName(format, scope, day)).toBe(name);
  });

  it('keeps the name short', () => {
    expect(exportFileName('csv', 'x'.repeat(300), day).length).toBeLessThanOrEqual('claimtrail-2026-11-26-.csv'.length + 40);
  });
});

describe('exportBlob', () => {
  it.each(Object.keys(EXPORT_FORMATS) as ExportFormat[])('builds a %s Blob from the format chunks', async (format) => {
    const blob = exportBlob(format, sampleLibrary, { exportedAt });
    const info = EXPORT_FORMATS[format];
    expect(blob.type).toBe(info.type);
    const bytes = new Uint8Array(await blob.arrayBuffer());
    const expected = new TextEncoder().encode([...info.chunks(sampleLibrary, { exportedAt })].join(''));
    expect(bytes).toEqual(expected);
  });

  it('a library bigger than one Blob part comes out byte for byte as its chunks, characters outside ASCII included', async () => {
    // Long claims with non-ASCII text, so the file spans several parts and parts end wherever a chunk ends.
    const long = 'Allawi said « the discussion » has started — 討論 🙂 '.repeat(200);
    const claims = Array.from({ length: 200 }, (_, i) => ({ ...sampleLibrary.claims[i % sampleLibrary.claims.length]!, id: `big-${i}`, text: `${i} ${long}`, note: long }));
    const big = { ...sampleLibrary, claims };
    for (const format of ['json', 'csv'] as const) {
      const text = [...EXPORT_FORMATS[format].chunks(big, { exportedAt })].join('');
      expect(text.length).toBeGreaterThan(2 * PART_CHARS);
      const blob = exportBlob(format, big, { exportedAt });
      expect(blob.size).toBe(new TextEncoder().encode(text).length);
      // Compared as one boolean: a deep diff of megabytes would take minutes.
      expect((await blob.text()) === text).toBe(true);
    }
  });

  it('starts the CSV with the UTF-8 byte order mark', async () => {
    const bytes = new Uint8Array(await exportBlob('csv', sampleLibrary, { exportedAt }).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});

describe('textFragmentUrl', () => {
  it('quotes short claims whole and long ones by their first and last five words', () => {
    expect(textFragmentUrl('https://a.example/p#old', 'Short - quote, & more')).toBe(
      'https://a.example/p#:~:text=Short%20%2D%20quote%2C%20%26%20more',
    );
    expect(textFragmentUrl('https://a.example/p', 'one two three four five six seven eight nine ten eleven')).toBe(
      'https://a.example/p#:~:text=one%20two%20three%20four%20five,seven%20eight%20nine%20ten%20eleven',
    );
  });

  it('leaves non-web URLs and empty quotes alone', () => {
    expect(textFragmentUrl('javascript:alert(1)', 'x')).toBe('javascript:alert(1)');
    expect(textFragmentUrl('https://a.example/p', '  ')).toBe('https://a.example/p');
  });
});
