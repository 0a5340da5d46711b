// First: shadows a page's DOM-clobbered `browser` before the extension API polyfill reads it.
import '../../utils/page/browser-guard';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectClaims } from '../../utils/claims';
import { isOwnExtension, onMessages } from '../../utils/messaging/receive';
import { toContentSchemas } from '../../utils/messaging/schemas';
import type { ToContent } from '../../utils/messaging/protocol';
import { sessionSignal, watchLocation } from '../../utils/page/lifecycle';
import { highlightsAllowedOn, watchHighlightsAllowed } from '../../utils/page/site-switch';
import { pageKey } from '../../utils/url/normalize';
import { messagingLink } from './link';
import { ReadingSession } from './session';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    performance.mark('claimtrail:start');
    document.documentElement.dataset.claimtrail = 'ready';
    // Not ctx.signal: a page can replay WXT's start announcement and abort that (utils/page/lifecycle).
    const signal = sessionSignal(ctx);
    const session = new ReadingSession({
      doc: document,
      signal,
      link: messagingLink,
      detect: detectClaims,
      pageKey: (info) => pageKey(info) ?? info.href,
    });

    onMessages<ToContent>(
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
      { signal, validate: toContentSchemas, from: isOwnExtension },
    );

    // SPA navigations (history.pushState) keep this script alive: start over on the new page.
    watchLocation(() => void session.restart(), signal);

    // A site the reader switched off must never flash highlights, so the switches are read first.
    const allowed = await highlightsAllowedOn(location.href).catch(() => true);
    if (signal.aborted) return;
    watchHighlightsAllowed(() => location.href, (value) => void session.setEnabled(value), signal);
    if (!allowed) await session.setEnabled(false);
    else await session.start();
    performance.mark('claimtrail:painted');
  },
});
