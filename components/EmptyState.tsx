import type { ComponentChildren } from 'preact';
import { useId } from 'preact/hooks';

interface Props {
  title: string;
  children?: ComponentChildren;
  /** Errors are announced as alerts; everything else as status. */
  tone?: 'info' | 'error';
}

/** A plain-words explanation of why there is nothing to show, with what the user can do about it. */
export function EmptyState({ title, children, tone = 'info' }: Props) {
  const id = useId();
  return (
    <section class={`ct-empty ct-empty--${tone}`} role={tone === 'error' ? 'alert' : 'status'} aria-labelledby={id}>
      <h2 class="ct-empty__title" id={id}>
        {title}
      </h2>
      {children}
    </section>
  );
}
