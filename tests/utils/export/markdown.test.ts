import { describe, expect, it } from 'vitest';
import { escapeMarkdown, markdownChunks } from '../../../utils/export/markdown';
import { exportedAt, sampleLibrary } from './sample-library';

describe('markdownChunks', () => {
  it('groups claims by page and makes all page text inert', () => {
    expect([...markdownChunks(sampleLibrary, { exportedAt })].join('')).toBe(
      `# ClaimTrail export

Exported 2026-11-26T12:00:00.000Z · 3 claims on 2 pages

## [ISIS \\& al-Qaida: \\<b\\>"alliance"\\</b\\> \\[talks\\]](<https://news.example.com/world/alliance>)

news.example.com · published 2026-11-20 · first seen 2026-11-21

> “The discussion has started now,”
>
> — **Ayad Allawi** (Iraqi Vice President), said · ✓ Verified · reviewed 2026-11-21
>
> Note: Checked against the "Reuters" wire, 2 sources.
> See \\[link\\](javascript:alert(1))

> \\=HYPERLINK("http://evil.example","click")
> \\+2
>
> — **the ministry**, according to · ✗ Disputed · reviewed 2026-11-22
>
> Note: \\@SUM(A1)

## [\\# Heading \\* item =1+1](<https://blog.example.org/post?id=1&x=2>)

blog.example.org · first seen 2026-11-23

> \\<img src=x onerror=alert(1)\\> 🎉 — \\\`code\\\` \\_under\\_ \\*star\\*
> 1\\. four spaces
>
> — Unknown speaker · Not reviewed
>
> Note: \\-1

`,
    );
  });

  it('links only web pages', () => {
    const library = {
      ...sampleLibrary,
      pages: [],
      claims: [{ ...sampleLibrary.claims[0]!, pageUrl: 'javascript:alert(1)' }],
    };
    const text = [...markdownChunks(library, { exportedAt })].join('');
    expect(text).toContain('## javascript:alert(1)\n');
    expect(text).not.toMatch(/[^\\]\]\(/);
  });

  it('encodes characters that would end an angle-bracket link destination', () => {
    const claim = { ...sampleLibrary.claims[0]!, pageUrl: 'https://x.example/a>b c\\' };
    const text = [...markdownChunks({ pages: [], claims: [claim], reviews: [] }, { exportedAt })].join('');
    expect(text).toContain('(<https://x.example/a%3Eb%20c%5C>)');
  });
});

describe('escapeMarkdown', () => {
  it.each([
    ['[click](https://evil.example)', '\\[click\\](https://evil.example)'],
    ['![img](x)', '!\\[img\\](x)'],
    ['<script>alert(1)</script>', '\\<script\\>alert(1)\\</script\\>'],
    ['&lt;b&gt;', '\\&lt;b\\&gt;'],
    ['# h1', '\\# h1'],
    ['- item\n+ item\n* item', '\\- item\n\\+ item\n\\* item'],
    ['3. third\n4) fourth', '3\\. third\n4\\) fourth'],
    ['Title\n===', 'Title\n\\==='],
    ['    code block', 'code block'],
    ['a | b\n--|--', 'a \\| b\n\\--\\|--'],
    ['~~gone~~ `x`', '\\~\\~gone\\~\\~ \\`x\\`'],
    ['[^1]: footnote', '\\[^1\\]: footnote'],
    ['back\\slash', 'back\\\\slash'],
    ['line\r\nbreaks\rhere', 'line\nbreaks\nhere'],
    ['plain text, U.S. 1990s.', 'plain text, U.S. 1990s.'],
  ])('%j → %j', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output);
  });
});
