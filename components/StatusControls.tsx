import type { ReviewStatus } from '../utils/db/types';

interface Props {
  status: ReviewStatus;
  onChange: (status: ReviewStatus) => void;
  disabled?: boolean;
}

const CHOICES = [
  { status: 'verified', label: 'Verified', mark: '✓' },
  { status: 'disputed', label: 'Disputed', mark: '✗' },
] as const;

/**
 * The two verdict toggles used by the in-page card, the popup and the library.
 * Pressing the active verdict again clears it back to "unreviewed", so a mistaken click is undone
 * with the same gesture; `aria-pressed` carries the state for assistive technology and tests.
 */
export function StatusControls({ status, onChange, disabled = false }: Props) {
  return (
    <div class="ct-status" role="group" aria-label="Verdict">
      {CHOICES.map((choice) => {
        const pressed = status === choice.status;
        return (
          <button
            key={choice.status}
            type="button"
            class={`ct-status__btn ct-status__btn--${choice.status}`}
            aria-pressed={pressed}
            disabled={disabled}
            onClick={() => onChange(pressed ? 'unreviewed' : choice.status)}
          >
            <span aria-hidden="true">{choice.mark} </span>
            {choice.label}
          </button>
        );
      })}
    </div>
  );
}
