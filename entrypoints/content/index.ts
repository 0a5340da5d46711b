// First: shadows a page's DOM-clobbered `browser` before the extension API polyfill reads it.
import '../../utils/page/browser-guard';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectClaims } from '../../utils/claims';
// Here rather than last: the bundle follows import order, and the session's modules right after the
// detector's gzip about 65 bytes smaller (scripts/bundle-size.ts). Order changes nothing else: these
// modules only define things on import, and browser-guard above still runs first.
import { ReadingSession } from './session';
import { toContentGuards } from '../../utils/messaging/content-guards';
import { onContentMessages } from '../../utils/messaging/receive-content';
import type { ToContent } from '../../utils/messaging/protocol';
import { extensionAlive, sessionSignal, watchLocation } from '../../utils/page/lifecycle';
import { watchHighlightsAllowed } from '../../utils/page/site-switch';
import { messagingLink } from './link';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main() {
    // Chromium can start this script without its extension API (a page with a frame named "browser",
    // see browser-guard.ts): nothing could be stored or shown there, so do nothing.
    if (!extensionAlive()) return;
    performance.mark('claimtrail:start');
    document.documentElement.dataset.claimtrail = 'ready';
    // WXT's context is not used: a page can read and replay its start announcement (utils/page/lifecycle).
    const signal = sessionSignal(document);
    const session = new ReadingSession({
      doc: document,
      signal,
      link: messagingLink,
      detect: detectClaims,
      pageKey: (info) => info.href.replace(/#.*/, ''),
    });

    onContentMessages<ToContent>(
      {
        'claims:changed': ({ pageUrl, claims }) => {
          session.storedChanged(pageUrl, claims);
          return null;
        },
        'page:get-claims': () => session.pageClaims(),
        'claim:show': ({ claimId }) => session.showClaim(claimId),
        'selection:track': ({ speaker }) => session.trackSelection(speaker),
        'highlights:toggle': () => session.toggleHighlights(),
      },
      toContentGuards,
      signal,
    );

    // SPA navigations (history.pushState) keep this script alive: start over on the new page.
    watchLocation(() => void session.restart(), signal);

    watchHighlightsAllowed(() => location.href, (value) => void session.setEnabled(value), signal);
    await session.start();
    performance.mark('claimtrail:painted');
  },
});
