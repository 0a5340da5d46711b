/**
 * Reads attribution annotations in BRAT standoff, laid out as PolNeAR's data/ folder:
 *   DIR/<split>/text/<article>.txt
 *   DIR/<split>/attributions/<article>_<annotator>.ann   (annotator: 4 hex digits)
 * with the same rules as shared/tools/polnear-convert.mjs, so the gold seen by `npm run eval`
 * is the gold the reference scorer sees after conversion:
 *   - `T1<TAB>Type s e[;s e…]<TAB>text` entities; BRAT offsets count Unicode code points and are
 *     converted to UTF-16; continuation lines of multi-line span texts are ignored;
 *   - `E1<TAB>Attribution:T4 Source:T1 Cue:T2 Content:T3 Content2:T5` events; numbered roles fold
 *     into their role, the trigger duplicates the cue and is ignored;
 *   - each role's fragments sorted, empty ones dropped, touching ones merged; events with neither
 *     cue nor content dropped; attributions ordered by their first offset;
 *   - an article with several annotators contributes its alphabetically first annotator.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Span } from '../../utils/claims/types';
import { normaliseGoldSpans } from './spans';

/** Structurally a metrics RoleSpans, with mutable lists while parsing. */
export interface GoldAttribution {
  source: Span[];
  cue: Span[];
  content: Span[];
}

export interface ParsedAnnotation {
  attributions: GoldAttribution[];
  /** Things a careful reader of the corpus should know; never fatal. */
  problems: string[];
}

export interface BratArticle {
  id: string;
  annotator: string;
  text: string;
  attributions: GoldAttribution[];
  problems: string[];
}

/** Maps a code-point offset to a UTF-16 offset; undefined past the end of the text. */
export function codePointToUtf16(text: string): (offset: number) => number | undefined {
  if (!/[\uD800-\uDBFF]/.test(text)) return (i) => (i <= text.length ? i : undefined);
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return (i) => map[i];
}

const ENTITY = /^(T\d+)\t(\S+) ([0-9 ;]+)\t(.*)$/;
const EVENT = /^(E\d+)\t(.*)$/;
const ROLES = ['source', 'cue', 'content'] as const;
type RoleName = (typeof ROLES)[number];
const isRole = (key: string): key is RoleName => (ROLES as readonly string[]).includes(key);

interface Entity {
  type: string;
  spans: [number, number][];
  annText: string;
}

function firstStart(a: GoldAttribution): number {
  return Math.min(...[...a.cue, ...a.content, ...a.source].map((s) => s[0]));
}

export function parseAnn(annText: string, text: string): ParsedAnnotation {
  const cp2u = codePointToUtf16(text);
  const entities = new Map<string, Entity>();
  const events: { id: string; type: string; args: { role: string; ref: string }[] }[] = [];
  const problems: string[] = [];
  for (const line of annText.split('\n')) {
    const ent = ENTITY.exec(line);
    if (ent) {
      const [, id = '', type = '', offsets = '', annotated = ''] = ent;
      const spans = offsets.split(';').map((p) => {
        const [s, e] = p.trim().split(/\s+/).map(Number);
        return [s, e] as [number | undefined, number | undefined];
      });
      const valid = spans.every(([s, e]) => Number.isInteger(s) && Number.isInteger(e) && (s ?? 0) <= (e ?? 0));
      if (!valid) {
        problems.push(`bad offsets in ${line}`);
        continue;
      }
      entities.set(id, { type, spans: spans as [number, number][], annText: annotated });
      continue;
    }
    const ev = EVENT.exec(line);
    if (ev) {
      const [, id = '', body = ''] = ev;
      const [head, ...rest] = body.trim().split(/\s+/).filter(Boolean);
      if (head === undefined) continue;
      const args = rest.map((p) => {
        const [role = '', ref = ''] = p.split(':');
        return { role, ref };
      });
      events.push({ id, type: head.split(':')[0] ?? '', args });
    }
  }
  const toUtf16 = ([s, e]: [number, number], where: string): Span | null => {
    const a = cp2u(s);
    const b = cp2u(e);
    if (a === undefined || b === undefined) {
      problems.push(`${where} span ${s} ${e} lies past the end of the text`);
      return null;
    }
    return [a, b];
  };
  for (const [tid, ent] of entities) {
    // BRAT joins fragments with a space; the .ann text stops at the first newline of a span.
    const got = ent.spans.map(([s, e]) => text.slice(cp2u(s) ?? text.length, cp2u(e) ?? text.length)).join(' ');
    const want = ent.annText;
    if (!(got === want || got.split('\n')[0] === want || got.startsWith(want))) {
      problems.push(`${tid} text mismatch: ann=${JSON.stringify(want.slice(0, 40))} txt=${JSON.stringify(got.slice(0, 40))}`);
    }
  }
  const attributions: GoldAttribution[] = [];
  for (const ev of events) {
    if (!ev.type.startsWith('Attribution')) continue;
    const a: GoldAttribution = { source: [], cue: [], content: [] };
    for (const { role, ref } of ev.args) {
      const ent = entities.get(ref);
      if (!ent) {
        problems.push(`${ev.id} references missing ${ref}`);
        continue;
      }
      const key = role.replace(/\d+$/, '').toLowerCase(); // Content2 -> content
      if (!isRole(key)) continue;
      for (const sp of ent.spans) {
        const u = toUtf16(sp, `${ev.id} ${ref}`);
        if (u) a[key].push(u);
      }
    }
    for (const k of ROLES) a[k] = normaliseGoldSpans(a[k]);
    if (!a.cue.length && !a.content.length) continue;
    attributions.push(a);
  }
  attributions.sort((x, y) => firstStart(x) - firstStart(y));
  return { attributions, problems };
}

const ANN_NAME = /^(.*)_([0-9a-f]{4})\.ann$/;

/** Article ids of a split with their annotators, both sorted. */
export function listArticles(dir: string, split: string): Map<string, string[]> {
  const annDir = path.join(dir, split, 'attributions');
  const byArticle = new Map<string, string[]>();
  for (const f of fs.readdirSync(annDir).filter((n) => n.endsWith('.ann')).sort()) {
    const m = ANN_NAME.exec(f);
    if (!m) continue;
    const [, article = '', annotator = ''] = m;
    byArticle.set(article, [...(byArticle.get(article) ?? []), annotator].sort());
  }
  return new Map([...byArticle.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** Reads a split article by article, each with its first annotator's attributions. */
export function* readBratSplit(dir: string, split: string): Generator<BratArticle> {
  for (const [id, annotators] of listArticles(dir, split)) {
    const annotator = annotators[0];
    if (annotator === undefined) continue;
    const text = fs.readFileSync(path.join(dir, split, 'text', `${id}.txt`), 'utf8');
    const annText = fs.readFileSync(path.join(dir, split, 'attributions', `${id}_${annotator}.ann`), 'utf8');
    const { attributions, problems } = parseAnn(annText, text);
    yield { id, annotator, text, attributions, problems };
  }
}
