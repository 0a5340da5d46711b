/**
 * Runs the detector over the article in segments of whole blocks. A typical article is one segment;
 * a very long page is split so each detector call stays short (the main thread gets a turn between
 * segments), and a segment whose text did not change since the last run is not detected again — so
 * appended paragraphs or a live-updated block cost only their own segment.
 */
import { BLOCK_SEPARATOR } from '../claims/types';
import type { Claim, DetectionResult, Span } from '../claims/types';
import type { ArticleText } from './article-text';

export type Detect = (blocks: readonly string[]) => DetectionResult;

/**
 * Well under a millisecond at the detector's target throughput (25 MB/s) and still a few ms at a tenth
 * of it; a few dozen paragraphs, so pronouns and continued quotes resolve within a segment.
 */
export const MAX_SEGMENT_CHARS = 16_000;

function shift(span: Span, by: number): Span {
  return [span[0] + by, span[1] + by];
}

function shiftClaim(claim: Claim, by: number): Claim {
  if (by === 0) return claim;
  return {
    ...claim,
    content: claim.content.map((span) => shift(span, by)),
    cue: claim.cue ? shift(claim.cue, by) : null,
    source: claim.source ? shift(claim.source, by) : null,
  };
}

/** [first, end) block index ranges, each at most `maxChars` of text unless a single block is larger. */
export function segmentBlocks(lengths: readonly number[], maxChars: number = MAX_SEGMENT_CHARS): [number, number][] {
  const segments: [number, number][] = [];
  let first = 0;
  let size = 0;
  lengths.forEach((length, index) => {
    if (index > first && size + length > maxChars) {
      segments.push([first, index]);
      first = index;
      size = 0;
    }
    size += length + BLOCK_SEPARATOR.length;
  });
  if (first < lengths.length) segments.push([first, lengths.length]);
  return segments;
}

export interface ArticleDetector {
  /** Claims with spans in `article.text`, in reading order. */
  detect(article: ArticleText, pause?: () => Promise<void> | void): Promise<Claim[]>;
  /** How many detector calls the last run made (segments not served from the previous run). */
  readonly lastCalls: number;
}

export function createArticleDetector(detect: Detect, maxChars: number = MAX_SEGMENT_CHARS): ArticleDetector {
  let previous = new Map<string, DetectionResult>();
  let lastCalls = 0;
  return {
    get lastCalls() {
      return lastCalls;
    },
    async detect(article, pause) {
      const next = new Map<string, DetectionResult>();
      const claims: Claim[] = [];
      lastCalls = 0;
      for (const [first, end] of segmentBlocks(article.blocks.map((block) => block.text.length), maxChars)) {
        const texts = article.blocks.slice(first, end).map((block) => block.text);
        const key = texts.join(BLOCK_SEPARATOR);
        let result = previous.get(key) ?? next.get(key);
        if (!result) {
          result = detect(texts);
          lastCalls += 1;
        }
        next.set(key, result);
        const offset = article.blockStarts[first] ?? 0;
        for (const claim of result.claims) claims.push(shiftClaim(claim, offset));
        if (pause) await pause();
      }
      previous = next;
      return claims;
    },
  };
}
