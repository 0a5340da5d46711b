/**
 * Runs the detector over the article. Up to WHOLE_CALL_CHARS (every real article, long reads
 * included) it is one call over all blocks, so claims are exactly what the detector finds in the
 * whole text: speakers resolved across the article, quotes continued across paragraphs, ids numbered
 * over the whole text. Only a bigger page is detected in segments of whole blocks, so that each call
 * stays short and the main thread gets a turn between them; each segment is detected together with
 * the blocks just before it (their claims are dropped, they only give context: the person "he"
 * means, an open quote that continues), and ids are numbered over the whole text as one call would.
 * A segment whose text did not change since the last run is not detected again, so appended
 * paragraphs or a live-updated block cost only their own segment.
 */
import { createIdMaker } from '../claims/ids';
import { BLOCK_SEPARATOR } from '../claims/types';
import type { Claim, DetectionResult, Span } from '../claims/types';
import type { ArticleText } from './article-text';

export type Detect = (blocks: readonly string[]) => DetectionResult;

export interface SegmentSizes {
  /** Up to this many characters the article is detected in one call. */
  wholeChars: number;
  /** Bigger articles are detected in segments of about this many characters… */
  segmentChars: number;
  /** …each read after up to this many characters of the blocks before it. */
  contextChars: number;
}

/**
 * One call up to 200 KB: about 8 ms at the detector's target throughput (25 MB/s), 20 ms on a busy
 * machine. Segments of 8 KB read after 6 KB of context keep each call to a few ms even before the
 * code is warm and on a machine busy with other work (16 KB segments made 20-30 ms units there),
 * and a surname or pronoun resolves within a few dozen paragraphs of its antecedent.
 */
export const SEGMENT_SIZES: SegmentSizes = { wholeChars: 200_000, segmentChars: 8_000, contextChars: 6_000 };

/**
 * A paragraph that opens with a quote mark may continue the quote of the paragraph before it (the
 * detector gives both parts to one speaker), so a segment never starts there.
 */
const OPENS_WITH_QUOTE = /^\s*["“”‘’'«»‹›„`]/;

/**
 * [first, end) block index ranges of about `maxChars` of text each, split only before a block that
 * cannot continue a quote (a segment is longer rather than split there); a single bigger block is a
 * segment of its own.
 */
export function segmentBlocks(texts: readonly string[], maxChars: number): [number, number][] {
  const segments: [number, number][] = [];
  let first = 0;
  let size = 0;
  texts.forEach((text, index) => {
    if (index > first && size + text.length > maxChars && !OPENS_WITH_QUOTE.test(text)) {
      segments.push([first, index]);
      first = index;
      size = 0;
    }
    size += text.length + BLOCK_SEPARATOR.length;
  });
  if (first < texts.length) segments.push([first, texts.length]);
  return segments;
}

/** First block of the context read before block `first`: whole blocks, up to `maxChars` of text. */
export function contextStart(lengths: readonly number[], first: number, maxChars: number): number {
  let start = first;
  let size = 0;
  while (start > 0) {
    const length = (lengths[start - 1] ?? 0) + BLOCK_SEPARATOR.length;
    if (size + length > maxChars) break;
    size += length;
    start -= 1;
  }
  return start;
}

function shift(span: Span, by: number): Span {
  return [span[0] + by, span[1] + by];
}

/** A copy of a cached claim in article offsets; the caller numbers it (the cached one stays as detected). */
function placeClaim(claim: Claim, by: number): Claim {
  return {
    ...claim,
    content: claim.content.map((span) => shift(span, by)),
    cue: shift(claim.cue, by),
    source: claim.source && shift(claim.source, by),
  };
}

/**
 * Claims of the last run's detector calls, found again by their blocks' texts: keyed by the first
 * block's text and compared block by block, so no key joins the segment's text (that was a copy of
 * the whole article, twice over with the context, for every run). Only the claims are kept, not the
 * call's joined text: what a cache keeps survives every young-generation collection until the next run.
 */
type ClaimCache = Map<string, { texts: readonly string[]; claims: Claim[] }[]>;

function cached(cache: ClaimCache, texts: readonly string[]): Claim[] | undefined {
  return cache.get(texts[0] ?? '')?.find((entry) => entry.texts.length === texts.length && entry.texts.every((text, index) => text === texts[index]))?.claims;
}

/** Where a claim sits in reading order, as the detector sorts them. */
function position(claim: Claim): number {
  return Math.min(claim.content[0]?.[0] ?? 0, claim.cue[0]);
}

export interface ArticleDetector {
  /** Claims with spans in `article.text`, in reading order. */
  detect(article: ArticleText, pause?: () => Promise<void> | void): Promise<Claim[]>;
  /** How many detector calls the last run made (calls not served from the previous run). */
  readonly lastCalls: number;
}

export function createArticleDetector(detect: Detect, sizes: SegmentSizes = SEGMENT_SIZES): ArticleDetector {
  let previous: ClaimCache = new Map();
  let lastCalls = 0;
  return {
    get lastCalls() {
      return lastCalls;
    },
    async detect(article, pause) {
      const next: ClaimCache = new Map();
      const run = (texts: string[]): Claim[] => {
        let claims = cached(previous, texts) ?? cached(next, texts);
        if (!claims) {
          claims = detect(texts).claims;
          lastCalls += 1;
        }
        const first = texts[0] ?? '';
        next.set(first, [...(next.get(first) ?? []), { texts, claims }]);
        return claims;
      };
      lastCalls = 0;
      const texts = article.blocks.map((block) => block.text);
      if (article.text.length <= sizes.wholeChars) {
        const claims = run(texts);
        previous = next;
        return claims;
      }
      const lengths = texts.map((text) => text.length);
      const claims: Claim[] = [];
      for (const [first, end] of segmentBlocks(texts, sizes.segmentChars)) {
        // Before each segment too: one segment is the most detection that runs without a pause.
        if (pause) await pause();
        const from = contextStart(lengths, first, sizes.contextChars);
        const offset = article.blockStarts[from] ?? 0;
        const own = (article.blockStarts[first] ?? 0) - offset;
        for (const claim of run(texts.slice(from, end))) {
          if (position(claim) >= own) claims.push(placeClaim(claim, offset));
        }
      }
      previous = next;
      if (pause) await pause();
      // Numbered over the whole text, as one call would: repeats of a claim in different segments
      // ("No," he said.) get their occurrence number instead of sharing an id.
      const makeId = createIdMaker(article.text);
      // `pause` after every claim, judged by its time: hashing is quick once the code is warm, but
      // 500 claims between pauses were a 12-30 ms task on a busy machine.
      for (const claim of claims) {
        claim.id = makeId(claim);
        const paused = pause?.();
        if (paused) await paused;
      }
      return claims;
    },
  };
}
