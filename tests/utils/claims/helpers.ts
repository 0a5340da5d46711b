import { detectClaims, type Claim } from '../../../utils/claims/index';

export interface Seen {
  kind: Claim['kind'];
  content: string;
  cue: string | null;
  source: string | null;
  speaker: string | null;
  role: string | undefined;
}

/** Detects claims and returns their text, for readable assertions. */
export function claimsOf(input: string | readonly string[]): Seen[] {
  const r = detectClaims(input);
  const at = (s: [number, number] | null): string | null => (s ? r.text.slice(s[0], s[1]) : null);
  return r.claims.map((c) => ({
    kind: c.kind,
    content: c.content.map(([s, e]) => r.text.slice(s, e)).join(' | '),
    cue: at(c.cue),
    source: at(c.source),
    speaker: c.speaker?.name ?? null,
    role: c.speaker?.role,
  }));
}

/** Content with the edges the scorer ignores removed: quote marks, final punctuation. */
export function bare(s: string): string {
  return s.replace(/^["'“”‘’«»\s]+/u, '').replace(/["'“”‘’«».,;:!?\s]+$/u, '');
}

/** The bare content of each claim detected in `input`, in reading order. */
export function contentsOf(input: string | readonly string[]): string[] {
  return claimsOf(input).map((c) => bare(c.content));
}
