// Opens the extension's real toolbar popup, the way a click on the toolbar button does
// (CDP Extensions.triggerAction): a popup view of its own over the given tab, in the extension's
// renderer process, with no ?tab= in its URL. Used by the popup benchmark, so it times what a user
// waits for rather than an extension page loaded in a tab.
//
// A page script can run in the popup before the popup's own scripts, and report back through a
// binding. Both are registered on the DevTools sessions while Chromium holds the new popup for the
// debugger (puppeteer holds every new target until it has set it up), so they are in place before
// the popup's document exists. The popup can be attached more than once (the script then runs once
// per session): the script must tolerate that.
import type { CDPSession, Page } from 'puppeteer-core';
import type { PopupBrowser } from './popup-browser';

export interface PopupScript {
  /** JavaScript source run in the popup before its own scripts. */
  source: string;
  /** A function the source may call as globalThis[binding](text); the first text is what openToolbarPopup returns. */
  binding: string;
}

export interface PopupRun {
  /** What the popup passed to script.binding. */
  report: string;
  /** Date.now() just before the click was sent. */
  clickedAt: number;
}

/** Clicks the toolbar button over tab, resolves with the popup's first report, and closes the popup. */
export async function openToolbarPopup(ext: PopupBrowser, tab: Page, script: PopupScript, timeoutMs = 20_000): Promise<PopupRun> {
  const extension = (await ext.browser.extensions()).get(new URL(ext.extensionBaseUrl).host);
  if (!extension) throw new Error(`extension ${ext.extensionBaseUrl} is not installed`);
  const control = await tab.createCDPSession();
  const connection = control.connection();
  if (!connection) throw new Error('no DevTools connection');
  let answer: (text: string) => void = () => undefined;
  const answered = new Promise<string>((resolve) => (answer = resolve));
  // Called for each new target puppeteer attaches to, before it lets the target run: the popup's tab
  // target (no Page domain there), its page, and service workers. Errors only mean "not a page".
  const onAttached = (session: CDPSession) => {
    const notAPage = () => undefined;
    session.on('Runtime.bindingCalled', (event: { name: string; payload: string }) => {
      if (event.name === script.binding) answer(event.payload);
    });
    // Scripts for new documents and bindings are only applied with their domains enabled.
    void session.send('Page.enable').catch(notAPage);
    void session.send('Runtime.enable').catch(notAPage);
    void session.send('Runtime.addBinding', { name: script.binding }).catch(notAPage);
    void session.send('Page.addScriptToEvaluateOnNewDocument', { source: script.source }).catch(notAPage);
  };
  connection.on('sessionattached', onAttached);
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await tab.bringToFront();
    const clickedAt = Date.now();
    await tab.triggerExtensionAction(extension);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`the popup did not report within ${timeoutMs} ms`)), timeoutMs);
    });
    return { report: await Promise.race([answered, timeout]), clickedAt };
  } finally {
    clearTimeout(timer);
    connection.off('sessionattached', onAttached);
    const popup = await ext.browser
      .waitForTarget((target) => target.url().startsWith(`${ext.extensionBaseUrl}popup.html`), { timeout: 5_000 })
      .catch(() => null);
    await (await popup?.asPage())?.close();
    await control.detach();
  }
}
