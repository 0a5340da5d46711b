/** Runs one of scripts/*.ts the way `npm run` does (through tsx), for CLI tests. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Starting tsx takes seconds on a loaded 2-core machine; this bounds a hang, it times nothing. */
export const CLI_TIMEOUT = 60_000;

export interface ScriptRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function runScript(script: string, args: readonly string[], input?: string): ScriptRun {
  const r = spawnSync(path.join(repoRoot, 'node_modules/.bin/tsx'), [`scripts/${script}.ts`, ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    input,
    maxBuffer: 1 << 26,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
