// Bundled into the page scripts/bench-storage.ts opens in Chromium: exposes the benchmark to puppeteer.
import { createDb } from '../../utils/db/database';
import { coldOpen, measureBench, populateBench } from './storage-bench-core';

Object.assign(globalThis, {
  claimtrailBench: {
    populate: (claims: number) => populateBench(createDb, claims),
    measure: (claims: number) => measureBench(createDb, claims),
    coldOpen: (claims: number) => coldOpen(createDb, claims),
  },
});
