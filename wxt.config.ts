import { defineConfig } from 'wxt';
import { resolve } from 'node:path';
import preact from '@preact/preset-vite';

// Gecko id is fixed so Firefox keeps the same extension storage (and IndexedDB) across updates.
export const GECKO_ID = 'claimtrail@claimtrail.dev';

export default defineConfig({
  manifestVersion: 3,
  modules: ['@wxt-dev/webextension-polyfill'],
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  hooks: {
    // Every page pays for the scripts it runs (issue #4 budget): they get the browser's own
    // promise-based API (Firefox `browser`, Chromium MV3 `chrome`) instead of webextension-polyfill,
    // and a stand-in for WXT's content script context (see utils/page/content-script-context.ts).
    // Extension pages and the background keep the polyfill.
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.type === 'content-script' || entry.name === 'review-card')) return;
      const replaced: Record<string, string> = {
        'wxt/browser': '@wxt-dev/browser',
        'wxt/utils/content-script-context': resolve(import.meta.dirname, 'utils/page/content-script-context.ts'),
      };
      const alias = config.resolve?.alias ?? {};
      const kept = Array.isArray(alias) ? alias.filter((entry) => typeof entry.find !== 'string' || !(entry.find in replaced)) : [];
      config.resolve = {
        ...config.resolve,
        alias: Array.isArray(alias)
          ? [...Object.entries(replaced).map(([find, replacement]) => ({ find, replacement })), ...kept]
          : { ...alias, ...replaced },
      };
      // WXT's startup wrapper reports a crash through its `logger`, which prints nothing in production
      // builds; declared pure, its calls and the object (~145 bytes gzipped, both files) are dropped there.
      // Any call of a function named `logger` in these builds is dropped too: our own code names none.
      if (config.mode === 'production') {
        const rolldownOptions = config.build?.rolldownOptions ?? {};
        const treeshake = typeof rolldownOptions.treeshake === 'object' ? rolldownOptions.treeshake : {};
        config.build = {
          ...config.build,
          rolldownOptions: { ...rolldownOptions, treeshake: { ...treeshake, manualPureFunctions: ['logger'] } },
        };
      }
      // The review card's JSX becomes Preact's h() calls, children as arguments: about 65 bytes less
      // than the automatic runtime's jsx() calls with a children prop. Set after the Preact preset's
      // own (automatic) setting, which this replaces. Imported under names of their own, so a component
      // that imports h or Fragment itself still builds.
      config.plugins = [
        ...(config.plugins ?? []),
        {
          name: 'claimtrail:classic-jsx',
          enforce: 'post',
          config(viteConfig) {
            viteConfig.oxc = { ...viteConfig.oxc, jsx: { runtime: 'classic', pragma: 'jsxH', pragmaFrag: 'JsxFragment' } };
          },
          transform: {
            filter: { id: /\.tsx$/ },
            handler: (code) => `import { h as jsxH, Fragment as JsxFragment } from 'preact';\n${code}`,
          },
        },
      ];
    },
  },
  zip: {
    artifactTemplate: '{{name}}-{{version}}-{{browser}}-{{manifestVersion}}.zip',
    sourcesTemplate: '{{name}}-{{version}}-sources.zip',
    excludeSources: ['.data/**', 'docs/**', '.output/**', 'coverage/**'],
  },
  manifest: ({ browser }) => ({
    name: 'ClaimTrail',
    description: 'Highlights who said what in the news you read, and lets you mark each claim verified or disputed. Everything stays on your device.',
    permissions: ['storage', 'contextMenus'],
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Show or hide claim highlights on this page',
      },
    },
    // The same PNGs as `icons` (auto-detected from public/icon/); the toolbar draws 16 and 32 px.
    action: { default_icon: { 16: 'icon/16.png', 32: 'icon/32.png' } },
    // The review card (Preact) is imported by the content script on the first click on a claim,
    // which keeps the script every page loads small; import() of an extension file needs this.
    // use_dynamic_url: Chromium serves it only under a per-session id, so a page can't probe a fixed URL
    // to learn that ClaimTrail is installed (Firefox's moz-extension UUID is already per install).
    web_accessible_resources: [{ resources: ['review-card.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true }],
    // The library doubles as the options page: settings live in its Settings section.
    options_ui: { page: 'library.html', open_in_tab: true },
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        gecko: {
          id: GECKO_ID,
          // 140 is the first Firefox release with the CSS Custom Highlight API enabled by default.
          strict_min_version: '140.0',
          data_collection_permissions: { required: ['none'] },
        },
      },
    }),
  }),
});
