import { detectInText } from './detect';
import type { DetectionResult } from './types';
import { BLOCK_SEPARATOR } from './types';

export type { Claim, DetectionResult, Span, ClaimKind, Speaker, SpeakerType } from './types';
export { BLOCK_SEPARATOR } from './types';

/** Paragraph starts of a plain-text input: after every blank line. */
function paragraphStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i >= 0) {
    let j = i + 1;
    let blank = false;
    // Past the end, the code is NaN: no space, so the run ends there.
    for (;;) {
      const c = text.charCodeAt(j);
      if (c === 10) blank = true;
      else if (c !== 13 && c !== 32 && c !== 9) break;
      j++;
    }
    if (blank && j < text.length) starts.push(j);
    i = text.indexOf('\n', j);
  }
  return starts;
}

/**
 * Finds attributed claims ("…, X said", "according to X", "“…,” said X") in article text.
 * A string is split into paragraphs at blank lines; an array is taken as ordered blocks and
 * joined with BLOCK_SEPARATOR. Total: never throws, time linear in the input length.
 */
export function detectClaims(input: string | readonly string[]): DetectionResult {
  const text = typeof input === 'string' ? input : input.join(BLOCK_SEPARATOR);
  let at = 0;
  const blockStarts = typeof input === 'string' ? paragraphStarts(input) : input.map((block) => {
    const start = at;
    at += block.length + BLOCK_SEPARATOR.length;
    return start;
  });
  return { text, blockStarts, claims: detectInText(text) };
}
