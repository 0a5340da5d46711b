// Runs once before the e2e files: fails fast when a browser is missing, and rebuilds the extension
// when any source is newer than the build (so `npx vitest run -c vitest.e2e.config.ts` alone is safe).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BROWSERS, findBrowser } from './browsers';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCES = ['entrypoints', 'components', 'utils', 'public', 'assets', 'wxt.config.ts', 'package.json'];
const BUILDS = ['.output/chrome-mv3/manifest.json', '.output/firefox-mv3/manifest.json'];

export default function setup(): void {
  const missing = BROWSERS.map(findBrowser).flatMap((found) => ('missing' in found ? [found.missing] : []));
  if (missing.length > 0) throw new Error(missing.join('\n'));

  const builtAt = Math.min(...BUILDS.map((file) => (existsSync(join(ROOT, file)) ? statSync(join(ROOT, file)).mtimeMs : 0)));
  const changedAt = Math.max(...SOURCES.map((source) => newestMtime(join(ROOT, source))));
  if (changedAt > builtAt) {
    console.log('e2e: extension build missing or older than its sources, running `npm run build`');
    execFileSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'inherit' });
  }
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestMtime(join(path, entry))));
}
