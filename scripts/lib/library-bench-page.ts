// Bundled into a plain page on 127.0.0.1 by scripts/bench-library.ts, so the benchmark runs on
// Chromium's own IndexedDB and JS engine (an extension page uses the same backends).
import { createDb } from '../../utils/db/database';
import { runLibraryBench } from './library-bench-core';

/** Exposed by the script (puppeteer exposeFunction): CPU ms used so far by every Chromium process. */
declare function benchBrowserCpu(): Promise<number>;

(globalThis as unknown as { claimtrailLibraryBench: unknown }).claimtrailLibraryBench = {
  run(n: number, runs: number) {
    let count = 0;
    return runLibraryBench(() => createDb(`library-bench-${n}-${Date.now()}-${count++}`), n, runs, { cpu: () => benchBrowserCpu() });
  },
};
