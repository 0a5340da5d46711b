// Bundled into the page scripts/bench-storage.ts opens in Chromium: exposes the benchmark to puppeteer.
import { createDb } from '../../utils/db/database';
import { coldOpen, runStorageBench } from './storage-bench-core';

Object.assign(globalThis, {
  claimtrailBench: {
    run: (claims: number) => runStorageBench(createDb, claims),
    coldOpen: (claims: number) => coldOpen(createDb, claims),
  },
});
