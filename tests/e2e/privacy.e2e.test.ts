// Privacy: a whole session — read the seed article, review a claim with a note in the card, open the
// popup and the library, export, import — makes no network request of its own.
//
// The browser runs behind a recording proxy on 127.0.0.1, so every request to a non-loopback host, from
// any context (page, content script, background, popup, library), reaches it and is recorded (the proxy
// answers none of them). Loopback stays direct, so the fixture server sees the rest, and it may only
// have served the pages the test itself opened.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BROWSERS, launch, startFixtureServer, type ExtensionBrowser, type FixtureServer } from './harness';
import { chooseImportFile, clickInCard, openCardOn, popupClaims, storedClaims, WAIT, waitForPainted } from './page-probes';

const CLAIM = 'The discussion has started now';
const NOTE = 'Checked against the interview transcript';

// Requests the browsers themselves make in the background, whatever extension is installed, that the
// harness's flags and prefs don't switch off: Chromium's autofill server, sign-in, network time and
// component updater; Firefox's Remote Settings. Exact hosts only, none of which ClaimTrail has any
// reason to contact; anything else fails the test.
const BROWSER_OWN_HOSTS = new Set([
  'content-autofill.googleapis.com',
  'accounts.google.com',
  'clients2.google.com',
  'update.googleapis.com',
  'redirector.gvt1.com',
  'firefox.settings.services.mozilla.com',
]);

function hostOf(request: string): string {
  const target = request.split(' ')[1] ?? '';
  return target.includes('://') ? new URL(target).hostname : target.replace(/:\d+$/, '');
}

const notBrowserOwn = (requests: string[]) => requests.filter((request) => !BROWSER_OWN_HOSTS.has(hostOf(request)));

interface RecordingProxy {
  address: string;
  requests: string[];
  close(): Promise<void>;
}

async function startRecordingProxy(): Promise<RecordingProxy> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    requests.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    res.writeHead(502).end();
  });
  server.on('connect', (req, socket) => {
    requests.push(`CONNECT ${req.url ?? ''}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    address: `127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe.each(BROWSERS)('privacy in %s', (name) => {
  let server: FixtureServer;
  let proxy: RecordingProxy;
  let ext: ExtensionBrowser;

  beforeAll(async () => {
    server = await startFixtureServer();
    proxy = await startRecordingProxy();
    ext = await launch(name, { proxy: proxy.address });
  });

  afterAll(async () => {
    await ext?.close();
    await proxy?.close();
    await server?.close();
  });

  it('makes no network request during a whole session: read, review with a note, popup, library, export, import', async () => {
    proxy.requests.splice(0);

    const article = await ext.openPage(server.url('seed-article.html'));
    await waitForPainted(article, CLAIM);
    await openCardOn(article, CLAIM);
    await clickInCard(article, 'Disputed');
    await waitForPainted(article, CLAIM, 'claimtrail-disputed');
    await article.evaluate(() => document.querySelector('claimtrail-card')?.shadowRoot?.querySelector('textarea')?.focus());
    await article.keyboard.type(NOTE);
    await article.waitForFunction(
      () => [...(document.querySelector('claimtrail-card')?.shadowRoot?.querySelectorAll('.ct-note__state') ?? [])].some((state) => state.textContent === 'Saved'),
      WAIT,
    );

    expect((await popupClaims(ext, article, 5)).some((text) => text.includes(CLAIM))).toBe(true);

    const library = await ext.openExtensionPage('library.html');
    await library.waitForFunction(() => document.querySelectorAll('.lib-row').length === 1, WAIT);
    // Export: the library saves through an <a download> click; catch it and read the Blob back.
    await library.evaluate(() => {
      const host = window as unknown as { __exported?: string };
      HTMLAnchorElement.prototype.click = function click(this: HTMLAnchorElement) {
        if (this.download) void fetch(this.href).then(async (response) => (host.__exported = await response.text()));
      };
    });
    await library.select('.lib-export select', 'json');
    await library.click('.lib-export button');
    await library.waitForFunction(() => typeof (window as unknown as { __exported?: string }).__exported === 'string', WAIT);
    const backup = await library.evaluate(() => (window as unknown as { __exported: string }).__exported);
    expect(backup).toContain(NOTE);
    // Import the same file back (one claim, already there).
    await chooseImportFile(library, backup);
    await library.waitForSelector('dialog[open] .lib-button--primary', WAIT);
    await library.click('dialog[open] .lib-button--primary');
    await library.waitForFunction(() => !document.querySelector('dialog[open]'), WAIT);
    await library.close();

    expect(await storedClaims(ext)).toEqual([{ text: expect.stringContaining(CLAIM), status: 'disputed', pageUrl: expect.any(String) }]);
    // Let anything queued (a beacon on unload, a late background task) go out before looking.
    await article.close();
    await new Promise((resolve) => setTimeout(resolve, 2000));

    expect(notBrowserOwn(proxy.requests)).toEqual([]);
    expect(new Set(server.requests.filter((path) => path !== '/favicon.ico'))).toEqual(new Set(['/seed-article.html']));
    expect(ext.extensionErrors()).toEqual([]);
  });

  // Control: the recorder does see a request from an extension context, so the test above can fail.
  it('records a request made from an extension page', async () => {
    const library = await ext.openExtensionPage('library.html');
    await library.evaluate(() => fetch('http://claimtrail-canary.example/ping').catch(() => null));
    await library.close();
    expect(notBrowserOwn(proxy.requests).some((request) => request.includes('claimtrail-canary.example'))).toBe(true);
  });
});
