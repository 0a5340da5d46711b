import { describe, expect, it } from 'vitest';
import { hashWord, Tk, tokenize } from '../../../utils/claims/tokens';

const words = (text: string) => {
  const t = tokenize(text);
  const out: string[] = [];
  for (let i = 0; i < t.length; i++) out.push(`${t.kind[i]}:${text.slice(t.start[i], t.end[i])}`);
  return out;
};

describe('tokenize', () => {
  it('keeps apostrophes, hyphens and abbreviation periods inside words', () => {
    expect(words('ISIS’s al-Qaida don’t U.S. Mr. Smith')).toEqual([
      `${Tk.Word}:ISIS’s`, `${Tk.Word}:al-Qaida`, `${Tk.Word}:don’t`, `${Tk.Word}:U.S.`, `${Tk.Word}:Mr.`, `${Tk.Word}:Smith`,
    ]);
  });

  it('keeps a thousands separator inside a number, and a comma between words or after a number as punctuation', () => {
    expect(words('1,000 adults, 12,500 jobs in 2016, 40 more')).toEqual([
      `${Tk.Word}:1,000`, `${Tk.Word}:adults`, `${Tk.Punct}:,`, `${Tk.Word}:12,500`, `${Tk.Word}:jobs`, `${Tk.Word}:in`, `${Tk.Word}:2016`, `${Tk.Punct}:,`, `${Tk.Word}:40`, `${Tk.Word}:more`,
    ]);
  });

  it('does not take a sentence period into an ordinary word', () => {
    expect(words('It ended.')).toEqual([`${Tk.Word}:It`, `${Tk.Word}:ended`, `${Tk.Punct}:.`]);
  });

  it('makes quote tokens of double quotes, guillemets and two apostrophes, but not of apostrophes', () => {
    const t = tokenize(`"a" “b” «c» ''d'' \`\`e'' f’`);
    const kinds = Array.from(t.kind.slice(0, t.length));
    expect(kinds.filter((k) => k === Tk.Quote)).toHaveLength(10);
  });

  it('reads three apostrophes after a quotation as a closing single mark, then the closing double one', () => {
    expect(words(`''He said, 'no,''' she said. ''' x`)).toEqual([
      `${Tk.Quote}:''`, `${Tk.Word}:He`, `${Tk.Word}:said`, `${Tk.Punct}:,`, `${Tk.Punct}:'`, `${Tk.Word}:no`, `${Tk.Punct}:,`,
      `${Tk.Punct}:'`, `${Tk.Quote}:''`, `${Tk.Word}:she`, `${Tk.Word}:said`, `${Tk.Punct}:.`, `${Tk.Quote}:''`, `${Tk.Punct}:'`, `${Tk.Word}:x`,
    ]);
  });

  it('keeps every token when closing triple apostrophes fill the arrays two at a time', () => {
    // Seven characters and five tokens per repeat: the arrays, sized for news, grow, and at some
    // lengths the two tokens of a triple land on their last free slot.
    for (let n = 1; n <= 400; n++) {
      const t = tokenize(`a,b''' `.repeat(n));
      expect(t.length).toBe(5 * n);
      expect(t.end[t.length - 1]).toBe(7 * n - 1);
    }
  });

  it('emits one break token per run of newlines and marks blank lines', () => {
    const t = tokenize('a\nb\n\n\nc');
    const breaks = [];
    for (let i = 0; i < t.length; i++) if (t.kind[i] === Tk.Break) breaks.push(t.hash[i]);
    expect(breaks).toEqual([1, 2]);
  });

  it('hashes words case-insensitively and lower-cases on demand', () => {
    const t = tokenize('Said SAID said');
    expect(t.hash[0]).toBe(hashWord('said'));
    expect(t.hash[1]).toBe(t.hash[2]);
    expect(t.low(1)).toBe('said');
    expect(t.cap[0]).toBe(1);
    expect(t.cap[2]).toBe(0);
  });

  it('collapses runs of the same punctuation into one token', () => {
    expect(tokenize('!!!!!!!!!!').length).toBe(1);
  });

  it.each([
    ['letters beyond ASCII', 'Zoë Ångström ŁÓDŹ Ελλάδα Москва 東京', ['Zoë', 'Ångström', 'ŁÓDŹ', 'Ελλάδα', 'Москва', '東京']],
    ['Latin-1 signs that are letters', 'ºC µg x²', ['ºC', 'µg', 'x²']],
    ['typographic and zero-width spaces', 'a\u2009b\u00a0c\u200bd\u202fe\u3000f\ufeffg', ['a', 'b', 'c', 'd', 'e', 'f', 'g']],
    ['multiplication, division, dashes and CJK punctuation', 'a×b÷c\u2014d\u3001e', ['a', '×', 'b', '÷', 'c', '\u2014', 'd', '\u3001', 'e']],
  ])('classifies %s', (_what, text, expected) => {
    const t = tokenize(text);
    expect(Array.from({ length: t.length }, (_, i) => text.slice(t.start[i], t.end[i]))).toEqual(expected);
  });

  it('returns offsets into the input for non-ASCII text', () => {
    const text = 'Zoë Ça va — «oui»';
    const t = tokenize(text);
    expect(text.slice(t.start[0], t.end[0])).toBe('Zoë');
    expect(t.length).toBeGreaterThan(4);
  });
});
