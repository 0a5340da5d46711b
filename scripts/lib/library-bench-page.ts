// Bundled into a plain page on 127.0.0.1 by scripts/bench-library.ts, so the benchmark runs on
// Chromium's own IndexedDB and JS engine (an extension page uses the same backends).
import { createDb } from '../../utils/db/database';
import { runLibraryBench } from './library-bench-core';

(globalThis as unknown as { claimtrailLibraryBench: unknown }).claimtrailLibraryBench = {
  async run(n: number) {
    const db = createDb(`library-bench-${n}-${Date.now()}`);
    try {
      return await runLibraryBench(db, n);
    } finally {
      await db.delete();
    }
  },
};
