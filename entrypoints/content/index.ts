import { defineContentScript } from 'wxt/utils/define-content-script';
import { detectClaims } from '../../utils/claims';
import { isOwnExtension, onMessages } from '../../utils/messaging/receive';
import { toContentSchemas } from '../../utils/messaging/schemas';
import type { ToContent } from '../../utils/messaging/protocol';
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
    const signal = ctx.signal;
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
    ctx.addEventListener(window, 'wxt:locationchange', () => void session.restart());

    // A site the reader switched off must never flash highlights, so the switches are read first.
    const allowed = await highlightsAllowedOn(location.href).catch(() => true);
    if (signal.aborted) return;
    watchHighlightsAllowed(() => location.href, (value) => void session.setEnabled(value), signal);
    if (!allowed) await session.setEnabled(false);
    else await session.start();
    performance.mark('claimtrail:painted');
  },
});
