export interface Debounced<T> {
  /** Replaces any pending value and restarts the wait. */
  schedule(value: T): void;
  /** Runs the pending call now, if there is one. */
  flush(): void;
  cancel(): void;
}

/** Trailing-edge debounce that can be flushed, so a closing page can still send the last value. */
export function debounce<T>(run: (value: T) => void, waitMs: number): Debounced<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: { value: T } | undefined;
  const fire = () => {
    clearTimeout(timer);
    timer = undefined;
    const current = pending;
    pending = undefined;
    if (current) run(current.value);
  };
  return {
    schedule(value) {
      pending = { value };
      clearTimeout(timer);
      timer = setTimeout(fire, waitMs);
    },
    flush: fire,
    cancel() {
      // With nothing pending, firing only clears the timer.
      pending = undefined;
      fire();
    },
  };
}
