import { afterEach, describe, expect, it } from 'vitest';
import { ReadingSession, type BackgroundLink } from '../../../entrypoints/content/session';
import { detectClaims } from '../../../utils/claims';
import type { PageStart } from '../../../utils/messaging/protocol';

/** Waits (polling) until `ready` holds. */
async function until(ready: () => boolean | Promise<boolean>, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A background that answers page:state with `pageState`, page:open with nothing stored, and is not asked anything else here. */
function linkStarting(pageState: BackgroundLink['pageState'], opened: unknown[] = []): BackgroundLink {
  return {
    pageState,
    openPage: (page) => {
      opened.push(page);
      return Promise.resolve({ pageUrl: page.href, stored: [], earlier: {}, allowed: true });
    },
    review: () => Promise.reject(new Error('not used')),
    dismiss: () => Promise.reject(new Error('not used')),
    reportAnchors: () => Promise.resolve(),
    badge: () => Promise.resolve(),
    anchor: () => Promise.resolve([]),
  };
}

/** A 'page:state' answer (nothing stored, highlighting allowed) that notes each page that asked. */
function answerAllowed(asked: unknown[]): BackgroundLink['pageState'] {
  return (page) => {
    asked.push(page);
    return Promise.resolve({ pageUrl: page.href, stored: [], allowed: true });
  };
}

const controller = { current: new AbortController() };
afterEach(() => controller.current.abort());

/** A session on this document, torn down after the test. */
function sessionWith(link: BackgroundLink, detect: typeof detectClaims = detectClaims): ReadingSession {
  controller.current = new AbortController();
  return new ReadingSession({ doc: document, signal: controller.current.signal, link, detect, pageKey: (info) => info.href });
}

describe('ReadingSession', () => {
  it('reads again what the page changed after the first pass read it, before that pass ended', async () => {
    document.head.innerHTML = '<meta property="og:type" content="article">';
    document.body.innerHTML = `<article><h1>Storm closes crossings</h1>
      <p id="lede">The storm closed every crossing in the county overnight, the coastguard said on Tuesday.</p>
      <p>Roads along the coast stayed shut until the evening, and the buses ran on their winter timetable.</p></article>`;
    // The first pass waits for the background's first answer after detecting: this test holds that
    // answer back, so the page changes while the pass is still running, after it read the text.
    let answer: (state: PageStart) => void = () => undefined;
    const firstAnswer = new Promise<PageStart>((resolve) => (answer = resolve));
    let asked = 0;
    const link = linkStarting((page) => (asked++ === 0 ? firstAnswer : Promise.resolve({ pageUrl: page.href, stored: [], allowed: true })));
    let detected = 0;
    const session = sessionWith(link, (texts) => {
      detected += 1;
      return detectClaims(texts);
    });
    const started = session.start();
    await until(() => detected === 1 && asked === 1);
    const late = document.createElement('p');
    late.textContent = 'The ferry will reopen within two days, a spokesman for the county council said.';
    document.getElementById('lede')?.after(late);
    answer({ pageUrl: location.href, stored: [], allowed: true });
    await started;
    const texts = async () => (await session.pageClaims()).claims.map((claim) => claim.snapshot.text);
    await until(async () => (await texts()).some((text) => text.includes('The ferry will reopen')));
    expect(await texts()).toEqual([expect.stringContaining('The storm closed every crossing'), expect.stringContaining('The ferry will reopen')]);
  });

  it('records the visit of an article without claims once it was read (asking for its state records nothing)', async () => {
    document.head.innerHTML = '<meta property="og:type" content="article">';
    document.body.innerHTML = `<article><h1>Tide tables for the week</h1>
      <p>High water at the harbour is at six in the morning and again shortly before seven in the evening.</p>
      <p>Low water follows about six hours later, with the lowest tide of the month expected on Friday.</p></article>`;
    const asked: unknown[] = [];
    const opened: unknown[] = [];
    const session = sessionWith(linkStarting(answerAllowed(asked), opened));
    await session.start();
    expect((await session.pageClaims()).claims).toEqual([]);
    await until(() => opened.length === 1);
    expect(asked).toHaveLength(1);
  });

  it('leaves a measure of its article check, with what it decided, for the benchmark', async () => {
    document.head.innerHTML = '';
    document.body.innerHTML = '<nav><a href="/a">Home</a></nav><main><button>Sign in</button></main>';
    performance.clearMeasures('claimtrail:article-check');
    const opened: unknown[] = [];
    const session = sessionWith(linkStarting(answerAllowed(opened), opened));
    await session.start();
    const [check] = performance.getEntriesByName('claimtrail:article-check') as PerformanceMeasure[];
    expect(check?.detail).toEqual({ article: false });
    expect(check?.duration).toBeGreaterThanOrEqual(0);
    expect(session.kind).toBe('not-article');
    expect(opened).toEqual([]);
  });
});
