// Nothing lost: a review survives a browser restart and an extension update whose database schema is
// one version up, in both browsers.
//
// The browser keeps its profile in a directory across launches (harness `profileDir`), with the
// extension installed as a user has it: Chromium loads the unpacked build from a fixed path (so the id,
// and with it the origin of the database, stays the same); Firefox has it as a permanently installed,
// sideloaded add-on with its fixed gecko id (a temporary add-on would be uninstalled, storage and all,
// at shutdown). The update is "build B" (tests/e2e/update-build.ts): today's sources with
// `db.version(N + 1)` adding an index to `pages`, and a bumped manifest version, put in place of build
// A at the same path, as the browser's updater would, then the browser started again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';
import { clickInCard, openCardOn, WAIT, waitForPainted } from './page-probes';
import { buildWithSchemaBump, type UpdateBuild } from './update-build';

const CLAIM = 'The discussion has started now';

interface DbDump {
  /** IndexedDB's version: Dexie's version × 10. */
  version: number;
  pageIndexes: string[];
  claims: { text: string; status: string }[];
  reviews: { claimId: string; to: { status: string; note: string } }[];
  manifestVersion: string;
}

interface ManifestHost {
  runtime: { getManifest(): { version: string } };
}

/** The claimtrail database as stored, read raw from the extension's inert manifest page. */
async function dumpDb(ext: ExtensionBrowser): Promise<DbDump> {
  const control = await ext.openExtensionPage('manifest.json');
  try {
    return await control.evaluate(
      () =>
        new Promise<DbDump>((resolve, reject) => {
          const host = globalThis as unknown as { browser?: ManifestHost; chrome?: ManifestHost };
          const manifestVersion = (host.browser ?? host.chrome)?.runtime.getManifest().version ?? '';
          const open = indexedDB.open('claimtrail');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(['pages', 'claimChunks'], 'readonly');
            const pageIndexes = [...tx.objectStore('pages').indexNames];
            const groups = tx.objectStore('claimChunks').getAll();
            tx.oncomplete = () => {
              db.close();
              const stored = groups.result as { claims: { text: string; status: string }[]; reviews: DbDump['reviews'] }[];
              resolve({
                version: db.version,
                pageIndexes,
                claims: stored.flatMap((g) => g.claims).map(({ text, status }) => ({ text, status })),
                reviews: stored.flatMap((g) => g.reviews).map(({ claimId, to }) => ({ claimId, to })),
                manifestVersion,
              });
            };
            tx.onerror = () => reject(tx.error);
          };
        }),
    );
  } finally {
    await control.close();
  }
}

/** The popup for the seed article lists CLAIM with `status`. */
async function expectPopupStatus(ext: ExtensionBrowser, article: Awaited<ReturnType<ExtensionBrowser['openPage']>>, status: string) {
  const popup = await ext.openPopupFor(article);
  try {
    await popup.waitForFunction(
      (needle: string, wanted: string) =>
        [...document.querySelectorAll('.ct-claims > li')].some(
          (li) => li.classList.contains(`ct-claim--${wanted}`) && (li.textContent ?? '').includes(needle),
        ),
      WAIT,
      CLAIM,
      status,
    );
  } finally {
    await popup.close();
  }
}

describe.each(BROWSERS)('nothing lost in %s', (name) => {
  let server: FixtureServer;
  let profileDir: string;
  let buildDir: string;
  let buildB: UpdateBuild;

  beforeAll(async () => {
    server = await startFixtureServer();
    profileDir = await mkdtemp(join(tmpdir(), `claimtrail-profile-${name}-`));
    buildDir = await mkdtemp(join(tmpdir(), `claimtrail-build-b-${name}-`));
    buildB = await buildWithSchemaBump(name, buildDir);
  });

  afterAll(async () => {
    await server?.close();
    await rm(profileDir, { recursive: true, force: true });
    await rm(buildDir, { recursive: true, force: true });
  });

  let before: DbDump;

  it('a review survives a browser restart: listed in the popup, repainted in its status color', async () => {
    const first = await launch(name, { profileDir });
    try {
      const article = await first.openPage(server.url('seed-article.html'));
      await waitForPainted(article, CLAIM);
      await openCardOn(article, CLAIM);
      await clickInCard(article, 'Disputed');
      await waitForPainted(article, CLAIM, 'claimtrail-disputed');
      await expectPopupStatus(first, article, 'disputed');
      before = await dumpDb(first);
      expect(first.extensionErrors()).toEqual([]);
    } finally {
      await first.close();
    }
    expect(before.claims).toEqual([{ text: expect.stringContaining(CLAIM), status: 'disputed' }]);
    expect(before.reviews).toEqual([{ claimId: expect.any(String), to: { status: 'disputed', note: '' } }]);

    const second = await launch(name, { profileDir });
    try {
      const article = await second.openPage(server.url('seed-article.html'));
      await waitForPainted(article, CLAIM, 'claimtrail-disputed');
      await expectPopupStatus(second, article, 'disputed');
      expect(await dumpDb(second)).toEqual(before);
      expect(second.extensionErrors()).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it('the review survives an update to a build that bumps the database schema', async () => {
    expect(before?.claims).toHaveLength(1);
    expect(before.version).toBeLessThan(buildB.dbVersion * 10);
    const updated = await launch(name, { profileDir, build: buildB.dir });
    try {
      const article = await updated.openPage(server.url('seed-article.html'));
      await waitForPainted(article, CLAIM, 'claimtrail-disputed');
      await expectPopupStatus(updated, article, 'disputed');
      // A new verdict goes through build B's background, which opens (and migrates) the database.
      await openCardOn(article, CLAIM);
      await clickInCard(article, 'Verified');
      await waitForPainted(article, CLAIM, 'claimtrail-verified');
      await expect.poll(async () => (await dumpDb(updated)).claims[0]?.status, { timeout: WAIT.timeout, interval: 100 }).toBe('verified');
      // Build B's library opens the database with the new schema and lists the review. (Chromium may
      // keep the previous build's background service worker running for a while after an unpacked
      // update, so the background alone does not always migrate before this check.)
      const library = await updated.openExtensionPage('library.html');
      await library.waitForFunction(
        (needle: string) => [...document.querySelectorAll('.lib-row')].some((row) => (row.textContent ?? '').includes(needle) && row.querySelector('.ct-status__btn--verified')?.getAttribute('aria-pressed') === 'true'),
        WAIT,
        CLAIM,
      );
      await library.close();
      const after = await dumpDb(updated);
      // Build B is what runs, and it migrated the database in place.
      expect(after.manifestVersion).toBe(buildB.manifestVersion);
      expect(after.version).toBe(buildB.dbVersion * 10);
      expect(after.pageIndexes).toContain('site');
      // The review made before the update is still there, now followed by the one made after it.
      expect(after.claims).toEqual([{ ...before.claims[0], status: 'verified' }]);
      expect(after.reviews).toEqual([...before.reviews, { claimId: before.reviews[0]?.claimId, to: { status: 'verified', note: '' } }]);
      expect(updated.extensionErrors()).toEqual([]);
    } finally {
      await updated.close();
    }
  });
});
