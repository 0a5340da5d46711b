import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportBlob, exportFileName, type ExportFormat } from '../../../utils/export/formats';
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
