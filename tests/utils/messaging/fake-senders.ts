import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { MessageSender } from '../../../utils/messaging/receive';

export const contentSender = (): MessageSender => ({
  id: fakeBrowser.runtime.id,
  tab: { id: 7, index: 0, windowId: 1, highlighted: false, active: true, pinned: false, incognito: false, selected: false, discarded: false, autoDiscardable: true, groupId: -1, frozen: false, lastAccessed: 0 },
  frameId: 0,
  url: 'https://www.example.com/news/iraq-talks',
});

export const pageSender = (path = 'popup.html'): MessageSender => ({
  id: fakeBrowser.runtime.id,
  url: fakeBrowser.runtime.getURL(`/${path}`),
});
