/**
 * One reading session on one page: find the article, detect claims, paint them, keep them in step
 * with the page (mutations, SPA navigations), and review them in the card. Everything it starts is
 * tied to `signal`: when the extension reloads or is disabled, the session removes its highlights
 * and UI and stops observing.
 */
import { describe as describeSelectors, type AnchorResult, type ClaimSelectors } from '../../utils/anchoring';
import type { Span } from '../../utils/claims/types';
import type { ClaimRecord, ReviewStatus } from '../../utils/db/types';
import type {
  AnchorReport,
  ClaimSnapshot,
  EarlierVerdict,
  PageClaim,
  PageInfo,
  PageKind,
  PageRecordLike,
  PageOpened,
  PageStart,
  ReviewUpdate,
} from '../../utils/messaging/protocol';
import { createPainter, type Painter, type PaintItem } from '../../utils/highlight/painter';
import { claimAtPoint, nearRect, type HitIndex } from '../../utils/highlight/hit-test';
import { highlightCss, installStyleSheet, isDarkBehind } from '../../utils/highlight/styles';
import { bandAround, itemsInBand, rangesLeft, WINDOW_ABOVE_RANGES } from '../../utils/highlight/window';
import { findArticleRootInSlices, isArticlePage, readPageInfo } from '../../utils/page/article';
import { joinBlocksInSlices, rangesForSpan, textNodeExtent, type ArticleText } from '../../utils/page/article-text';
import { extractBlocks } from '../../utils/page/blocks';
import { createArticleDetector, SEGMENT_SIZES, type Detect, type SegmentSizes } from '../../utils/page/detect-article';
import { OWN_UI_ATTRIBUTE } from '../../utils/page/furniture';
import {
  detectedView,
  manualDetectorId,
  mergeStored,
  paintStatusOf,
  plainAnchor,
  unmatchedRecords,
  toPageClaim,
  toReviewCount,
  type ClaimView,
  type MergedClaims,
} from '../../utils/page/page-claims';
import { CLAIM_KEYS } from '../../utils/page/claim-keys';
import { articleOffset } from '../../utils/page/selection';
import { slicer, yieldToMain, type Slicer } from '../../utils/page/schedule';
import { siteOf } from '../../utils/url/normalize';
import { LazyCard } from './card-loader';

/** What the session needs from the background; the messaging implementation lives in link.ts. */
export interface BackgroundLink {
  pageState(page: PageInfo): Promise<PageStart>;
  openPage(page: PageInfo, claims: ClaimSnapshot[]): Promise<PageOpened>;
  review(update: ReviewUpdate): Promise<ClaimRecord>;
  dismiss(pageUrl: string, claim: ClaimSnapshot, claimId: string): Promise<ClaimRecord>;
  reportAnchors(report: AnchorReport): Promise<unknown>;
  badge(toReview: number): Promise<unknown>;
  /** Finds claims in `text` by their selectors (utils/anchoring, run by the background). */
  anchor(text: string, selectors: ClaimSelectors[]): Promise<AnchorResult[]>;
}

export interface SessionOptions {
  doc: Document;
  signal: AbortSignal;
  link: BackgroundLink;
  detect: Detect;
  /**
   * A stand-in for the key the background files this page under, used only if the background does not
   * answer: claim ids derive from the key, so the session asks the background for it ('page:state',
   * sent while the article is read and detected) rather than ship URL normalization in every page.
   */
  pageKey: (info: PageInfo) => string;
}

/** Mutations are batched: re-detection runs after a quiet spell, and at least this often under churn. */
const QUIET_MS = 250;
const MAX_WAIT_MS = 1000;
/** After load or an SPA navigation, keep looking for an article that renders late, this long. */
const LATE_ARTICLE_MS = 15_000;
const FLASH_MS = 1600;

/** DOM nodes read between checks of the slice budget. */
const EXTRACT_STEP_NODES = 32;
/**
 * Detection on a big page: calls over 4 KB of new text read after 3 KB of context (about the
 * detector's defaults halved, same share of context), a few ms each even in cold code on a busy
 * machine, where 8 KB segments after 6 KB were 10-15 ms of CPU; a speaker is resolved from the
 * context as often (generated news, 300 KB: 555 vs 531 of 2,101 speakers differ from one whole call).
 */
const DETECT_SIZES: SegmentSizes = { ...SEGMENT_SIZES, segmentChars: 4_000, contextChars: 3_000 };

/** How fast a joined text is copied into one string, taken low (a busy machine, a cold start). */
const FLATTEN_CHARS_PER_MS = 200_000;
/** What the first detector call is taken to cost: it starts a slice unless the current one has room. */
const DETECT_EXPECT_MS = 4;
/**
 * What a step over every claim in one piece (merging with the stored ones, settling the paint) is
 * taken to cost per claim: on a big page it starts a slice of its own.
 */
const PASS_MS_PER_CLAIM = 0.001;
/**
 * Claims' paint items built (and, on smaller pages, registered) between checks of the slice budget:
 * few, since building an item's Ranges (cold code, a busy machine) can take tens of µs a claim.
 */
const PAINT_CHUNK = 25;
/** Claims per 'page:open' message: serializing a message is one task, and 100 snapshots took 7-10 ms of CPU. */
const OPEN_BATCH = 50;
/** Most selectors one 'text:anchor' message may carry (LIMITS.claimsPerPage). */
const ANCHOR_BATCH = 5000;

