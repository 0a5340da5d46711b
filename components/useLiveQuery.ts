import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export type LiveResult<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'error'; error: Error };

/**
 * Dexie's liveQuery as a Preact hook: re-runs `query` whenever the tables it read change (in this
 * page or any other extension page or the background), and unsubscribes on unmount or when deps change.
 * Errors (a blocked or failing database) come back as a state rather than a throw, so callers can say so.
 */
export function useLiveQuery<T>(query: (() => T | Promise<T>) | null, deps: readonly unknown[]): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ state: 'loading' });
  useEffect(() => {
    if (!query) return undefined;
    const subscription = liveQuery(query).subscribe({
      next: (value) => setResult({ state: 'ready', value }),
      error: (error: unknown) =>
        setResult({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    });
    return () => subscription.unsubscribe();
    // The caller's deps name what the query reads; the query closure itself is new on every render.
  }, deps);
  return result;
}
