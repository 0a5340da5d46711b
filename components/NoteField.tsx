import type { Ref } from 'preact';
import { useEffect, useId, useMemo, useRef, useState } from 'preact/hooks';
import { debounce } from '../utils/popup/debounce';

type SaveState = 'idle' | 'pending' | 'saved' | 'error';

interface Props {
  /** The note as stored. */
  value: string;
  /** Every keystroke, at once: the caller keeps a draft that outlives this page. */
  onInput: (text: string) => void;
  /** The settled text, after a pause in typing, on blur, and when the page is hidden or closed. */
  onSave: (text: string) => Promise<unknown>;
  delayMs?: number;
  fieldRef?: Ref<HTMLTextAreaElement>;
  disabled?: boolean;
}

const STATE_TEXT: Record<SaveState, string> = {
  idle: '',
  pending: 'Saving…',
  saved: 'Saved',
  error: 'Not saved yet — kept as a draft',
};

/**
 * A note that saves as you type. The popup is torn down the instant it loses focus, so besides the
 * debounce the pending save is flushed on blur, pagehide and visibilitychange, and `onInput` lets the
 * caller keep a draft for the case where even that is too late.
 */
export function NoteField({ value, onInput, onSave, delayMs = 400, fieldRef, disabled = false }: Props) {
  const id = useId();
  const [text, setText] = useState(value);
  const [saveState, setSaveState] = useState<SaveState>('idle');
  // The stored value this field last agreed with; a new stored value replaces the text only when
  // the user has nothing unsaved, so a late echo of an earlier save never eats newer typing.
  const agreed = useRef(value);
  const latest = useRef(value);
  const saveRef = useRef(onSave);
  saveRef.current = onSave;

  const saver = useMemo(
    () =>
      debounce((note: string) => {
        saveRef.current(note).then(
          () => {
            agreed.current = note;
            if (latest.current === note) setSaveState('saved');
          },
          () => setSaveState('error'),
        );
      }, delayMs),
    [delayMs],
  );

  useEffect(() => {
    if (latest.current === agreed.current && value !== agreed.current) {
      agreed.current = value;
      latest.current = value;
      setText(value);
    }
  }, [value]);

  // The close listeners are added at the first keystroke rather than for every field on the page:
  // a popup lists up to hundreds of notes, and most are never typed in.
  const closeListeners = useRef<AbortController | null>(null);
  const flushOnClose = () => {
    if (closeListeners.current) return;
    const controller = new AbortController();
    closeListeners.current = controller;
    const { signal } = controller;
    window.addEventListener('pagehide', () => saver.flush(), { signal });
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && saver.flush(), { signal });
  };
  useEffect(
    () => () => {
      closeListeners.current?.abort();
      closeListeners.current = null;
      saver.flush();
    },
    [saver],
  );

  return (
    <div class="ct-note">
      <label class="ct-note__label" for={id}>
        Note
      </label>
      <textarea
        id={id}
        ref={fieldRef}
        class="ct-note__field"
        rows={2}
        value={text}
        disabled={disabled}
        placeholder="Source, reasoning, link…"
        onInput={(event) => {
          const note = event.currentTarget.value;
          latest.current = note;
          setText(note);
          setSaveState('pending');
          onInput(note);
          flushOnClose();
          saver.schedule(note);
        }}
        onBlur={() => saver.flush()}
      />
      <span class="ct-note__state" aria-live="polite">
        {STATE_TEXT[saveState]}
      </span>
    </div>
  );
}