/** Where a stored record was found in the current text holds while its id and quote stay the same. */
function locationKey(record: ClaimRecord): string {
  const { position, quote } = record.selectors;
  return `${record.id} ${position.start} ${position.end} ${quote.exact}`;
}

export class ReadingSession {
  readonly #options: SessionOptions;
  kind: PageKind = 'not-article';
  #enabled = true;
  #hidden = false;
  #generation = 0;
  #root: Element | null = null;
  #article: ArticleText | null = null;
  #detected: ClaimView[] = [];
  /** The claims last told to the background (null: none yet, so even a page without claims records its visit). */
  #detectedKey: string | null = null;
  #views = new Map<string, ClaimView>();
  #order: string[] = [];
  readonly #rangeCache = new Map<string, Range[]>();
  #stored: ClaimRecord[] = [];
  /** Stored records without a detected twin, found in the current article text (see locateStored). */
  readonly #located = new Map<string, AnchorResult>();
  #earlier: Record<string, EarlierVerdict> = {};
  #orphans: ClaimRecord[] = [];
  #pageUrl: string;
  #info: PageInfo;
  #errors = new Map<string, string>();
  #dark = false;
  #observer: MutationObserver | null = null;
  #observerController: AbortController | null = null;
  readonly #painter: Painter;
  #styles: ReturnType<typeof installStyleSheet> | null = null;
  #css = '';
  readonly #card: LazyCard;
  readonly #detector;
  /** The claim the keys moved to last, so the next key press continues from there. */
  #keyboardId: string | null = null;
  /** Where the open card's claim was clicked, in page coordinates (null when opened from the keyboard). */
  #clickedAt: { x: number; y: number } | null = null;
  /** Every claim's paint item in reading order; with very many, only those near the viewport are registered. */
  #allItems: PaintItem[] = [];
  #windowed = false;
  #bandFrame = 0;
  #flashTimer: ReturnType<typeof setTimeout> | undefined;
  #lastBadge = -1;
  /** The running (or last) start pass; see pageClaims. */
  #starting: Promise<void> = Promise.resolve();
  /** The background's first answer for this page (its key, what is stored, the switches), asked for at start. */
  #opening: Promise<PageStart | null> | null = null;
  /** The reading pass running now, for its generation; `again`: the page changed meanwhile, read it once more. */
  #reading: { generation: number; done: Promise<void>; again: boolean } | null = null;

