// Manifest audit of both builds (the e2e global setup rebuilds them when sources changed): exactly the
// reviewed permissions, nothing a page or another extension can connect to, no remote code, and the
// default extension CSP (no custom one that could loosen it).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BROWSERS, EXTENSION_DIRS } from './harness';

/** Reviewed: why each one is needed is in the README. Adding one must be a deliberate edit here. */
const REVIEWED_PERMISSIONS = ['contextMenus', 'storage'];
const CONTENT_MATCHES = ['http://*/*', 'https://*/*'];

interface Manifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  externally_connectable?: unknown;
  content_security_policy?: unknown;
  sandbox?: unknown;
  content_scripts?: { matches: string[]; js?: string[]; all_frames?: boolean; match_about_blank?: boolean; world?: string }[];
  web_accessible_resources?: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
  background?: { service_worker?: string; scripts?: string[] };
  update_url?: string;
}

describe.each(BROWSERS)('%s manifest', (name) => {
  const dir = EXTENSION_DIRS[name];
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;

  it('asks for exactly the reviewed permissions and no host permissions', () => {
    expect([...(manifest.permissions ?? [])].sort()).toEqual(REVIEWED_PERMISSIONS);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
  });

  it('lets no page or other extension connect, and keeps the default CSP', () => {
    expect(manifest.externally_connectable).toBeUndefined();
    // Absent means the browser's default MV3 extension CSP (script-src 'self'; no remote code, no eval).
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.sandbox).toBeUndefined();
    expect(manifest.update_url).toBeUndefined();
  });

  it('runs its content script in the isolated world of top frames of web pages only', () => {
    expect(manifest.content_scripts).toHaveLength(1);
    const [script] = manifest.content_scripts!;
    expect([...script!.matches].sort()).toEqual(CONTENT_MATCHES);
    expect(script!.world ?? 'ISOLATED').toBe('ISOLATED');
    expect(script!.all_frames ?? false).toBe(false);
  });

  it('exposes only the review card to pages', () => {
    expect(manifest.web_accessible_resources?.map((entry) => entry.resources)).toEqual([['review-card.js']]);
  });

  it('loads no remote code: every script and stylesheet of its pages is a file of the extension', () => {
    const pages = readdirSync(dir).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    for (const page of pages) {
      const html = readFileSync(join(dir, page), 'utf8');
      const sources = [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"/g)].map((match) => match[1]!);
      for (const source of sources) expect(source, `${page}: ${source}`).toMatch(/^\/[\w./-]+$/);
      expect(html, page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
    }
    const scripts = [manifest.background?.service_worker, ...(manifest.background?.scripts ?? []), ...manifest.content_scripts!.flatMap((s) => s.js ?? [])];
    for (const script of scripts) {
      if (script) expect(script).toMatch(/^[\w./-]+\.js$/);
    }
  });
});
