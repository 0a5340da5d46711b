import { Component, type Ref } from 'preact';
import { debounce, type Debounced } from '../utils/popup/debounce';

type SaveState = 'idle' | 'pending' | 'saved' | 'error';

interface Props {
  /** The note as stored. */
  value: string;
  /** Every keystroke, at once, for a caller that keeps a draft outliving its page (the popup). */
  onInput?: (text: string) => void;
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

interface State {
  text: string;
  saveState: SaveState;
}

let fieldCount = 0;

/**
 * A note that saves as you type. The popup is torn down the instant it loses focus, so besides the
 * debounce the pending save is flushed on blur, pagehide and visibilitychange, and `onInput` lets the
 * caller keep a draft for the case where even that is too late.
 *
 * A class rather than hooks: the in-page review card renders one, and preact/hooks would add a
 * kilobyte to what every page loads for the card alone.
 */
export class NoteField extends Component<Props, State> {
  readonly #id = `ct-note-${++fieldCount}`;
  // The stored value this field last agreed with; a new stored value replaces the text only when
  // the user has nothing unsaved, so a late echo of an earlier save never eats newer typing.
  #agreed: string;
  #latest: string;
  readonly #saver: Debounced<string>;
  // The close listeners are added at the first keystroke rather than for every field on the page:
  // a popup lists up to hundreds of notes, and most are never typed in.
  #closeListeners: AbortController | null = null;

  constructor(props: Props) {
    super(props);
    this.state = { text: props.value, saveState: 'idle' };
    this.#agreed = props.value;
    this.#latest = props.value;
    this.#saver = debounce((note: string) => {
      this.props.onSave(note).then(
        () => {
          this.#agreed = note;
          if (this.#latest === note) this.setState({ saveState: 'saved' });
        },
        () => this.setState({ saveState: 'error' }),
      );
    }, props.delayMs ?? 400);
  }

  override componentDidUpdate(previous: Props): void {
    const { value } = this.props;
    if (value !== previous.value && this.#latest === this.#agreed && value !== this.#agreed) {
      this.#agreed = value;
      this.#latest = value;
      this.setState({ text: value });
    }
  }

  override componentWillUnmount(): void {
    this.#closeListeners?.abort();
    this.#closeListeners = null;
    this.#saver.flush();
  }

  #flushOnClose(): void {
    if (this.#closeListeners) return;
    const controller = new AbortController();
    this.#closeListeners = controller;
    const { signal } = controller;
    window.addEventListener('pagehide', () => this.#saver.flush(), { signal });
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && this.#saver.flush(), { signal });
  }

  render() {
    const { fieldRef, disabled = false } = this.props;
    const { text, saveState } = this.state;
    return (
      <div class="ct-note">
        <label class="ct-note__label" for={this.#id}>
          Note
        </label>
        <textarea
          id={this.#id}
          ref={fieldRef}
          class="ct-note__field"
          rows={2}
          value={text}
          disabled={disabled}
          placeholder="Source, reasoning, link…"
          onInput={(event) => {
            const note = event.currentTarget.value;
            this.#latest = note;
            this.setState({ text: note, saveState: 'pending' });
            this.props.onInput?.(note);
            this.#flushOnClose();
            this.#saver.schedule(note);
          }}
          onBlur={() => this.#saver.flush()}
        />
        <span class="ct-note__state" aria-live="polite">
          {STATE_TEXT[saveState]}
        </span>
      </div>
    );
  }
}
