// "Build B" for the extension-update test: today's sources built into a temporary directory with the
// database schema one version up and the manifest version bumped, as a release with a migration would
// ship. The schema change is made by a Vite transform of utils/db/database.ts during that one build,
// so the checkout is never touched: createDb() gains `version(N + 1)` adding an index to `pages`
// (IndexedDB runs a real versionchange over the stored rows), and DB_VERSION becomes N + 1.
//
// Tests call buildWithSchemaBump(), which runs this file as a script in its own process: WXT's build
// (Vite) inside the test process left the browsers the test then launched unresponsive.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { build as wxtBuild } from 'wxt';
import { createDb, DB_VERSION } from '../../utils/db/database';
import type { BrowserName } from './browsers';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const ADDED_INDEX = 'site';

export interface UpdateBuild {
  /** The unpacked extension, like .output/chrome-mv3. */
  dir: string;
  /** Dexie version build B opens the database at. */
  dbVersion: number;
  manifestVersion: string;
}

/** The pages table's current schema string, as the code declares it (e.g. "url, …"). */
function currentPagesSchema(): string {
  const table = createDb('claimtrail-schema-probe').table('pages').schema;
  return [table.primKey.src, ...table.indexes.map((index) => index.src)].join(', ');
}

function bumpPatch(version: string): string {
  const parts = version.split('.').map(Number);
  parts[parts.length - 1] = (parts[parts.length - 1] ?? 0) + 1;
  return parts.join('.');
}

export async function buildWithSchemaBump(browser: BrowserName, outDir: string): Promise<UpdateBuild> {
  const { stdout } = await promisify(execFile)('npx', ['tsx', fileURLToPath(import.meta.url), browser, outDir], { cwd: ROOT });
  const last = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(last) as UpdateBuild;
}

async function build(browser: BrowserName, outDir: string): Promise<UpdateBuild> {
  const dbVersion = DB_VERSION + 1;
  const pages = currentPagesSchema();
  if (pages.split(', ').includes(ADDED_INDEX)) throw new Error(`pages already has ${ADDED_INDEX}: pick another index for build B`);
  const bumpedPages = `${pages}, ${ADDED_INDEX}`;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };
  const manifestVersion = bumpPatch(pkg.version);

  const target = browser === 'chromium' ? 'chrome' : 'firefox';
  await wxtBuild({
    root: ROOT,
    browser: target,
    outDir,
    manifest: { version: manifestVersion },
    vite: () => ({
      plugins: [
        {
          name: 'claimtrail-schema-bump',
          enforce: 'pre' as const,
          transform(code: string, id: string) {
            if (!id.endsWith('/utils/db/database.ts')) return null;
            const versioned = code.replace(/export const DB_VERSION = \d+;/, `export const DB_VERSION = ${dbVersion};`);
            const patched = versioned.replace(
              /\n {2}return db;\n\}/,
              `\n  db.version(${dbVersion}).stores({ pages: ${JSON.stringify(bumpedPages)} });\n  return db;\n}`,
            );
            if (versioned === code || patched === versioned) {
              throw new Error('utils/db/database.ts changed shape (DB_VERSION or createDb\'s `return db;`): update tests/e2e/update-build.ts');
            }
            return patched;
          },
        },
      ],
    }),
  });
  return { dir: join(outDir, `${target}-mv3`), dbVersion, manifestVersion };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [browser, outDir] = process.argv.slice(2);
  if ((browser !== 'chromium' && browser !== 'firefox') || !outDir) throw new Error('usage: tsx update-build.ts chromium|firefox OUT_DIR');
  console.log(JSON.stringify(await build(browser, outDir)));
}
