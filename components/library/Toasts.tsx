export interface Toast {
  id: number;
  text: string;
  tone?: 'info' | 'error';
  action?: { label: string; run: () => void };
}

/** Announces results politely (errors assertively); an action such as Undo stays until dismissed. */
export function Toasts({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  return (
    <div class="lib-toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} class={`lib-toast lib-toast--${toast.tone ?? 'info'}`} role={toast.tone === 'error' ? 'alert' : undefined}>
          <span>{toast.text}</span>
          {toast.action ? (
            <button type="button" class="ct-button ct-button--small" onClick={() => { toast.action?.run(); onDismiss(toast.id); }}>
              {toast.action.label}
            </button>
          ) : null}
          <button type="button" class="ct-button ct-button--small ct-button--quiet" aria-label="Dismiss message" onClick={() => onDismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
