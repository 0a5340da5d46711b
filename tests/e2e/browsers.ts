// Where the two test browsers live, shared by the e2e harness, `npm test` and `npm start`.
// CHROMIUM_PATH / FIREFOX_PATH override the Debian defaults.
import { existsSync } from 'node:fs';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

interface BrowserInstall {
  envVar: string;
  debianPackage: string;
  // /usr/bin/chromium is a shell wrapper that adds flags from /etc/chromium.d; the real binary is predictable.
  candidates: string[];
}

const INSTALLS: Record<BrowserName, BrowserInstall> = {
  chromium: {
    envVar: 'CHROMIUM_PATH',
    debianPackage: 'chromium',
    candidates: ['/usr/lib/chromium/chromium', '/usr/bin/chromium', '/usr/bin/chromium-browser'],
  },
  firefox: {
    envVar: 'FIREFOX_PATH',
    debianPackage: 'firefox-esr',
    candidates: ['/usr/bin/firefox-esr', '/usr/lib/firefox-esr/firefox-esr', '/usr/bin/firefox'],
  },
};

export type BrowserLookup = { name: BrowserName; path: string } | { name: BrowserName; missing: string };

export function findBrowser(name: BrowserName): BrowserLookup {
  const { envVar, debianPackage, candidates } = INSTALLS[name];
  const override = process.env[envVar];
  if (override) {
    return existsSync(override)
      ? { name, path: override }
      : { name, missing: `${envVar}=${override} does not exist.` };
  }
  const path = candidates.find((candidate) => existsSync(candidate));
  return path
    ? { name, path }
    : {
        name,
        missing:
          `${name} not found (looked in ${candidates.join(', ')}). ` +
          `Install it with \`sudo apt-get install ${debianPackage}\` or set ${envVar} to its executable.`,
      };
}

export function browserPath(name: BrowserName): string {
  const found = findBrowser(name);
  if ('missing' in found) throw new Error(found.missing);
  return found.path;
}
