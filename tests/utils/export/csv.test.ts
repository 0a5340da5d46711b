import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvChunks, FORMULA_TRIGGER } from '../../../utils/export/csv';
import { sampleLibrary } from './sample-library';

const csv = (library = sampleLibrary) => [...csvChunks(library)].join('');

describe('csvChunks', () => {
  it('writes the exact RFC 4180 file: BOM, header, CRLF rows, quoted fields, neutralized formulas', () => {
    expect(csv()).toBe(
      '\ufeffPage URL,Page title,Site,Speaker,Role,Cue,Kind,Claim,Status,Note,Reviewed at,Detected at\r\n' +
      'https://news.example.com/world/alliance,"ISIS & al-Qaida: <b>""alliance""</b> [talks]",news.example.com,Ayad Allawi,Iraqi Vice President,said,direct,"The discussion has started now,",verified,"Checked against the ""Reuters"" wire, 2 sources.\nSee [link](javascript:alert(1))",2026-11-21T08:05:00.000Z,2026-11-21T08:00:01.000Z\r\n' +
      'https://news.example.com/world/alliance,"ISIS & al-Qaida: <b>""alliance""</b> [talks]",news.example.com,the ministry,,according to,indirect,"\'=HYPERLINK(""http://evil.example"",""click"")\n+2",disputed,"\'@SUM(A1)",2026-11-22T09:00:00.000Z,2026-11-21T08:00:02.000Z\r\n' +
      'https://blog.example.org/post?id=1&x=2,"# Heading\n* item =1+1",blog.example.org,,,,mixed,"<img src=x onerror=alert(1)> 🎉 — `code` _under_ *star*\n    1. four spaces",unreviewed,"\'-1",,2026-11-23T10:00:05.000Z\r\n',
    );
  });

  it('reads back with a CSV parser to the same cells (apart from the formula guard)', () => {
    const text = csv().slice(1);
    const parsed = Papa.parse<string[]>(text, { newline: '\r\n', skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data).toHaveLength(4);
    expect(parsed.data[1]?.[7]).toBe('The discussion has started now,');
    expect(parsed.data[2]?.[7]).toBe('\'=HYPERLINK("http://evil.example","click")\n+2');
    expect(parsed.data[3]?.[7]).toBe('<img src=x onerror=alert(1)> 🎉 — `code` _under_ *star*\n    1. four spaces');
  });

  it.each([
    ['=1+1'], ['+1'], ['-1'], ['@SUM(A1)'], ['\t=1'], ['\r=1'], ['\n=1'], ['  =1+1'], ['\u00a0=1'], ['＝1+1'],
    ['=HYPERLINK("x")\nsecond line'], ['＠x'], ['－1'], ['＋1'],
  ])('neutralizes %j, which a spreadsheet could run', (value) => {
    expect(FORMULA_TRIGGER.test(value)).toBe(true);
    const claim = { ...sampleLibrary.claims[0]!, text: value };
    const cells = Papa.parse<string[]>(csv({ ...sampleLibrary, claims: [claim] }).slice(1), { newline: '\r\n' }).data[1];
    expect(cells?.[7]).toBe(`'${value}`);
  });

  it.each([['a = b'], ['email@example.com'], ['5 - 3'], ['“=quoted”'], ['']])('leaves %j alone', (value) => {
    expect(FORMULA_TRIGGER.test(value)).toBe(false);
  });

  it('writes only the header for an empty library, and chunks a large one', () => {
    expect(csv({ pages: [], claims: [], reviews: [] })).toBe(
      '\ufeffPage URL,Page title,Site,Speaker,Role,Cue,Kind,Claim,Status,Note,Reviewed at,Detected at\r\n',
    );
    const many = Array.from({ length: 1200 }, (_, i) => ({ ...sampleLibrary.claims[0]!, id: `c${i}` }));
    const chunks = [...csvChunks({ ...sampleLibrary, claims: many })];
    expect(chunks).toHaveLength(4);
    expect(chunks.join('').split('\r\n')).toHaveLength(1200 + 2);
  });
});
