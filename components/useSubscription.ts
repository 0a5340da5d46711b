import { useEffect, useState } from 'preact/hooks';

export type LiveResult<T> =
  | { state: 'loading' }
  | { state: 'ready'; value: T }
  | { state: 'error'; error: Error };

export interface Observer<T> {
  next(value: T): void;
  error(error: unknown): void;
}

/** Starts delivering values to observer; returns the function that stops it. */
export type Subscribe<T> = (observer: Observer<T>) => () => void;

/**
 * A push source as a Preact hook: the latest value, or the error that ended it, as a state rather than
 * a throw, so callers can say so. Unsubscribes on unmount or when deps change.
 */
export function useSubscription<T>(subscribe: Subscribe<T> | null, deps: readonly unknown[]): LiveResult<T> {
  const [result, setResult] = useState<LiveResult<T>>({ state: 'loading' });
  useEffect(() => {
    if (!subscribe) return undefined;
    return subscribe({
      next: (value) => setResult({ state: 'ready', value }),
      error: (error: unknown) =>
        setResult({ state: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    });
    // The caller's deps name what the source reads; the subscribe closure itself is new on every render.
  }, deps);
  return result;
}
