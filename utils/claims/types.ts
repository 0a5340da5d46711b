/**
 * Public shape of the claim detector's output. Pure data: JSON-serialisable, no DOM.
 *
 * Offsets are UTF-16 code-unit indices into `DetectionResult.text`, end-exclusive, so the
 * content script can turn them straight into DOM Ranges and the CLI into BRAT-style spans.
 */

/** [start, end) in UTF-16 code units. */
export type Span = [start: number, end: number];

/** direct: all content inside quote marks; indirect: none quoted; mixed: partly quoted. */
export type ClaimKind = 'direct' | 'indirect' | 'mixed';

export type SpeakerType = 'person' | 'organization' | 'group' | 'unknown';

export interface Speaker {
  /** Canonical name shown to the user: "Ayad Allawi", "the ministry". */
  name: string;
  /** Title or role when the article gives one: "Iraqi Vice President". */
  role?: string;
  type: SpeakerType;
}

export interface Claim {
  /** Stable: the same article text gives the same ids. */
  id: string;
  kind: ClaimKind;
  /** Ordered, non-overlapping, non-empty list of content fragments. */
  content: Span[];
  /** The reporting verb or phrase ("said", "according to", a colon after a speaker). */
  cue: Span;
  /** The mention of the source in the text ("he", "Iraqi Vice President Ayad Allawi"), if any. */
  source: Span | null;
  /** The source resolved to a named entity (pronouns and surnames resolved), if any. */
  speaker: Speaker | null;
  /** 0..1: how sure the detector is that this is an attribution. */
  confidence: number;
}

export interface DetectionResult {
  /** The text all spans point into: the blocks joined with BLOCK_SEPARATOR. */
  text: string;
  /** Offset in `text` where each input block starts. */
  blockStarts: number[];
  /** In reading order (by first content or cue offset). */
  claims: Claim[];
}

/** Blocks are joined with a blank line, the same break a plain-text input uses. */
export const BLOCK_SEPARATOR = '\n\n';
