import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { PageClaim } from '../utils/messaging/protocol';
import { moveIndex, popupKeyAction } from '../utils/popup/keyboard';
import { ClaimItem, type ClaimActions } from './ClaimItem';

/**
 * Claims in the list's first frame: more than the toolbar popup's window (at most 600 px high, a
 * claim at least ~110 px) can show under the header. The rest are added once that frame is on
 * screen, so a page with hundreds of claims opens as fast as a short one.
 */
export const FIRST_SCREEN_CLAIMS = 8;
/**
 * Claims added per frame after that: rendering all 200 of a long page at once is one ~70 ms task
 * (bench:popup, load ~4) in which a key pressed on the first claim would wait.
 */
export const LATER_CLAIMS_PER_FRAME = 48;

interface Props extends ClaimActions {
  claims: PageClaim[];
  label: string;
  /** `/` pressed on a claim: the caller focuses its search box. */
  onSearchKey: () => void;
}

function isTextField(target: EventTarget | null): boolean {
  if (target instanceof HTMLTextAreaElement) return true;
  if (target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit', 'reset'].includes(target.type);
}

/**
 * The claims as a list with one tab stop (roving tabindex): Tab enters the list at the current claim,
 * arrows move between claims, and v / d / n act on the claim that holds focus. Each item keeps its
 * own buttons and note field reachable with Tab, which a listbox would not allow.
 */
export function ClaimList({ claims, label, onSearchKey, ...actions }: Props) {
  const [activeId, setActiveId] = useState<string | null>(null);
  const [shown, setShown] = useState(FIRST_SCREEN_CLAIMS);
  // Preact runs effects after the frame the render produced has been painted.
  useEffect(() => {
    if (shown < claims.length) setShown(shown + LATER_CLAIMS_PER_FRAME);
  }, [shown, claims.length]);
  const items = useRef(new Map<string, HTMLLIElement>());
  const notes = useRef(new Map<string, HTMLTextAreaElement>());
  // Stable, so the memoized items render again only when their own claim changes.
  const onItemElement = useCallback((claimId: string, element: HTMLLIElement | null) => {
    if (element) items.current.set(claimId, element);
    else items.current.delete(claimId);
  }, []);
  const onNoteElement = useCallback((claimId: string, element: HTMLTextAreaElement | null) => {
    if (element) notes.current.set(claimId, element);
    else notes.current.delete(claimId);
  }, []);
  const activeIndex = Math.max(
    claims.findIndex((claim) => claim.claimId === activeId),
    0,
  );

  const focusItem = (index: number) => {
    const claim = claims[index];
    if (!claim) return;
    setActiveId(claim.claimId);
    items.current.get(claim.claimId)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const action = popupKeyAction({
      key: event.key,
      ctrlKey: event.ctrlKey,
      metaKey: event.metaKey,
      altKey: event.altKey,
      inTextField: isTextField(event.target),
    });
    if (!action) return;
    const host = event.target instanceof Element ? event.target.closest<HTMLElement>('[data-claim-index]') : null;
    const index = host ? Number(host.dataset.claimIndex) : activeIndex;
    const claim = claims[index];
    event.preventDefault();
    switch (action) {
      case 'next':
      case 'previous':
      case 'first':
      case 'last':
        focusItem(moveIndex(index, action, claims.length));
        return;
      case 'leave-field':
        focusItem(index);
        return;
      case 'verify':
      case 'dispute': {
        if (!claim) return;
        const status = action === 'verify' ? 'verified' : 'disputed';
        actions.onStatus(claim, claim.status === status ? 'unreviewed' : status);
        return;
      }
      case 'note':
        if (claim) notes.current.get(claim.claimId)?.focus();
        return;
      case 'search':
        onSearchKey();
        return;
    }
  };

  return (
    <ul class="ct-claims" aria-label={label} onKeyDown={onKeyDown}>
      {claims.slice(0, shown).map((claim, index) => (
        <ClaimItem
          key={claim.claimId}
          {...actions}
          claim={claim}
          index={index}
          tabbable={index === activeIndex}
          onFocusWithin={setActiveId}
          onItemElement={onItemElement}
          onNoteElement={onNoteElement}
        />
      ))}
    </ul>
  );
}
