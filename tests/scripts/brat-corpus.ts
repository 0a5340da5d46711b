/**
 * Builds small BRAT corpora laid out as PolNeAR's data/ folder, from invented news texts, with
 * annotations written as quoted text rather than offsets (offsets are computed here, in code
 * points, as BRAT counts them). Shared by the BRAT reader tests and the eval agreement test.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Span } from '../../utils/claims/types';

/** A piece of the article: its text, or [text, n] for the n-th occurrence (0-based). */
export type Piece = string | readonly [string, number];

export interface AttributionSpec {
  source?: Piece | readonly Piece[];
  cue?: Piece;
  content?: Piece | readonly Piece[];
}

export interface ArticleSpec {
  id: string;
  text: string;
  /** Annotator id (4 hex digits) → attributions, or raw .ann text for hand-made edge cases. */
  annotations: Record<string, readonly AttributionSpec[] | string>;
}

/** UTF-16 span of a piece of `text`. */
export function locate(text: string, piece: Piece): Span {
  const [part, nth] = typeof piece === 'string' ? [piece, 0] : piece;
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = text.indexOf(part, i + 1);
    if (i < 0) throw new Error(`occurrence ${nth} of ${JSON.stringify(part)} not found`);
  }
  return [i, i + part.length];
}

export function locateAll(text: string, pieces: Piece | readonly Piece[] | undefined): Span[] {
  if (pieces === undefined) return [];
  const list = typeof pieces === 'string' || (pieces.length === 2 && typeof pieces[1] === 'number') ? [pieces as Piece] : (pieces as readonly Piece[]);
  return list.map((p) => locate(text, p));
}

const codePoints = (text: string, utf16: number) => [...text.slice(0, utf16)].length;

/** The .ann text BRAT would write for these attributions. */
export function annFor(text: string, attributions: readonly AttributionSpec[]): string {
  const lines: string[] = [];
  let t = 0;
  let e = 0;
  const entity = (type: string, spans: Span[]) => {
    const id = `T${++t}`;
    const offsets = spans.map(([s, end]) => `${codePoints(text, s)} ${codePoints(text, end)}`).join(';');
    // The text field is the raw fragments joined by a space, newlines included, as in PolNeAR.
    lines.push(`${id}\t${type} ${offsets}\t${spans.map(([s, end]) => text.slice(s, end)).join(' ')}`);
    return id;
  };
  for (const a of attributions) {
    const args: string[] = [];
    const content = locateAll(text, a.content);
    if (content.length) args.push(`Content:${entity('Content', content)}`);
    const source = locateAll(text, a.source);
    if (source.length) args.push(`Source:${entity('Source', source)}`);
    const cue = locateAll(text, a.cue);
    let trigger = '';
    if (cue.length) {
      args.push(`Cue:${entity('Cue', cue)}`);
      trigger = entity('Attribution', cue);
    }
    lines.push(`E${++e}\tAttribution${trigger ? ':' + trigger : ''} ${args.join(' ')}`);
  }
  return lines.join('\n') + '\n';
}

/** Writes DIR/metadata.tsv and DIR/<split>/{text,attributions}/…; returns DIR. */
export function writeBratCorpus(dir: string, split: string, articles: readonly ArticleSpec[]): string {
  const textDir = path.join(dir, split, 'text');
  const annDir = path.join(dir, split, 'attributions');
  fs.mkdirSync(textDir, { recursive: true });
  fs.mkdirSync(annDir, { recursive: true });
  const meta = ['compartment\tfilename\tlevel\tannotators\tpublisher'];
  for (const a of articles) {
    fs.writeFileSync(path.join(textDir, `${a.id}.txt`), a.text);
    for (const [annotator, ann] of Object.entries(a.annotations)) {
      fs.writeFileSync(path.join(annDir, `${a.id}_${annotator}.ann`), typeof ann === 'string' ? ann : annFor(a.text, ann));
    }
    meta.push(`${split}\t${a.id}\tNone\t${Object.keys(a.annotations).join('|')}\tinvented`);
  }
  fs.writeFileSync(path.join(dir, 'metadata.tsv'), meta.join('\n') + '\n');
  return dir;
}
