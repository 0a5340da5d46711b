import { describe, expect, it } from 'vitest';
import { createPainter, highlightApi } from '../../../utils/highlight/painter';
import { HIGHLIGHT_NAMES } from '../../../utils/highlight/styles';

function mount(html: string): HTMLElement {
  document.body.innerHTML = `<div id="root">${html}</div>`;
  return document.getElementById('root') as HTMLElement;
}

function rangeOf(node: Node, start: number, endNode: Node, end: number): Range {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(endNode, end);
  return range;
}

/** Minimal stand-in for the CSS Custom Highlight API, which happy-dom lacks. */
class FakeHighlight extends Set<AbstractRange> {
  priority = 0;
}

function fakeApi() {
  const registry = new Map<string, FakeHighlight>();
  return {
    registry,
    api: { registry, create: () => new FakeHighlight() },
    texts: (name: string) => [...(registry.get(name) ?? [])].map((range) => (range as Range).toString()),
  };
}

describe('highlightApi', () => {
  it('is null where CSS.highlights is missing (happy-dom), so the wrap fallback runs', () => {
    expect(highlightApi(window as unknown as Window & typeof globalThis)).toBeNull();
    expect(createPainter(document).mode).toBe('wrap');
  });
});

describe('Highlight API painter', () => {
  it('puts each claim in the highlight named after its status and moves it on a status change', () => {
    const root = mount('<p>Alpha said one thing. Beta said another.</p>');
    const text = root.querySelector('p')?.firstChild as Text;
    const before = root.innerHTML;
    const { api, texts, registry } = fakeApi();
    const painter = createPainter(document, api);
    expect(painter.mode).toBe('highlight-api');
    painter.paint([
      { id: 'a', ranges: [rangeOf(text, 0, text, 21)], status: 'unreviewed' },
      { id: 'b', ranges: [rangeOf(text, 22, text, 40)], status: 'verified' },
    ]);
    expect(texts(HIGHLIGHT_NAMES.unreviewed)).toEqual(['Alpha said one thing.']);
    expect(texts(HIGHLIGHT_NAMES.verified)).toEqual(['Beta said another.']);
    painter.setStatus('a', 'disputed');
    expect(texts(HIGHLIGHT_NAMES.unreviewed)).toEqual([]);
    expect(texts(HIGHLIGHT_NAMES.disputed)).toEqual(['Alpha said one thing.']);
    painter.focus('b', [rangeOf(text, 27, text, 31)]);
    expect(texts(HIGHLIGHT_NAMES.focus)).toEqual(['Beta said another.', 'said']);
    expect(registry.get(HIGHLIGHT_NAMES.focus)?.priority).toBeGreaterThan(registry.get(HIGHLIGHT_NAMES.verified)?.priority ?? 9);
    expect(root.innerHTML).toBe(before);
    painter.clear();
    expect([...registry.keys()]).toEqual([]);
  });

  it('repaints by difference: unchanged claims are not added again, removed and changed ones are', () => {
    const root = mount('<p>Alpha said one thing. Beta said another. Gamma said a third.</p>');
    const text = root.querySelector('p')?.firstChild as Text;
    const { api, texts, registry } = fakeApi();
    const painter = createPainter(document, api);
    const a = { id: 'a', ranges: [rangeOf(text, 0, text, 21)], status: 'unreviewed' as const };
    const b = { id: 'b', ranges: [rangeOf(text, 22, text, 40)], status: 'unreviewed' as const };
    const c = { id: 'c', ranges: [rangeOf(text, 41, text, 60)], status: 'unreviewed' as const };
    painter.paint([a, b]);
    const unreviewed = registry.get(HIGHLIGHT_NAMES.unreviewed) as FakeHighlight;
    const added: string[] = [];
    const add = unreviewed.add.bind(unreviewed);
    unreviewed.add = (range: AbstractRange) => {
      added.push((range as Range).toString());
      return add(range);
    };
    painter.paint([a, { ...b, status: 'verified' }, c]);
    expect(added).toEqual(['Gamma said a third.']);
    expect(texts(HIGHLIGHT_NAMES.unreviewed)).toEqual(['Alpha said one thing.', 'Gamma said a third.']);
    expect(texts(HIGHLIGHT_NAMES.verified)).toEqual(['Beta said another.']);
    painter.paint([c]);
    expect(texts(HIGHLIGHT_NAMES.unreviewed)).toEqual(['Gamma said a third.']);
    expect(texts(HIGHLIGHT_NAMES.verified)).toEqual([]);
  });

  it('keeps a range two claims share until neither is painted with it', () => {
    const root = mount('<p>Alpha said one thing.</p>');
    const text = root.querySelector('p')?.firstChild as Text;
    const { api, texts } = fakeApi();
    const painter = createPainter(document, api);
    const shared = rangeOf(text, 0, text, 21);
    painter.paint([
      { id: 'detected', ranges: [shared], status: 'unreviewed' },
      { id: 'manual', ranges: [shared], status: 'unreviewed' },
    ]);
    painter.paint([{ id: 'manual', ranges: [shared], status: 'unreviewed' }]);
    expect(texts(HIGHLIGHT_NAMES.unreviewed)).toEqual(['Alpha said one thing.']);
    painter.setStatus('manual', 'verified');
    expect(texts(HIGHLIGHT_NAMES.unreviewed)).toEqual([]);
    expect(texts(HIGHLIGHT_NAMES.verified)).toEqual(['Alpha said one thing.']);
  });

  it('update() paints some claims and leaves the others as they are', () => {
    const root = mount('<p>Alpha said one thing. Beta said another.</p>');
    const text = root.querySelector('p')?.firstChild as Text;
    const { api, texts } = fakeApi();
    const painter = createPainter(document, api);
    painter.paint([{ id: 'a', ranges: [rangeOf(text, 0, text, 21)], status: 'unreviewed' }]);
    painter.update([{ id: 'b', ranges: [rangeOf(text, 22, text, 40)], status: 'disputed' }]);
    expect(texts(HIGHLIGHT_NAMES.unreviewed)).toEqual(['Alpha said one thing.']);
    expect(texts(HIGHLIGHT_NAMES.disputed)).toEqual(['Beta said another.']);
  });

  it('leaves a highlight the page registered under our name alone on clear', () => {
    const root = mount('<p>text</p>');
    const text = root.querySelector('p')?.firstChild as Text;
    const { api, registry } = fakeApi();
    const painter = createPainter(document, api);
    painter.paint([{ id: 'a', ranges: [rangeOf(text, 0, text, 4)], status: 'unreviewed' }]);
    const pages = new FakeHighlight();
    registry.set(HIGHLIGHT_NAMES.unreviewed, pages);
    painter.clear();
    expect(registry.get(HIGHLIGHT_NAMES.unreviewed)).toBe(pages);
  });
});

