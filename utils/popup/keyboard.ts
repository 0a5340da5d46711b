export type PopupKeyAction =
  | 'next'
  | 'previous'
  | 'first'
  | 'last'
  | 'verify'
  | 'dispute'
  | 'note'
  | 'search'
  | 'leave-field';

export interface KeyInput {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  /** The event target is a text field (note, search): letters there are typing, not commands. */
  inTextField: boolean;
}

/** Maps a keydown in the claim list to what the popup should do, or null to let the browser handle it. */
export function popupKeyAction({ key, ctrlKey, metaKey, altKey, inTextField }: KeyInput): PopupKeyAction | null {
  if (ctrlKey || metaKey || altKey) return null;
  if (inTextField) return key === 'Escape' ? 'leave-field' : null;
  switch (key) {
    case 'ArrowDown':
      return 'next';
    case 'ArrowUp':
      return 'previous';
    case 'Home':
      return 'first';
    case 'End':
      return 'last';
    case 'v':
    case 'V':
      return 'verify';
    case 'd':
    case 'D':
      return 'dispute';
    case 'n':
    case 'N':
      return 'note';
    case '/':
      return 'search';
    default:
      return null;
  }
}

/** Index of the claim to focus after a move; stays put at the ends rather than wrapping. */
export function moveIndex(current: number, action: 'next' | 'previous' | 'first' | 'last', length: number): number {
  if (length === 0) return -1;
  switch (action) {
    case 'first':
      return 0;
    case 'last':
      return length - 1;
    case 'next':
      return Math.min(Math.max(current + 1, 0), length - 1);
    case 'previous':
      return Math.max(Math.min(current - 1, length - 1), 0);
  }
}
