import { useEffect, useState } from 'preact/hooks';
import { disabledSites, highlightsEnabled, rememberAllClaims, setSiteEnabled, watchItem } from '../../utils/settings';
import type { LibraryServices } from './services';

/** A WXT storage item as Preact state that follows changes made in other contexts. */
function useStoredValue<T>(item: { getValue(): Promise<T>; watch(cb: (value: T) => void): () => void }, fallback: T): T {
  const [value, setValue] = useState(fallback);
  useEffect(() => {
    const controller = new AbortController();
    void item.getValue().then((v) => !controller.signal.aborted && setValue(v));
    watchItem(item as Parameters<typeof watchItem<T>>[0], setValue, controller.signal);
    return () => controller.abort();
  }, [item]);
  return value;
}

const PAGE_KEYS: [string, string][] = [
  ['/', 'Library and popup: search'],
  ['↑ ↓', 'Popup: move between claims'],
  ['v / d', 'Popup: mark the focused claim verified / disputed'],
  ['n', "Popup: edit the focused claim's note"],
  ['Esc', 'Claim card on a page: close'],
];

interface Props {
  services: LibraryServices;
  claimCount: number;
  onClearAll: () => void;
}

export function SettingsView({ services, claimCount, onClearAll }: Props) {
  const rememberAll = useStoredValue(rememberAllClaims, false);
  const highlights = useStoredValue(highlightsEnabled, true);
  const offSites = useStoredValue(disabledSites, [] as string[]);
  const [commands, setCommands] = useState<{ description: string; shortcut: string }[]>([]);
  useEffect(() => {
    void services.commands().then(setCommands, () => setCommands([]));
  }, [services]);

  return (
    <div class="lib-settings">
      <section aria-labelledby="set-storage">
        <h2 id="set-storage">What ClaimTrail keeps</h2>
        <label class="lib-check">
          <input type="checkbox" checked={rememberAll} onChange={(e) => void rememberAllClaims.setValue(e.currentTarget.checked)} />
          Remember every detected claim on pages I read (not only the ones I review or note)
        </label>
        <p class="lib-hint">Everything stays in this browser; nothing is sent anywhere.</p>
      </section>

      <section aria-labelledby="set-sites">
        <h2 id="set-sites">Highlighting</h2>
        <label class="lib-check">
          <input type="checkbox" checked={highlights} onChange={(e) => void highlightsEnabled.setValue(e.currentTarget.checked)} />
          Highlight claims on news pages
        </label>
        <h3>Sites where highlighting is off</h3>
        {offSites.length === 0 ? (
          <p class="lib-hint">None. Turn a site off from the toolbar popup while you are on it.</p>
        ) : (
          <ul class="lib-sites">
            {offSites.map((site) => (
              <li key={site}>
                <span>{site}</span>
                <button type="button" class="ct-button ct-button--small" aria-label={`Turn highlighting back on for ${site}`} onClick={() => void setSiteEnabled(site, true)}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="set-keys">
        <h2 id="set-keys">Keyboard shortcuts</h2>
        <table class="lib-table lib-table--keys">
          <caption class="ct-visually-hidden">Keyboard shortcuts</caption>
          <tbody>
            {commands.map((c) => (
              <tr key={c.description}>
                <th scope="row"><kbd>{c.shortcut}</kbd></th>
                <td>{c.description}</td>
              </tr>
            ))}
            {PAGE_KEYS.map(([keys, what]) => (
              <tr key={keys}>
                <th scope="row"><kbd>{keys}</kbd></th>
                <td>{what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p class="lib-hint">Browser-wide shortcuts can be changed in the browser's extension shortcut settings.</p>
      </section>

      <section aria-labelledby="set-danger" class="lib-danger">
        <h2 id="set-danger">Clear all data</h2>
        <p>Deletes all {claimCount.toLocaleString('en')} tracked claims, their review history and the pages they were on. Export a JSON backup first if you may want them back.</p>
        <button type="button" class="ct-button lib-button--danger" onClick={onClearAll}>Clear all data…</button>
      </section>
    </div>
  );
}
