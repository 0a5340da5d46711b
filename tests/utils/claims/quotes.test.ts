import { describe, expect, it } from 'vitest';
import { pairQuotes } from '../../../utils/claims/quotes';
import { segment } from '../../../utils/claims/sentences';
import { tokenize } from '../../../utils/claims/tokens';

const quoted = (text: string) => {
  const t = tokenize(text);
  const q = pairQuotes(t, segment(t));
  return q.list.map(({ open, close, group }) => ({ text: text.slice(t.start[open], t.end[close]), group }));
};

describe('pairQuotes', () => {
  it('pairs curly and straight quotes', () => {
    expect(quoted('“One,” he said, "two."').map((q) => q.text)).toEqual(['“One,”', '"two."']);
  });

  it('pairs the two-apostrophe marks and guillemets', () => {
    expect(quoted("''Yes,'' she said. «Non», dit-il.").map((q) => q.text)).toEqual(["''Yes,''", '«Non»']);
  });

  it('ignores apostrophes and nested single quotes', () => {
    expect(quoted('“It’s ‘fine,’ they said,” he said.').map((q) => q.text)).toEqual(['“It’s ‘fine,’ they said,”']);
  });

  it('pairs single-quoted quotations, the British convention, curly and straight', () => {
    expect(quoted("‘We are building homes,’ she said. 'Not enough,' he said.").map((q) => q.text)).toEqual(['‘We are building homes,’', "'Not enough,'"]);
  });

  it('keeps double quotes inside a single-quoted quotation nested', () => {
    expect(quoted('‘He called it “a farce”,’ she said.').map((q) => q.text)).toEqual(['‘He called it “a farce”,’']);
  });

  it('leaves apostrophes that close nothing alone', () => {
    expect(quoted("The voters’ choice was clear in the '90s, and rock 'n roll won.")).toEqual([]);
    expect(quoted('A ‘dangling mark with no end.')).toEqual([]);
  });

  it('stays linear on thousands of single opening marks', () => {
    expect(quoted('‘a '.repeat(10000))).toEqual([]);
  });

  it('continues a quote left open into the next paragraph that reopens it', () => {
    const q = quoted('“First part.\n\n“Second part.”');
    expect(q).toHaveLength(2);
    expect(q[0]!.group).toBe(q[1]!.group);
  });

  it('ends an unclosed quote at its paragraph when the next one does not reopen it', () => {
    const q = quoted('“Never closed.\n\nPlain text.');
    expect(q.map((x) => x.text)).toEqual(['“Never closed.']);
  });

  it('stays linear on thousands of quote marks', () => {
    expect(quoted('"'.repeat(10000)).length).toBe(5000);
  });
});
