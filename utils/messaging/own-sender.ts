/** The sender check every receiver starts with; its own module so content scripts need nothing else from receive.ts. */
import { browser } from 'wxt/browser';
import type { Browser } from 'wxt/browser';

export function isOwnExtension(sender: Browser.runtime.MessageSender): boolean {
  return typeof sender.id === 'string' && sender.id === browser.runtime.id;
}
