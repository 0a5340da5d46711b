import type { ClaimTrailDb } from '../../utils/db/database';
import type { ExtensionPageToBackground, Request, Response } from '../../utils/messaging/protocol';

export type PageMessage = keyof ExtensionPageToBackground & string;

/** Everything the library reaches outside itself, so tests can run it over fake-indexeddb without a browser. */
export interface LibraryServices {
  db: ClaimTrailDb;
  /** A typed message to the background, which writes and repaints open tabs. */
  send<K extends PageMessage>(type: K, data: Request<ExtensionPageToBackground, K>): Promise<Response<ExtensionPageToBackground, K>>;
  /** Tell open tabs showing these pages that their stored claims changed (after writes made here directly). */
  notifyPages(pageUrls: readonly string[]): Promise<void>;
  saveFile(blob: Blob, fileName: string): void;
  now(): Date;
  /** The extension's keyboard commands with their current shortcuts. */
  commands(): Promise<{ description: string; shortcut: string }[]>;
}
