// The per-file browser lifecycle every e2e suite shares: one fixture server and one browser with the
// extension, launched before the file's tests and closed after them.
//
//   let ext: ExtensionBrowser;
//   let server: FixtureServer;
//   withExtensionBrowser(name, (launched) => ({ ext, server } = launched));
import { afterAll, beforeAll } from 'vitest';
import { launch, startFixtureServer, type BrowserName, type ExtensionBrowser, type FixtureServer } from './harness';

export interface Launched {
  ext: ExtensionBrowser;
  server: FixtureServer;
}

export function withExtensionBrowser(name: BrowserName, receive: (launched: Launched) => void): void {
  let launched: Partial<Launched> = {};
  beforeAll(async () => {
    launched = { server: await startFixtureServer() };
    launched.ext = await launch(name);
    receive(launched as Launched);
  });
  afterAll(async () => {
    await launched.ext?.close();
    await launched.server?.close();
  });
}
