/** W3C Web Annotation selectors (https://www.w3.org/TR/annotation-model/#selectors). */

export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * Offsets into the article text as ClaimTrail extracts it (the detector's `DetectionResult.text`),
 * not into the whole document: page furniture around the article must not shift anchors.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

export interface ClaimSelectors {
  quote: TextQuoteSelector;
  position: TextPositionSelector;
}

/**
 * anchored: found exactly where it was reviewed.
 * changed: only an inexact (fuzzy) match exists — shown as "text changed since reviewed".
 * orphaned: not found on the page any more; kept and listed.
 */
export type AnchorState = 'anchored' | 'changed' | 'orphaned';
