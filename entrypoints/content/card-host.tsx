/**
 * Hosts the review card: a shadow root on an element appended to <html> (outside the article, so the
 * article's DOM stays as the page made it), rendered with Preact, placed next to the claim, with
 * keyboard handling (Escape closes, focus returns to where it was).
 */
import { render } from 'preact';
import { ClaimCard, type ClaimCardProps } from '../../components/ClaimCard';
import cardCss from '../../components/ClaimCard.css?inline';
import { OWN_UI_ATTRIBUTE } from '../../utils/page/furniture';

export interface CardState extends Omit<ClaimCardProps, 'onClose'> {
  /** Measures the claim text the card belongs to, in viewport coordinates, now (undefined once it is gone). */
  anchor: () => DOMRect | undefined;
}

const GAP = 8;
/** Shortest the card is made to stay off its claim (px): its header, the start of the claim and the verdict buttons still show. */
const MIN_CARD_HEIGHT = 200;

export class CardHost {
  readonly #doc: Document;
  readonly #signal: AbortSignal;
  readonly #onClosed: () => void;
  #host: HTMLElement | null = null;
  #shadow: ShadowRoot | null = null;
  #returnFocus: Element | null = null;
  #openId: string | null = null;
  #anchor: CardState['anchor'] = () => undefined;
  /** Stops the open card from following its claim. */
  #following: AbortController | null = null;

  constructor(
    doc: Document,
    signal: AbortSignal,
    onClosed: () => void,
  ) {
    this.#doc = doc;
    this.#signal = signal;
    this.#onClosed = onClosed;
    signal.addEventListener('abort', () => this.destroy(), { once: true });
  }

  get claimId(): string | null {
    return this.#openId;
  }

  /** True when the event happened inside the card (page listeners see the host as its target). */
  contains(event: Event): boolean {
    return this.#host !== null && event.composedPath().includes(this.#host);
  }

  #ensureHost(): ShadowRoot {
    if (this.#shadow && this.#host?.isConnected) return this.#shadow;
    const host = this.#doc.createElement('claimtrail-card');
    host.setAttribute(OWN_UI_ATTRIBUTE, 'card');
    // Open, so tests and assistive tools can see inside; page CSS still cannot reach it.
    const shadow = host.attachShadow({ mode: 'open' });
    const style = this.#doc.createElement('style');
    style.textContent = cardCss;
    const mount = this.#doc.createElement('div');
    shadow.append(style, mount);
    shadow.addEventListener('keydown', (event) => {
      if ((event as KeyboardEvent).key === 'Escape') {
        event.stopPropagation();
        this.close();
      }
    });
    this.#doc.documentElement.append(host);
    this.#host = host;
    this.#shadow = shadow;
    return shadow;
  }

  /** Opens (or re-renders) the card. `dark` follows the page behind the claim. */
  show(state: CardState, dark: boolean): void {
    if (this.#signal.aborted) return;
    const opening = this.#openId !== state.claim.claimId;
    const shadow = this.#ensureHost();
    const host = this.#host as HTMLElement;
    if (dark) host.setAttribute('data-theme', 'dark');
    else host.removeAttribute('data-theme');
    if (this.#openId === null) {
      const active = this.#doc.activeElement;
      this.#returnFocus = active && !host.contains(active) ? active : null;
    }
    this.#openId = state.claim.claimId;
    this.#anchor = state.anchor;
    const mount = shadow.lastElementChild as HTMLElement;
    // `anchor` goes along unread: leaving it out would take a copy of the state.
    render(<ClaimCard {...state} onClose={() => this.close()} />, mount);
    const card = shadow.querySelector<HTMLElement>('.ct-card');
    if (!card) return;
    if (opening) {
      this.#follow(card);
      card.focus({ preventScroll: true });
    }
  }

  /**
   * Places the card, then places it again whenever it changes size (a verdict, an error, a longer
   * note), the page does (content loading above the claim moves it) or the window does (the claim
   * reflows), so it never ends up over the claim it is about.
   */
  #follow(card: HTMLElement): void {
    const view = this.#doc.defaultView;
    if (!view) return;
    this.#stopFollowing();
    const following = (this.#following = new AbortController());
    let frame = 0;
    const place = () => {
      frame = 0;
      const rect = this.#anchor();
      if (rect) this.#place(card, view, rect);
    };
    place();
    // Placing next frame, not inside the observer's callback: a size set there would loop the observer.
    const later = () => {
      frame ||= view.requestAnimationFrame(place);
    };
    const observer = new ResizeObserver(later);
    observer.observe(card);
    if (this.#doc.body) observer.observe(this.#doc.body);
    view.addEventListener('resize', later, { signal: following.signal });
    following.signal.addEventListener(
      'abort',
      () => {
        observer.disconnect();
        view.cancelAnimationFrame(frame);
      },
      { once: true },
    );
  }

  /**
   * Below the claim if the card fits there, else above. If neither side has room, the card is made
   * shorter (it scrolls) to fit the roomier side, so it never covers the claim it is about; only
   * where even that side is too short to be usable does it overlap the claim, kept inside the viewport.
   */
  #place(card: HTMLElement, view: Window, rect: DOMRect): void {
    card.style.maxHeight = '';
    const width = card.offsetWidth;
    let height = card.offsetHeight;
    const roomBelow = view.innerHeight - rect.bottom - 2 * GAP;
    const roomAbove = rect.top - 2 * GAP;
    const room = Math.max(roomBelow, roomAbove);
    if (height > room && room >= MIN_CARD_HEIGHT) {
      card.style.maxHeight = `${Math.floor(room)}px`;
      height = card.offsetHeight;
    }
    const below = rect.bottom + GAP;
    const above = rect.top - GAP - height;
    const top =
      height <= roomBelow ? below
      : height <= roomAbove ? above
      : Math.max(GAP, Math.min(roomBelow >= roomAbove ? below : above, view.innerHeight - GAP - height));
    const left = Math.max(GAP, Math.min(rect.left, view.innerWidth - width - GAP));
    card.style.top = `${Math.round(top + view.scrollY)}px`;
    card.style.left = `${Math.round(left + view.scrollX)}px`;
  }

  close(): void {
    if (this.#openId === null) return;
    this.#openId = null;
    this.#stopFollowing();
    const mount = this.#shadow?.lastElementChild;
    // Unmounting flushes a note still waiting for its debounce.
    if (mount) render(null, mount);
    const target = this.#returnFocus;
    this.#returnFocus = null;
    if (target instanceof HTMLElement && target.isConnected && target !== this.#doc.body) target.focus({ preventScroll: true });
    else (this.#shadow?.activeElement as HTMLElement | null)?.blur();
    this.#onClosed();
  }

  destroy(): void {
    const mount = this.#shadow?.lastElementChild;
    if (mount) render(null, mount);
    this.#host?.remove();
    this.#host = null;
    this.#shadow = null;
    this.#openId = null;
    this.#stopFollowing();
  }

  #stopFollowing(): void {
    this.#following?.abort();
    this.#following = null;
  }
}
