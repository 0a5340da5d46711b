import { liveQuery } from 'dexie';
import { useSubscription, type LiveResult } from './useSubscription';

export type { LiveResult } from './useSubscription';

/**
 * Dexie's liveQuery as a Preact hook: re-runs `query` whenever the tables it read change (in this
 * page or any other extension page or the background), and unsubscribes on unmount or when deps change.
 * Errors (a blocked or failing database) come back as a state rather than a throw, so callers can say so.
 */
export function useLiveQuery<T>(query: (() => T | Promise<T>) | null, deps: readonly unknown[]): LiveResult<T> {
  return useSubscription<T>(
    query
      ? (observer) => {
          const subscription = liveQuery(query).subscribe(observer);
          return () => subscription.unsubscribe();
        }
      : null,
    deps,
  );
}