describe('wrap painter (fallback)', () => {
  it('wraps claim text in marks across inline elements and restores the exact DOM on clear', () => {
    const root = mount('<p>“The <a href="#">discussion</a> has <em>started now</em>,” said Allawi. Other text.</p>');
    const paragraph = root.querySelector('p') as HTMLElement;
    const before = root.innerHTML;
    const originalNodes = [...paragraph.childNodes];
    const first = paragraph.firstChild as Text;
    const em = paragraph.querySelector('em')?.firstChild as Text;
    const painter = createPainter(document, null);
    painter.paint([{ id: 'q', ranges: [rangeOf(first, 1, em, 11)], status: 'unreviewed' }]);
    const marks = [...root.querySelectorAll('mark[data-claimtrail]')];
    expect(marks.map((mark) => mark.textContent).join('')).toBe('The discussion has started now');
    expect(marks.every((mark) => mark.getAttribute('data-claimtrail') === 'unreviewed')).toBe(true);
    expect(painter.idAtElement(marks[1] ?? null)).toBe('q');

    painter.setStatus('q', 'verified');
    expect(marks.every((mark) => mark.getAttribute('data-claimtrail') === 'verified')).toBe(true);
    painter.focus('q');
    expect(marks.every((mark) => mark.hasAttribute('data-claimtrail-focus'))).toBe(true);

    painter.clear();
    expect(root.innerHTML).toBe(before);
    expect(root.querySelectorAll('mark').length).toBe(0);
    // The page's own text node objects are the ones in the DOM again.
    expect([...paragraph.childNodes]).toEqual(originalNodes);
    expect(paragraph.childNodes.length).toBe(originalNodes.length);
  });

  it('wraps several claims in one text node and undoes them all', () => {
    const root = mount('<p>One said this. Two said that. Three said more.</p>');
    const text = root.querySelector('p')?.firstChild as Text;
    const before = root.innerHTML;
    const painter = createPainter(document, null);
    painter.paint([
      { id: 'one', ranges: [rangeOf(text, 0, text, 14)], status: 'unreviewed' },
      { id: 'three', ranges: [rangeOf(text, 30, text, 46)], status: 'disputed' },
      { id: 'two', ranges: [rangeOf(text, 15, text, 29)], status: 'verified' },
    ]);
    expect([...root.querySelectorAll('mark')].map((mark) => [mark.textContent, mark.getAttribute('data-claimtrail')])).toEqual([
      ['One said this.', 'unreviewed'],
      ['Two said that.', 'verified'],
      ['Three said more.', 'disputed'],
    ]);
    painter.paint([{ id: 'two', ranges: [], status: 'verified' }]);
    expect(root.innerHTML).toBe(before);
    expect(root.querySelector('p')?.firstChild).toBe(text);
    expect(text.data).toBe('One said this. Two said that. Three said more.');
  });
});
