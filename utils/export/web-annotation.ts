import type { ClaimRecord } from '../db/types';
import { inChunks, isoTime, jsonForHtml, jsonForHtmlLines, type ExportOptions, type LibrarySnapshot } from './library';

export const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
export const CLAIM_IRI_PREFIX = 'urn:claimtrail:claim:';

interface TextualBody {
  type: 'TextualBody';
  purpose: 'assessing' | 'commenting' | 'identifying';
  value: string;
  format?: 'text/plain';
  created?: string;
}

/**
 * A claim as a W3C Web Annotation (https://www.w3.org/TR/annotation-model/): the page is the target,
 * found by TextQuote and TextPosition selectors; the verdict, note and speaker are bodies told apart by
 * their purpose. ("assessing" entered the JSON-LD context in 2021; older consumers may not know it.)
 */
export function claimAnnotation(claim: ClaimRecord) {
  const body: TextualBody[] = [{
    type: 'TextualBody',
    purpose: 'assessing',
    value: claim.status,
    ...(claim.reviewedAt === undefined ? {} : { created: isoTime(claim.reviewedAt) }),
  }];
  if (claim.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: claim.note, format: 'text/plain' });
  if (claim.speaker) body.push({ type: 'TextualBody', purpose: 'identifying', value: claim.speaker.name });
  return {
    id: CLAIM_IRI_PREFIX + encodeURIComponent(claim.id),
    type: 'Annotation',
    motivation: 'assessing',
    created: isoTime(claim.createdAt),
    modified: isoTime(claim.updatedAt),
    body,
    target: {
      source: claim.pageUrl,
      selector: [
        { type: 'TextQuoteSelector', exact: claim.selectors.quote.exact, prefix: claim.selectors.quote.prefix, suffix: claim.selectors.quote.suffix },
        { type: 'TextPositionSelector', start: claim.selectors.position.start, end: claim.selectors.position.end },
      ],
    },
  };
}

/** An AnnotationCollection whose single embedded AnnotationPage holds one Annotation per claim. */
export function* webAnnotationChunks(library: LibrarySnapshot, options: ExportOptions): Generator<string> {
  const exportId = `urn:claimtrail:export:${options.exportedAt.toISOString()}`;
  const head = {
    '@context': ANNO_CONTEXT,
    id: exportId,
    type: 'AnnotationCollection',
    label: 'ClaimTrail claims',
    generator: { type: 'Software', name: 'ClaimTrail' },
    generated: options.exportedAt.toISOString(),
    total: library.claims.length,
  };
  const page = { id: `${exportId}:page:0`, type: 'AnnotationPage', startIndex: 0 };
  // Both envelopes are written without their closing brace so the items can stream in between.
  yield `${jsonForHtml(head).slice(0, -1)},\n"first":${jsonForHtml(page).slice(0, -1)},"items":[`;
  let first = true;
  for (const claims of inChunks(library.claims)) {
    yield (first ? '\n' : ',\n') + jsonForHtmlLines(claims, claimAnnotation);
    first = false;
  }
  yield `${first ? '' : '\n'}]}}\n`;
}