  constructor(options: SessionOptions) {
    this.#options = options;
    const { doc, signal } = options;
    this.#painter = createPainter(doc);
    this.#detector = createArticleDetector(options.detect, DETECT_SIZES);
    this.#card = new LazyCard(doc, signal, () => this.#painter.focus(null));
    this.#info = readPageInfo(doc);
    this.#pageUrl = options.pageKey(this.#info);
    signal.addEventListener('abort', () => this.#teardown(), { once: true });
    doc.addEventListener('click', (event) => this.#onClick(event), { capture: true, signal });
    doc.addEventListener(
      'keydown',
      (event) => {
        // Closing a card that is not open does nothing.
        if (event.key === 'Escape' && !this.#card.contains(event)) this.#card.close();
      },
      { signal },
    );
    // Capture: a page handler that swallows keys must not take the reader's way to the claims away.
    doc.addEventListener('keydown', (event) => this.#onClaimKey(event), { capture: true, signal });
    const view = doc.defaultView;
    const follow = () => this.#followViewport();
    view?.addEventListener('scroll', follow, { passive: true, signal });
    view?.addEventListener('resize', follow, { passive: true, signal });
  }

  get #signal(): AbortSignal {
    return this.#options.signal;
  }

  /** A newer pass (navigation, restart, switch) took over from the one numbered `generation`, or the session ended. */
  #stale(generation: number): boolean {
    return generation !== this.#generation || this.#signal.aborted;
  }

  /** Starts (or restarts after a navigation or a settings change). */
  start(): Promise<void> {
    const pass = this.#startPass();
    this.#starting = pass.catch(() => undefined);
    return pass;
  }

  async #startPass(): Promise<void> {
    const generation = ++this.#generation;
    // Finding the article runs on the same slice budget as reading it: on a huge page it alone fills slices.
    const work = slicer();
    this.#stopObserving();
    if (!this.#enabled) {
      this.kind = 'disabled';
      return;
    }
    const { doc } = this.#options;
    const checkStart = performance.now();
    const article = isArticlePage(doc);
    // For scripts/bench-page.ts: what deciding cost (issue #4: under 1 ms on a page that is not an article).
    performance.measure('claimtrail:article-check', { start: checkStart, detail: { article } });
    if (!article) {
      this.kind = 'not-article';
      this.#watchForLateArticle(generation);
      return;
    }
    // Asked before the article is even found: the first paint waits for this answer, and asking
    // records nothing, so a page that turns out to hold no article has not been filed.
    this.#info = readPageInfo(doc);
    this.#pageUrl = this.#options.pageKey(this.#info);
    this.#opening = this.#options.link.pageState(this.#info).catch((error: unknown) => {
      this.#reportError(null, error);
      return null;
    });
    const root = await findArticleRootInSlices(doc, () => work.pause());
    if (this.#stale(generation) || !root) return;
    this.kind = 'article';
    this.#root = root;
    this.#dark = isDarkBehind(root);
    // Observed from now: what a page renders or appends while the first pass reads it (hydration, lazy
    // paragraphs, a swapped-in story) is read again once that pass ends.
    this.#observe(root, generation);
    await this.#read(generation, work);
    // Swapped before the observer was watching (an SPA navigation announces the URL before the new
    // story renders): no mutation would tell.
    if (!this.#stale(generation) && !root.isConnected) void this.start();
  }

  /**
   * Reads the article and paints it, one pass at a time: a change while a pass runs (on a big page one
   * takes seconds) is read once more after it, instead of a second pass racing the first to paint.
   */
  #read(generation: number, work?: Slicer): Promise<void> {
    const running = this.#reading;
    if (running?.generation === generation) {
      running.again = true;
      return running.done;
    }
    const reading = { generation, done: Promise.resolve(), again: true };
    const run = async (slices = work) => {
      try {
        while (reading.again && !this.#stale(generation)) {
          reading.again = false;
          await this.#refresh(generation, slices);
          slices = undefined;
        }
      } finally {
        if (this.#reading === reading) this.#reading = null;
      }
    };
    this.#reading = reading;
    return (reading.done = run());
  }

  /** Forgets the page (SPA navigation) and starts over on the new one. */
  restart(): Promise<void> {
    this.#clearPage();
    return this.start();
  }

  /** Global or per-site switch. Off: no highlights, no observing, no card. */
  setEnabled(enabled: boolean): Promise<void> | void {
    if (enabled === this.#enabled) return;
    this.#enabled = enabled;
    if (enabled) return this.start();
    this.#generation += 1;
    this.#clearPage();
    this.kind = 'disabled';
  }

  /** Keyboard command / popup: hide or show highlights on this page only. Returns whether they show. */
  toggleHighlights(): boolean {
    this.#hidden = !this.#hidden;
    if (this.#hidden) {
      this.#card.close();
      this.#painter.clear();
    } else {
      this.#paint();
    }
    return !this.#hidden;
  }

  #clearPage(): void {
    this.#stopObserving();
    this.#card.close();
    this.#painter.clear();
    this.#root = null;
    this.#opening = null;
    this.#article = null;
    this.#detected = [];
    this.#detectedKey = null;
    this.#views.clear();
    this.#order = [];
    this.#rangeCache.clear();
    this.#located.clear();
    this.#allItems = [];
    this.#windowed = false;
    this.#stored = [];
    this.#earlier = {};
    this.#orphans = [];
    this.#errors.clear();
    this.#sendBadge();
  }

  #teardown(): void {
    this.#generation += 1;
    clearTimeout(this.#flashTimer);
    // Scrolling no longer reaches #followViewport (its listeners go with the signal); drop a frame it asked for.
    this.#options.doc.defaultView?.cancelAnimationFrame(this.#bandFrame);
    this.#stopObserving();
    this.#painter.clear();
    this.#styles?.remove();
    this.#styles = null;
    this.#css = '';
  }

  /**
   * Installs (or updates) the highlight rules. Called when painting, after the article was read and
   * the viewport band measured: a new style sheet makes the browser recompute every element's style,
   * and any style or layout read after it would force that recomputation inside our task.
   */
  #installStyles(): void {
    const css = highlightCss(this.#dark, this.#painter.mode);
    if (css === this.#css) return;
    this.#css = css;
    if (this.#styles) this.#styles.replace(css);
    else this.#styles = installStyleSheet(this.#options.doc, css);
  }

  // ── detection ────────────────────────────────────────────────────────────────────────────────

  async #refresh(generation: number, work: Slicer = slicer()): Promise<void> {
    const root = this.#root;
    if (!root) return;
    const pause = (expectMs?: number) => work.pause(expectMs);
    // Wrapped <mark>s split the page's text nodes: restore them before reading the text again (and
    // drop the mutations that makes, or they would call for this pass again).
    if (this.#painter.mode === 'wrap') {
      this.#painter.clear();
      this.#observer?.takeRecords();
    }
    await pause();
    if (this.#stale(generation)) return;
    // Small steps: the first computed-style reads of a big page are slow.
    const blocks = await extractBlocks(root, { pause, checkEvery: EXTRACT_STEP_NODES });
    const joined = await joinBlocksInSlices(blocks, pause);
    // The parts were linked without copying: the copy into one flat string (~5-10 ms for 1 MB) would
    // happen inside the first step that reads the text (numbering the first 500 claims). It runs here,
    // in a slice of its own, and the text read from then on is a plain slice of that flat copy.
    await pause(joined.text.length / FLATTEN_CHARS_PER_MS);
    const article = { ...joined, text: ` ${joined.text}`.slice(1) };
    if (this.#stale(generation)) return;
    // The first detector call runs in cold code, and the extraction's small steps say nothing of its cost.
    await pause(DETECT_EXPECT_MS);
    const claims = await this.#detector.detect(article, pause);
    if (this.#stale(generation)) return;
    if (this.#opening) {
      // Usually answered while detection ran: the first paint already has the right ids and verdicts.
      // The answer also carries the reader's switches: a site switched off shows nothing, not even briefly.
      const state = await work.wait(this.#opening);
      this.#opening = null;
      if (this.#stale(generation)) return;
      if (state?.allowed === false) return this.setEnabled(false);
      if (state) {
        this.#pageUrl = state.pageUrl;
        this.#stored = state.stored;
      }
    }
    if (this.#article?.text !== article.text) this.#located.clear();
    this.#article = article;
    const headings: Span[] = [];
    article.blocks.forEach((block, index) => {
      const start = article.blockStarts[index] ?? 0;
      if (block.heading) headings.push([start, start + block.text.length]);
    });
    this.#rangeCache.clear();
    const input = { text: article.text, pageUrl: this.#pageUrl, headings };
    const detected: ClaimView[] = [];
    // The budget is checked after every claim's view (hashing its id): the first claims run in cold
    // code, so a chunk of them could pass the budget several times over before its time could be measured.
    for (const claim of claims) {
      const view = detectedView(claim, input);
      if (view) detected.push(view);
      const paused = pause();
      if (paused) await paused;
    }
    if (this.#stale(generation)) return;
    this.#detected = detected;
    await this.#locateStored();
    if (this.#stale(generation)) return;
    await pause(detected.length * PASS_MS_PER_CLAIM);
    const paintStart = performance.now();
    const merged = this.#merged();
    if (!merged) return;
    // A big page's thousands of ids are hashed here, the first time they are keys: ~20 ms in one piece.
    const views = new Map<string, ClaimView>();
    for (const view of merged.views) {
      views.set(view.claimId, view);
      const paused = pause();
      if (paused) await paused;
    }
    if (this.#stale(generation)) return;
    this.#show(merged, views);
    if (!(await this.#paintInSlices(pause, generation))) return;
    this.#renderCard();
    this.#sendBadge();
    const paintMs = performance.now() - paintStart;
    // For scripts/bench-page.ts: how much main-thread time this pass took, and its longest slice.
    performance.mark('claimtrail:refreshed', {
      detail: { ...work.stats(), paintMs, chars: article.text.length, claims: this.#views.size, detectorCalls: this.#detector.lastCalls },
    });
    void this.#announce(generation);
  }

  /**
   * Tells the background what was detected, if that changed: in a task of its own, so that on a big
   * page listing thousands of claims does not lengthen the task that painted them.
   */
  async #announce(generation: number): Promise<void> {
    await yieldToMain();
    if (this.#stale(generation)) return;
    const key = this.#detected.map((view) => view.claimId).join(' ');
    if (key === this.#detectedKey) return;
    this.#detectedKey = key;
    await this.#openPage(generation);
  }

  /** Tells the background about the visit and what was detected; gets stored state back. */
  async #openPage(generation: number): Promise<void> {
    const snapshots = this.#detected.map((view) => view.snapshot);
    let state: PageOpened | null = null;
    const earlier: Record<string, EarlierVerdict> = {};
    try {
      // In batches: one message with thousands of claims would be one long structured clone.
      for (let from = 0; from === 0 || from < snapshots.length; from += OPEN_BATCH) {
        state = await this.#options.link.openPage(this.#info, snapshots.slice(from, from + OPEN_BATCH));
        Object.assign(earlier, state.earlier);
        // Switched off since the page was read (the switch's watcher turns the session off).
        if (this.#stale(generation) || !state.allowed) return;
      }
    } catch (error) {
      this.#reportError(null, error);
      return;
    }
    if (!state || this.#stale(generation) || !this.#article) return;
    if (state.pageUrl !== this.#pageUrl) {
      // The background knows better (canonical URL): claim ids derive from it.
      this.#pageUrl = state.pageUrl;
      this.#detectedKey = null;
      await this.#read(generation);
    }
    // Nothing stored on either side (a first visit): the claims shown are already right.
    const unchanged = state.stored.length === 0 && this.#stored.length === 0 && Object.keys(earlier).length === 0 && Object.keys(this.#earlier).length === 0;
    this.#stored = state.stored;
    this.#earlier = earlier;
    if (unchanged) return;
    const anchors = await this.#applyMerge();
    if (this.#stale(generation)) return;
    if (anchors.length > 0) {
      this.#options.link.reportAnchors({ pageUrl: this.#pageUrl, anchors }).catch((error) => this.#reportError(null, error));
    }
  }

  /** What was detected merged with what is stored: the claims the page shows (null: no article). */
  #merged(): MergedClaims | null {
    const article = this.#article;
    return article && mergeStored(article.text, this.#detected, this.#stored, this.#earlier, (record) => this.#located.get(locationKey(record)) ?? null);
  }

  /** Shows the merged claims (`views`: the same by id); returns the anchor changes to report. */
  #show(merged: MergedClaims, views = new Map(merged.views.map((view) => [view.claimId, view]))): AnchorReport['anchors'] {
    this.#views = views;
    this.#order = merged.views.map((view) => view.claimId);
    this.#orphans = merged.orphans;
    return merged.anchors;
  }

  /**
   * Finds the stored records that have no detected twin in the current text: where they were or at
   * their only occurrence here, the rest through the background's matcher (a page whose text changed).
   */
  async #locateStored(): Promise<void> {
    const article = this.#article;
    if (!article) return;
    const asked: ClaimRecord[] = [];
    for (const record of unmatchedRecords(this.#detected, this.#stored)) {
      if (this.#located.has(locationKey(record))) continue;
      const found = plainAnchor(article.text, record.selectors);
      if (found) this.#located.set(locationKey(record), found);
      else asked.push(record);
    }
    for (let from = 0; from < asked.length; from += ANCHOR_BATCH) {
      const batch = asked.slice(from, from + ANCHOR_BATCH);
      let results: AnchorResult[];
      try {
        results = await this.#options.link.anchor(article.text, batch.map((record) => record.selectors));
      } catch (error) {
        // Left out until a later merge asks again; the claims detected on the page still show.
        this.#reportError(null, error);
        return;
      }
      if (article !== this.#article) return;
      batch.forEach((record, index) => {
        const found = results[index];
        if (found) this.#located.set(locationKey(record), found);
      });
    }
  }

  async #applyMerge(): Promise<AnchorReport['anchors']> {
    await this.#locateStored();
    const merged = this.#merged();
    const anchors = merged ? this.#show(merged) : [];
    this.#paint();
    this.#renderCard();
    this.#sendBadge();
    return anchors;
  }

  // ── painting ─────────────────────────────────────────────────────────────────────────────────

  #paint(): void {
    const items = this.#startPaint();
    if (items) this.#finishPaint(this.#itemsFor(this.#order, items));
  }

  /**
   * Paints in slices: on a big page, building thousands of items and Highlight.add() calls is too long
   * for one task. Each slice registers its claims at once; the last step only removes what went away.
   * Returns false if a newer pass took over meanwhile.
   */
  async #paintInSlices(pause: (expectMs?: number) => Promise<void> | void, generation: number): Promise<boolean> {
    const items = this.#startPaint();
    if (!items) return true;
    // A page that will be painted by viewport band registers only the band, at the end.
    const progressive = !this.#hidden && this.#order.length <= WINDOW_ABOVE_RANGES;
    // Ranges the window decision counts, built chunk by chunk here rather than all at once there.
    let left = WINDOW_ABOVE_RANGES;
    for (let from = 0; from < this.#order.length; from += PAINT_CHUNK) {
      const slice = this.#itemsFor(this.#order.slice(from, from + PAINT_CHUNK), items);
      if (progressive) this.#painter.update(slice);
      else if (left >= 0) left = rangesLeft(slice, left);
      await pause(from + PAINT_CHUNK < this.#order.length ? 0 : items.length * PASS_MS_PER_CLAIM);
      if (this.#stale(generation)) return false;
    }
    this.#finishPaint(items);
    return true;
  }

  /** Null when there is no article to paint. */
  #startPaint(): PaintItem[] | null {
    const article = this.#article;
    if (!article) return null;
    if (this.#painter.mode === 'wrap') {
      // Unwrapping merges the split text nodes back, collapsing ranges that pointed into them.
      this.#painter.clear();
      this.#rangeCache.clear();
    }
    return [];
  }

  /**
   * Paint items for `ids`, appended to `items`. Their Ranges are built when first read: a page painted
   * by viewport band never needs those of most of its thousands of claims (a Range and its wrapper each,
   * and work for the browser on every later DOM change).
   */
  #itemsFor(ids: readonly string[], items: PaintItem[]): PaintItem[] {
    const article = this.#article;
    const added: PaintItem[] = [];
    if (!article) return added;
    const rangesOf = (view: ClaimView) => this.#rangesOf(view, article);
    for (const id of ids) {
      const view = this.#views.get(id);
      if (!view) continue;
      let ranges: Range[] | undefined;
      added.push({
        id,
        status: paintStatusOf(view),
        get ranges() {
          return (ranges ??= rangesOf(view));
        },
      });
    }
    items.push(...added);
    return added;
  }

  #finishPaint(items: PaintItem[]): void {
    this.#allItems = items;
    this.#windowed = this.#painter.mode === 'highlight-api' && rangesLeft(items, WINDOW_ABOVE_RANGES) < 0;
    if (this.#hidden) return;
    this.#painter.paint(this.#windowed ? this.#itemsNearViewport() : items);
    this.#installStyles();
    const open = this.#card.claimId;
    if (open !== null) this.#focus(open);
    // Our own <mark> wrapping (fallback only) must not trigger re-detection.
    this.#observer?.takeRecords();
  }

  /** A shown claim's Ranges (none for a claim not shown). */
  #rangesFor(id: string): Range[] {
    const view = this.#views.get(id);
    return view && this.#article ? this.#rangesOf(view, this.#article) : [];
  }

  /**
   * Ranges of a claim's spans, kept for the current article text, so repaints are only lookups. An
   * item of the last paint may ask after a new pass took the next text (scrolling moves the band):
   * its Ranges, of the old text, are not kept under the new text's spans.
   */
  #rangesOf(view: ClaimView, article: ArticleText): Range[] {
    // "start,end[,start,end…]": a short key per claim (joining formatted spans made ~3 MB of garbage).
    const key = String(view.spans);
    const current = article === this.#article;
    let ranges = current ? this.#rangeCache.get(key) : undefined;
    if (!ranges) {
      ranges = view.spans.flatMap((span) => rangesForSpan(article, span));
      if (current) this.#rangeCache.set(key, ranges);
    }
    return ranges;
  }

  #itemsNearViewport(): PaintItem[] {
    const height = this.#options.doc.defaultView?.innerHeight ?? 0;
    return itemsInBand(this.#allItems, bandAround(height), (range) => range.getBoundingClientRect());
  }

  /** Scrolling a page painted by band: move the band (once per frame; the painter adds and drops only the edges). */
  #followViewport(): void {
    const view = this.#options.doc.defaultView;
    if (!this.#windowed || this.#hidden || this.#bandFrame !== 0 || !view) return;
    this.#bandFrame = view.requestAnimationFrame(() => {
      this.#bandFrame = 0;
      if (this.#windowed && !this.#hidden && !this.#signal.aborted) this.#painter.paint(this.#itemsNearViewport());
    });
  }

  /** Focuses a claim (null: none): its text (registered or not, on a banded page), cue and source. */
  #focus(id: string | null): void {
    if (id === null) return this.#painter.focus(null);
    const view = this.#views.get(id);
    const article = this.#article;
    const context = view && article ? view.context.flatMap((span) => rangesForSpan(article, span)) : [];
    this.#painter.focus(id, [...this.#rangesFor(id), ...context]);
  }

  readonly #hitIndex: HitIndex = {
    // Looked up on a click rather than indexed for every claim in advance (thousands of entries a big
    // page would build and keep for one click).
    claimsAt: (node) => {
      const article = this.#article;
      const extent = article && node.nodeType === 3 ? textNodeExtent(article, node as Text) : null;
      if (!extent) return [];
      const [from, to] = extent;
      return this.#order.filter((id) => this.#views.get(id)?.spans.some(([start, end]) => start < to && end > from));
    },
    rangesOf: (id) => this.#rangesFor(id),
    all: () => this.#order,
  };

  // ── observing the page ───────────────────────────────────────────────────────────────────────

  #stopObserving(): void {
    this.#observer?.disconnect();
    this.#observer = null;
    this.#observerController?.abort();
    this.#observerController = null;
  }

  /** Batches mutations: runs `task` after QUIET_MS without mutations, or MAX_WAIT_MS after the first. */
  #batcher(task: () => void, signal: AbortSignal): () => void {
    let quiet: ReturnType<typeof setTimeout> | undefined;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    const fire = () => {
      clearTimeout(quiet);
      clearTimeout(deadline);
      quiet = undefined;
      deadline = undefined;
      if (!signal.aborted) task();
    };
    signal.addEventListener('abort', () => {
      clearTimeout(quiet);
      clearTimeout(deadline);
    });
    return () => {
      clearTimeout(quiet);
      quiet = setTimeout(fire, QUIET_MS);
      deadline ??= setTimeout(fire, MAX_WAIT_MS);
    };
  }

  /**
   * Observes the body (until the session ends or observing stops): mutations that pass `relevant` run
   * `task` batched, for the pass numbered `generation` only. Returns the watch's signal.
   */
  #watchBody(
    generation: number,
    init: MutationObserverInit,
    relevant: (records: MutationRecord[]) => boolean,
    task: () => void,
  ): AbortSignal | null {
    const { doc } = this.#options;
    const view = doc.defaultView;
    if (!view || !doc.body) return null;
    const controller = new AbortController();
    this.#signal.addEventListener('abort', () => controller.abort(), { signal: controller.signal });
    this.#observerController = controller;
    const schedule = this.#batcher(() => generation === this.#generation && task(), controller.signal);
    const observer = new view.MutationObserver((records) => relevant(records) && schedule());
    observer.observe(doc.body, init);
    this.#observer = observer;
    return controller.signal;
  }

  #observe(root: Element, generation: number): void {
    this.#watchBody(
      generation,
      { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['hidden', 'open', 'aria-hidden', 'style', 'class'] },
      (records) => !root.isConnected || records.some(({ target }) => root.contains(target) && !isOwnNode(target)),
      () => {
        // The article itself was replaced (client-side rendering): find it again.
        if (!root.isConnected) void this.start();
        else void this.#read(generation);
      },
    );
  }

  /** Client-rendered pages may show the article only after a while: look again when the DOM settles. */
  #watchForLateArticle(generation: number): void {
    const { doc } = this.#options;
    const stopAt = Date.now() + LATE_ARTICLE_MS;
    const signal = this.#watchBody(generation, { childList: true, subtree: true }, () => true, () => {
      if (Date.now() > stopAt) this.#stopObserving();
      else if (isArticlePage(doc)) void this.start();
    });
    if (!signal) return;
    const stop = setTimeout(() => generation === this.#generation && this.#stopObserving(), LATE_ARTICLE_MS);
    signal.addEventListener('abort', () => clearTimeout(stop));
  }

  // ── review card ──────────────────────────────────────────────────────────────────────────────

  #onClick(event: MouseEvent): void {
    if (this.kind !== 'article' || this.#hidden || event.button !== 0 || this.#card.contains(event)) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const { doc } = this.#options;
    const selection = doc.getSelection();
    // Selecting text, or following a link inside a claim, is not a request to review it.
    if (selection && !selection.isCollapsed) return;
    const target = event.target instanceof Element ? event.target : null;
    const interactive = !!target?.closest('a[href], button, input, textarea, select, label, [contenteditable=""], [contenteditable="true"]');
    const id = interactive ? null : (this.#painter.idAtElement(target) ?? claimAtPoint(doc, event.clientX, event.clientY, this.#hitIndex));
    if (id === null) {
      // A click anywhere else (a link included) dismisses the card, like any popover.
      this.#card.close();
      return;
    }
    this.#clickedAt = { x: event.pageX, y: event.pageY };
    this.#openCard(id);
  }

  #onClaimKey(event: KeyboardEvent): void {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return;
    const step = event.code === CLAIM_KEYS.next.code ? 1 : event.code === CLAIM_KEYS.previous.code ? -1 : 0;
    if (step === 0 || this.kind !== 'article' || this.#hidden || this.#order.length === 0) return;
    const target = event.composedPath()[0];
    // Typing stays typing (Option+Shift+N is a character on macOS), in the page and in the card's note.
    if (target instanceof Element && target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return;
    event.preventDefault();
    event.stopPropagation();
    const id = this.#claimAfter(step);
    if (id !== null) this.#openByKeyboard(id);
  }

  /**
   * The claim `step` away from the open (or last visited) one, wrapping around; with none, the first
   * claim in view going forward, or the last one in view going back.
   */
  #claimAfter(step: 1 | -1): string | null {
    const order = this.#order;
    const current = this.#card.claimId ?? this.#keyboardId;
    const index = current === null ? -1 : order.indexOf(current);
    if (index >= 0) return order[(index + step + order.length) % order.length] ?? null;
    const height = this.#options.doc.defaultView?.innerHeight ?? 0;
    const inView = (id: string) => {
      const rect = this.#rangesFor(id)[0]?.getBoundingClientRect();
      return !!rect && (step === 1 ? rect.bottom > 0 : rect.top < height);
    };
    if (step === 1) return order.find(inView) ?? order[0] ?? null;
    return order.findLast(inView) ?? order[order.length - 1] ?? null;
  }

  #openByKeyboard(id: string): void {
    const range = this.#rangesFor(id)[0];
    const view = this.#options.doc.defaultView;
    if (!range || !view) return;
    const rect = range.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > view.innerHeight) view.scrollBy({ top: rect.top - view.innerHeight / 3, behavior: 'instant' });
    this.#keyboardId = id;
    this.#clickedAt = null;
    this.#openCard(id);
  }

  /**
   * Where the card goes: the claim's whole extent in the viewport (so the card never covers the rest
   * of a multi-line claim), starting at the left of the line that was clicked. Measured afresh each
   * time, as the page may have scrolled or reflowed since the click.
   */
  #anchorRect(id: string): DOMRect | undefined {
    const rects = this.#rangesFor(id).flatMap((range) => [...range.getClientRects()]).filter((rect) => rect.width > 0);
    const first = rects[0];
    if (!first) return undefined;
    const view = this.#options.doc.defaultView;
    const point = this.#clickedAt;
    const clicked = (view && point && rects.find((rect) => nearRect(rect, point.x - view.scrollX, point.y - view.scrollY))) || first;
    const top = Math.min(...rects.map((rect) => rect.top));
    const bottom = Math.max(...rects.map((rect) => rect.bottom));
    return new DOMRect(clicked.left, top, clicked.width, bottom - top);
  }

  #openCard(id: string): void {
    const view = this.#views.get(id);
    if (!view) return;
    this.#focus(id);
    this.#renderCard(id);
  }

  #renderCard(id: string | null = this.#card.claimId): void {
    if (id === null) return;
    const view = this.#views.get(id);
    if (!view) {
      this.#card.close();
      return;
    }
    const anchor = () => this.#anchorRect(id);
    if (!anchor()) return;
    this.#card.show(
      {
        claim: toPageClaim(view),
        changed:
          view.anchor === 'changed'
            ? { reviewedText: view.snapshot.text, reviewedStatus: view.status, currentText: view.currentText ?? view.current.text }
            : undefined,
        anchor,
        error: this.#errors.get(id) ?? this.#errors.get('') ?? null,
        position: {
          index: this.#order.indexOf(id),
          total: this.#order.length,
          keys: CLAIM_KEYS,
        },
        onStatus: (status) => this.setStatus(id, status),
        onNote: (note) => this.#saveNote(id, note),
        onDismiss: () => this.#dismiss(id),
        onApplyEarlier: () => {
          if (view.earlier) this.setStatus(id, view.earlier.status);
        },
      },
      this.#dark,
    );
  }

  // ── reviews ──────────────────────────────────────────────────────────────────────────────────

  /**
   * Repaints at once, then saves. A failed save is said in the card and the claim goes back to
   * what is stored, so the page never shows a verdict that was not kept.
   */
  setStatus(id: string, status: ReviewStatus): void {
    const view = this.#ownView(id);
    if (!view) return;
    // This view is this call's own (see #ownView): a later change copies it again, so nothing else writes to it.
    const before = { ...view };
    view.status = status;
    if (view.anchor === 'changed') {
      // Judging the text as it reads now re-bases the claim on it.
      view.anchor = 'anchored';
      view.snapshot = view.current;
      delete view.currentText;
    }
    this.#errors.delete(id);
    this.#showStatus(id, view);
    this.#save(id, this.#options.link.review({ pageUrl: this.#pageUrl, claimId: id, claim: view.current, status })).catch(() => {
      // Only undo this choice: a later click has its own save and its own outcome.
      if (this.#signal.aborted || this.#views.get(id) !== view || view.status !== status) return;
      Object.assign(view, before);
      this.#showStatus(id, view);
    });
  }

  /** Paints a claim's status and brings the card and the toolbar badge up to date with it. */
  #showStatus(id: string, view: ClaimView): void {
    this.#painter.setStatus(id, paintStatusOf(view));
    const item = this.#allItems.find((candidate) => candidate.id === id);
    if (item) item.status = paintStatusOf(view);
    this.#renderCard();
    this.#sendBadge();
  }

  /**
   * The claim's view, copied for this session to change: merged views may be the detected ones
   * themselves (see mergeStored), which must keep what was detected for the next merge.
   */
  #ownView(id: string): ClaimView | undefined {
    const shared = this.#views.get(id);
    if (!shared) return undefined;
    const view = { ...shared };
    this.#views.set(id, view);
    return view;
  }

  #saveNote(id: string, note: string): Promise<unknown> {
    const view = this.#ownView(id);
    if (!view) return Promise.resolve();
    view.note = note;
    return this.#save(id, this.#options.link.review({ pageUrl: this.#pageUrl, claimId: id, claim: view.current, note }));
  }

  #dismiss(id: string): void {
    const view = this.#views.get(id);
    if (!view) return;
    this.#card.close();
    this.#views.delete(id);
    this.#order = this.#order.filter((other) => other !== id);
    this.#paint();
    this.#sendBadge();
    this.#save(id, this.#options.link.dismiss(this.#pageUrl, view.current, id));
  }

  #save(id: string, pending: Promise<ClaimRecord>): Promise<ClaimRecord | void> {
    return pending.then(
      (record) => {
        this.#stored = [...this.#stored.filter((other) => other.id !== record.id), record];
        if (this.#errors.delete(id)) this.#renderCard();
        return record;
      },
      (error) => {
        this.#reportError(id, error);
        throw error;
      },
    );
  }

  #reportError(id: string | null, error: unknown): void {
    if (this.#signal.aborted) return;
    const message = error instanceof Error ? error.message : String(error);
    this.#errors.set(id ?? '', message);
    this.#renderCard();
  }

  #sendBadge(): void {
    const count = this.kind === 'article' ? toReviewCount(this.#views.values()) : 0;
    if (count === this.#lastBadge || this.#signal.aborted) return;
    this.#lastBadge = count;
    this.#options.link.badge(count).catch(() => {
      // The toolbar badge is a convenience; the popup shows the same count.
    });
  }

  // ── requests from the background and the popup ───────────────────────────────────────────────

  /** 'claims:changed': `claims` is the page's complete stored list. */
  storedChanged(pageUrl: string, claims: ClaimRecord[]): void {
    if (pageUrl !== this.#pageUrl || this.kind !== 'article') return;
    this.#stored = claims;
    void this.#applyMerge();
  }

  /**
   * What the popup shows. Answered once the current start pass has read the article: asked in the
   * middle of one (the popup opened early, or the reader just switched the site back on), a reply
   * with no claims yet would stay on screen as "no claims found".
   */
  async pageClaims(): Promise<{ page: PageRecordLike; kind: PageKind; claims: PageClaim[]; orphans: ClaimRecord[] }> {
    await this.#starting;
    const site = siteOf(this.#pageUrl);
    const claims = this.#order.flatMap((id) => {
      const view = this.#views.get(id);
      return view ? [toPageClaim(view)] : [];
    });
    return { page: { url: this.#pageUrl, title: this.#info.title, site }, kind: this.kind, claims, orphans: this.#orphans };
  }

  /** Scrolls to a claim and flashes it (the popup's "Show in page"). */
  showClaim(id: string): boolean {
    const range = this.#rangesFor(id)[0];
    if (!range) return false;
    const element = range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    if (this.#hidden) return true;
    this.#focus(id);
    clearTimeout(this.#flashTimer);
    this.#flashTimer = setTimeout(() => {
      if (this.#card.claimId !== id) this.#focus(this.#card.claimId);
    }, FLASH_MS);
    return true;
  }

  /** Tracks the current selection as a claim the reader adds by hand. */
  async trackSelection(speaker?: string): Promise<PageClaim | null> {
    const article = this.#article;
    const selection = this.#options.doc.getSelection();
    if (!article || !selection || selection.isCollapsed || selection.rangeCount === 0) return null;
    const range = selection.getRangeAt(0);
    const start = articleOffset(article, range.startContainer, range.startOffset, 'start');
    const end = articleOffset(article, range.endContainer, range.endOffset, 'end');
    if (start === null || end === null || end <= start) return null;
    const text = article.text.slice(start, end).trim();
    if (text === '') return null;
    const from = start + article.text.slice(start, end).indexOf(text);
    const snapshot: ClaimSnapshot = {
      detectorId: manualDetectorId(text),
      kind: 'indirect',
      speaker: speaker?.trim() ? { name: speaker.trim(), type: 'unknown' } : null,
      cue: '',
      text,
      selectors: describeSelectors(article.text, from, from + text.length),
      confidence: 1,
      manual: true,
    };
    const record = await this.#options.link.review({ pageUrl: this.#pageUrl, claim: snapshot, status: 'unreviewed' });
    this.#stored = [...this.#stored.filter((other) => other.id !== record.id), record];
    await this.#applyMerge();
    const view = this.#views.get(record.id);
    return view ? toPageClaim(view) : null;
  }
}

function isOwnNode(node: Node): boolean {
  const element = node.nodeType === 1 ? (node as Element) : node.parentElement;
  return !!element?.closest(`[${OWN_UI_ATTRIBUTE}], mark[data-claimtrail]`);
}
