import { liveQuery } from 'dexie';
import { useSubscription, type LiveResult, type Subscribe } from './useSubscription';

export type { LiveResult } from './useSubscription';

/** Dexie's liveQuery as a push source: `query`'s result now and after every change to what it read. */
export function subscribeLive<T>(query: () => T | Promise<T>): Subscribe<T> {
  return (observer) => {
    const subscription = liveQuery(query).subscribe(observer);
    return () => subscription.unsubscribe();
  };
}

/**
 * Dexie's liveQuery as a Preact hook: re-runs `query` whenever the tables it read change (in this
 * page or any other extension page or the background), and unsubscribes on unmount or when deps change.
 * Errors (a blocked or failing database) come back as a state rather than a throw, so callers can say so.
 */
export function useLiveQuery<T>(query: (() => T | Promise<T>) | null, deps: readonly unknown[]): LiveResult<T> {
  return useSubscription<T>(query ? subscribeLive(query) : null, deps);
}
