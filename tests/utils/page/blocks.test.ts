import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractBlocks, extractBlocksSync } from '../../../utils/page/blocks';
import { joinBlocks, rangesForSpan, textNodeExtent } from '../../../utils/page/article-text';
import { findArticleRoot } from '../../../utils/page/article';

// Vitest runs from the repository root; happy-dom gives import.meta.url an http: scheme.
const FIXTURES = join(process.cwd(), 'tests/fixtures');

function mount(html: string): HTMLElement {
  document.body.innerHTML = `<div id="root">${html}</div>`;
  return document.getElementById('root') as HTMLElement;
}

function spanOf(text: string, needle: string): [number, number] {
  const start = text.indexOf(needle);
  expect(start, `"${needle}" in "${text}"`).toBeGreaterThanOrEqual(0);
  return [start, start + needle.length];
}

describe('extractBlocks', () => {
  it('reads a text node’s data once, however many words it has (Firefox copies it on every read)', () => {
    const root = mount('<p>placeholder</p>');
    const text = root.querySelector('p')?.firstChild as Text;
    const words = 'The chairman said on Tuesday that the committee will publish. '.repeat(50);
    const data = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Object.getPrototypeOf(text)) as object, 'data');
    text.data = words;
    let reads = 0;
    Object.defineProperty(text, 'data', {
      configurable: true,
      get() {
        reads += 1;
        return data?.get?.call(text) as string;
      },
    });
    const blocks = extractBlocksSync(root);
    expect(blocks[0]?.text).toBe(words.trim());
    expect(reads).toBe(1);
  });

  it('makes one block per paragraph, list item and block quote, collapsing whitespace like CSS', () => {
    const root = mount(`
      <p>  First   paragraph,\n   with <em>inline</em>
         markup. </p>
      <ul><li>An item</li><li>Another   item</li></ul>
      <blockquote>Quoted words</blockquote>`);
    const blocks = extractBlocksSync(root);
    expect(blocks.map((block) => block.text)).toEqual([
      'First paragraph, with inline markup.',
      'An item',
      'Another item',
      'Quoted words',
    ]);
    expect(blocks[0]?.element.tagName).toBe('P');
  });

  it('skips code, hidden content, headlines, figures and furniture, but keeps h2 as a heading block', () => {
    const root = mount(`
      <h1>Headline</h1>
      <script>var said = 1;</script><style>p{}</style><noscript>Enable JS</noscript>
      <p>Visible <span hidden>hidden</span><span aria-hidden="true">aria</span><span style="display:none">none</span>text.</p>
      <figure><img alt=""><figcaption>Photo credit</figcaption></figure>
      <div class="share-bar">Share this on Facebook</div>
      <div class="byline">By Someone</div>
      <div class="newsletter-signup">Get the newsletter</div>
      <ul class="related-stories"><li>Other story</li></ul>
      <nav>Menu</nav><aside>Sidebar</aside><button>Click</button>
      <h2>Subheading</h2>
      <p class="license">Content licensed under terms.</p>
      <p>Last.</p>`);
    const blocks = extractBlocksSync(root);
    expect(blocks.map((block) => block.text)).toEqual(['Visible text.', 'Subheading', 'Last.']);
    expect(blocks.map((block) => block.heading)).toEqual([false, true, false]);
  });

  it('leaves out a block quote that repeats words of a paragraph near it (a pull quote), not one that quotes something new', () => {
    const said = '<p>“The river decides when we work now, not the calendar,” said Diallo.</p>';
    const filler = '<p>Other paragraph.</p>';
    const texts = (html: string) => extractBlocksSync(mount(html)).map((block) => block.text);
    expect(texts(`<blockquote>“The river decides when we work now, not the calendar.”</blockquote>${said}`)).toEqual([said.slice(3, -4)]);
    expect(texts(`${said}${filler.repeat(3)}<blockquote><p>The river decides when we work now, not the calendar</p></blockquote>`)).toEqual([said.slice(3, -4), 'Other paragraph.', 'Other paragraph.', 'Other paragraph.']);
    expect(texts(`<blockquote>“We will appeal against this ruling.”</blockquote>${said}`)).toHaveLength(2);
    // Far from the words it repeats, or too short to tell: kept.
    expect(texts(`<blockquote>“The river decides when we work now, not the calendar.”</blockquote>${filler.repeat(7)}${said}`)).toHaveLength(9);
    expect(texts(`<blockquote>“Not the calendar.”</blockquote>${said}`)).toHaveLength(2);
    // A paragraph that repeats words of another outside a block quote is kept.
    expect(texts(`<p>not the calendar, said Diallo's son</p>${said}`)).toHaveLength(2);
  });

  it('skips lists that are nearly all links (related-story lists)', () => {
    const root = mount(`<p>Body text here.</p><ul><li><a href="/a">Story A</a></li><li><a href="/b">Story B</a></li></ul>`);
    expect(extractBlocksSync(root).map((block) => block.text)).toEqual(['Body text here.']);
  });

  it('does not skip a furniture-named wrapper that holds most of the article', () => {
    const root = mount(`<div class="story-author-content"><p>The whole story is in here, all of it.</p></div><p>x</p>`);
    expect(extractBlocksSync(root).map((block) => block.text)).toEqual(['The whole story is in here, all of it.', 'x']);
  });

  it('turns <br> into a space that maps to no text node', () => {
    const root = mount('<p>one<br>two</p>');
    const [block] = extractBlocksSync(root);
    expect(block?.text).toBe('one two');
    expect(block?.runs.map((run) => [run.start, run.length])).toEqual([[0, 3], [4, 3]]);
  });

  it('reads custom elements laid out as blocks as blocks, inline ones as part of their sentence', () => {
    const root = mount(`<style>story-paragraph, story-heading { display: block }</style>
      <story-paragraph>First one, <x-name>Jane Roe</x-name> said.</story-paragraph><story-paragraph>Second one.</story-paragraph>
      <story-body><p>In a p.</p><p>Another.</p></story-body>`);
    expect(extractBlocksSync(root).map((block) => block.text)).toEqual(['First one, Jane Roe said.', 'Second one.', 'In a p.', 'Another.']);
  });

  it('keeps <pre> text verbatim', () => {
    const root = mount('<pre>a  b\n c</pre>');
    expect(extractBlocksSync(root)[0]?.text).toBe('a  b\n c');
  });

  it('gives the same blocks when run in chunks with pauses', async () => {
    const html = Array.from({ length: 40 }, (_, index) => `<p>Paragraph <b>${index}</b> says   something.</p>`).join('\n');
    const root = mount(html);
    let pauses = 0;
    const chunked = await extractBlocks(root, { checkEvery: 7, pause: () => { pauses += 1; } });
    expect(pauses).toBeGreaterThan(5);
    expect(chunked.map((block) => block.text)).toEqual(extractBlocksSync(root).map((block) => block.text));
  });
});

