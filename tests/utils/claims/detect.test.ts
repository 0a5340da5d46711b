import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateNews } from '../../../scripts/lib/newsgen';
import { detectInText } from '../../../utils/claims/detect';

const seed = readFileSync(resolve(dirname(fileURLToPath(import.meta.url)), '../../fixtures/seed-article.txt'), 'utf8');
const filler = 'The council met on Tuesday to discuss the budget for the coming year.\n\n'.repeat(8);
const quoted = (s: string, [a, b]: [number, number]): string => s.slice(a, b);

describe('detectInText in windows', () => {
  it('finds exactly what one pass over the whole text finds', () => {
    for (const text of [seed, generateNews(60_000, 3), generateNews(60_000, 11)]) {
      const whole = detectInText(text, Infinity);
      expect(whole.length).toBeGreaterThan(3);
      expect(detectInText(text, 512)).toEqual(whole);
    }
  });

  it('keeps who was named in an earlier window', () => {
    const text = `Ayad Allawi, Iraq’s vice president, said the talks would resume.\n\n${filler}Allawi said the discussion had started.`;
    const claims = detectInText(text, 100);
    expect(claims).toHaveLength(2);
    expect(claims[1]?.speaker).toEqual({ name: 'Ayad Allawi', role: 'Iraq’s vice president', type: 'person' });
    // Offsets are into the whole text, not into the window.
    expect(quoted(text, claims[1]?.content[0] ?? [0, 0])).toBe('the discussion had started');
  });

  it('never ends a window inside a quotation that runs over paragraphs', () => {
    const text = `${filler}“We will not accept this,” Allawi said. “The talks are over.\n\n“We will go to the courts instead.”`;
    const cut = text.indexOf('“We will go');
    // A window reaching just short of the continuing paragraph could only end there.
    const claims = detectInText(text, cut - 20);
    expect(claims).toEqual(detectInText(text, Infinity));
    expect(claims).toHaveLength(1);
    expect(quoted(text, claims[0]?.content.at(-1) ?? [0, 0])).toBe('“We will go to the courts instead.”');
  });

  it('never starts a window at the statement a "he said:" introduces', () => {
    const text = `${filler}In a speech last July, he said:\n\nLet no one be mistaken about what this candidacy means for us.`;
    const claims = detectInText(text, text.indexOf('Let no one') - 20);
    expect(claims).toEqual(detectInText(text, Infinity));
    expect(quoted(text, claims[0]?.content[0] ?? [0, 0])).toBe('Let no one be mistaken about what this candidacy means for us');
  });
});
