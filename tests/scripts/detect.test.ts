// @vitest-environment node
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI_TIMEOUT, repoRoot, runScript } from './run-script';

const seed = path.join(repoRoot, 'tests/fixtures/seed-article.txt');

interface JsonSpan {
  span: [number, number];
  text: string;
}

describe('npm run detect', () => {
  it('--json gives every claim with the text of each span', () => {
    const r = runScript('detect', ['--json', seed]);
    expect(r.status).toBe(0);
    const text = fs.readFileSync(seed, 'utf8').replace(/^\uFEFF/, '');
    const out = JSON.parse(r.stdout) as { file: string; claims: { source: JsonSpan | null; cue: JsonSpan | null; content: JsonSpan[] }[] }[];
    expect(out.map((f) => f.file)).toEqual([seed]);
    const spans = out[0]?.claims.flatMap((c) => [c.source, c.cue, ...c.content].filter((s): s is JsonSpan => s !== null)) ?? [];
    expect(spans.length).toBeGreaterThan(0);
    for (const s of spans) expect(s.text).toBe(text.slice(s.span[0], s.span[1]));
  }, CLI_TIMEOUT);

  it('prints a table for text files and a count per file', () => {
    const r = runScript('detect', [seed]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/speaker \(role\) \[mention\]\s+cue\s+kind\s+content\s+conf/);
    expect(r.stdout).toMatch(/\d+ claims? in 2,\d{3} characters/);
  }, CLI_TIMEOUT);

  it('--jsonl answers every line, flags bad ones on stderr and exits 1', () => {
    const text = 'Fares will rise, the council said on Monday.';
    const r = runScript('detect', ['--jsonl'], `${JSON.stringify({ id: 'a', text })}\n{oops\n\n${JSON.stringify({ id: 'b', text: '' })}\n`);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string | null; claims: { cue: [number, number][] }[]; error?: string });
    expect(lines.map((l) => l.id)).toEqual(['a', null, 'b']);
    expect(lines[1]?.error).toMatch(/invalid JSON/);
    const cues = (lines[0]?.claims ?? []).flatMap((c) => c.cue);
    expect(cues.every(([s, e]) => s >= 0 && s < e && e <= text.length)).toBe(true);
    expect(r.stderr).toMatch(/stdin line 2: invalid JSON/);
  }, CLI_TIMEOUT);
});
