import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';

interface Props {
  title: string;
  onClose: () => void;
  children: ComponentChildren;
}

/** A native modal <dialog>: focus is trapped and returned, Escape closes it, the page behind is inert. */
export function Modal({ title, onClose, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return undefined;
    if (typeof dialog.showModal === 'function' && !dialog.open) dialog.showModal();
    else dialog.setAttribute('open', '');
    return () => {
      if (dialog.open && typeof dialog.close === 'function') dialog.close();
    };
  }, []);
  return (
    <dialog ref={ref} class="lib-dialog" aria-labelledby={id} onClose={onClose} onCancel={(event) => { event.preventDefault(); onClose(); }}>
      <h2 id={id} class="lib-dialog__title">{title}</h2>
      {children}
    </dialog>
  );
}
