import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../../utils/claims/index';

const here = dirname(fileURLToPath(import.meta.url));
const fixture = (name: string) => readFileSync(resolve(here, '../../fixtures', name), 'utf8');

interface Expected {
  speakers: Record<string, string[]>;
  claims: { speaker: string; cue: string; kind: string; content: string; continues?: boolean }[];
  mustNotFlag: string[];
}

const text = fixture('seed-article.txt');
const expected = JSON.parse(fixture('seed-article.expected.json')) as Expected;
const result = detectClaims(text);
const norm = (s: string) => s.replace(/^["“”\s]+|["“”.,\s]+$/gu, '');

describe('seed article', () => {
  it.each(expected.claims.map((c) => [c.content.slice(0, 40), c] as const))('finds “%s…” with its speaker', (_label, want) => {
    const start = text.indexOf(want.content);
    expect(start).toBeGreaterThanOrEqual(0);
    const end = start + want.content.length;
    const hit = result.claims.find((c) => c.content.some(([s, e]) => s < end && e > start && norm(text.slice(Math.max(s, start), Math.min(e, end))).length >= norm(want.content).length * 0.9));
    expect(hit, want.content).toBeDefined();
    expect(hit!.speaker?.name).toBe(want.speaker);
    if (!want.continues) {
      expect(hit!.cue && text.slice(hit!.cue[0], hit!.cue[1])).toBe(want.cue);
      expect(hit!.kind).toBe(want.kind);
    }
  });

  it('resolves the role of the named speaker', () => {
    const roles = result.claims.map((c) => c.speaker?.role).filter(Boolean);
    expect(roles).toContain('Iraqi Vice President');
  });

  it.each(expected.mustNotFlag.filter((s) => text.includes(s)))('does not flag “%s”', (phrase) => {
    const start = text.indexOf(phrase), end = start + phrase.length;
    const overlaps = ([s, e]: [number, number]) => s < end && e > start;
    for (const c of result.claims) {
      expect(c.content.some(overlaps), `content of ${c.id}`).toBe(false);
      if (c.cue) expect(overlaps(c.cue)).toBe(false);
      if (c.source) expect(overlaps(c.source)).toBe(false);
    }
  });

  it('flags no page furniture', () => {
    for (const line of ['National Security', 'AFP/Getty Images.', 'Daily Caller News Foundation logo', 'Russ Read Pentagon/Foreign Policy Reporter', 'Font Size:']) {
      const start = text.indexOf(line), end = start + line.length;
      expect(result.claims.some((c) => [...c.content, c.cue, c.source].some((sp) => sp && sp[0] < end && sp[1] > start))).toBe(false);
    }
  });

  it('flags nothing that is not an expected claim', () => {
    expect(result.claims.length).toBeLessThanOrEqual(expected.claims.length);
  });

  it('treats the headlines in mustNotFlag as headlines', () => {
    for (const h of expected.mustNotFlag.filter((s) => !text.includes(s))) expect(detectClaims(h).claims).toEqual([]);
  });
});