describe('offset map and ranges', () => {
  it('maps every block character back to the DOM character it came from', () => {
    const root = mount(`<p>  “The  <a href="#">discussion</a>\n has <em>started</em> now,” said   Allawi. </p><p>Next<br>line</p>`);
    const article = joinBlocks(extractBlocksSync(root));
    for (const block of article.blocks) {
      for (const run of block.runs) {
        const fromDom = run.node.data.slice(run.nodeStart, run.nodeStart + run.length).replace(/[ \t\n\r\f]/g, ' ');
        expect(fromDom).toBe(block.text.slice(run.start, run.start + run.length));
      }
    }
  });

  it('collapses any mix of whitespace and inline markup like CSS, every run a 1:1 copy of its text node', () => {
    const piece = fc.oneof(
      fc.constantFrom('word', 'x', '“Quote,”', 'Allawi.', 'a-b'),
      fc.constantFrom(' ', '  ', '\n', ' \t ', '\r\n', '\f'),
    );
    const node = fc.array(piece, { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(fc.tuple(node, fc.constantFrom('', 'em', 'a')), { minLength: 1, maxLength: 6 }), (nodes) => {
        const root = mount(`<p>${nodes.map(([text, tag]) => (tag ? `<${tag}>${text}</${tag}>` : text)).join('')}</p>`);
        const paragraph = root.querySelector('p') as HTMLElement;
        const expected = (paragraph.textContent ?? '').replace(/[ \t\n\r\f]+/g, ' ').trim();
        const blocks = extractBlocksSync(root);
        expect(blocks.map((block) => block.text)).toEqual(expected === '' ? [] : [expected]);
        let covered = 0;
        for (const block of blocks) {
          block.runs.forEach((run, index) => {
            const fromDom = run.node.data.slice(run.nodeStart, run.nodeStart + run.length).replace(/[ \t\n\r\f]/g, ' ');
            expect(fromDom).toBe(block.text.slice(run.start, run.start + run.length));
            const previous = block.runs[index - 1];
            if (previous) expect(run.start).toBeGreaterThanOrEqual(previous.start + previous.length);
            covered += run.length;
          });
        }
        // No <br>: every character of the text comes from the DOM.
        expect(covered).toBe(expected.length);
      }),
      { numRuns: 300 },
    );
  });

  it('turns a span split across <a> and <em> into one exact Range', () => {
    const root = mount(`<p>“The <a href="#">discussion</a> has <em>started   now</em>,” said Allawi.</p>`);
    const article = joinBlocks(extractBlocksSync(root));
    const span = spanOf(article.text, 'discussion has started now');
    const ranges = rangesForSpan(article, span);
    expect(ranges).toHaveLength(1);
    expect(ranges[0]?.toString()).toBe('discussion has started   now');
  });

  it('finds the article text a text node gave, for hit-testing clicks', () => {
    const root = mount(`<p>“The <a href="#">discussion</a> has <em>started   now</em>,” said Allawi.</p><nav>Menu</nav>`);
    const article = joinBlocks(extractBlocksSync(root));
    const textOf = (node: Node | null | undefined) => {
      const extent = textNodeExtent(article, node as Text);
      return extent && article.text.slice(extent[0], extent[1]);
    };
    expect(textOf(root.querySelector('a')?.firstChild)).toBe('discussion');
    expect(textOf(root.querySelector('a')?.nextSibling)).toBe(' has ');
    expect(textOf(root.querySelector('em')?.firstChild)).toBe('started now');
    expect(textOf(root.querySelector('nav')?.firstChild)).toBeNull();
  });

  it('splits a span that crosses a paragraph break into one Range per block', () => {
    const root = mount('<p>“First part of a quote</p><aside>ad</aside><p>and its end,” he said.</p>');
    const article = joinBlocks(extractBlocksSync(root));
    expect(article.text).toBe('“First part of a quote\n\nand its end,” he said.');
    const span = spanOf(article.text, 'First part of a quote\n\nand its end');
    expect(rangesForSpan(article, span).map((range) => range.toString())).toEqual(['First part of a quote', 'and its end']);
  });

  it('snaps spans that start or end on a <br> space to the neighbouring text', () => {
    const root = mount('<p>alpha<br>beta</p>');
    const article = joinBlocks(extractBlocksSync(root));
    expect(rangesForSpan(article, [5, 10])[0]?.toString()).toBe('beta');
    expect(rangesForSpan(article, [0, 6])[0]?.toString()).toBe('alpha');
  });

  it('gives no range for an empty span', () => {
    const root = mount('<p>alpha</p>');
    expect(rangesForSpan(joinBlocks(extractBlocksSync(root)), [2, 2])).toEqual([]);
  });
});

describe('seed article', () => {
  const html = readFileSync(join(FIXTURES, 'seed-article.html'), 'utf8');
  const expected = JSON.parse(readFileSync(join(FIXTURES, 'seed-article.expected.json'), 'utf8')) as {
    claims: { content: string }[];
    mustNotFlag: string[];
  };

  it('extracts the story and none of the sidebar, footer, byline or licence', () => {
    document.open();
    document.write(html);
    document.close();
    const root = findArticleRoot(document);
    expect(root?.className).toBe('article-body');
    const article = joinBlocks(extractBlocksSync(root as Element));
    for (const claim of expected.claims) expect(article.text).toContain(claim.content);
    for (const furniture of ['Pentagon says budget talks', 'Senators react', 'Content created by The Daily Caller', 'Russ Read on', 'All rights reserved', 'Trending']) {
      expect(article.text).not.toContain(furniture);
    }
  });
});
