/**
 * Loads the review card on first use. Preact and the card are a third of the content script's weight
 * and most page views never open a card, so they live in review-card.js (a web-accessible extension
 * file) and are imported the first time a claim is clicked.
 */
import { browser } from 'wxt/browser';
import { CARD_HOST_GLOBAL } from './card-global';
import type { CardHost, CardState } from './card-host';

type CardHostClass = typeof CardHost;

export class LazyCard {
  readonly #doc: Document;
  readonly #signal: AbortSignal;
  readonly #onClosed: () => void;
  #host: CardHost | null = null;
  #loading: Promise<CardHost | null> | null = null;
  /** Set between a show() and the card's arrival, so a close() meanwhile wins. */
  #wanted: { state: CardState; dark: boolean } | null = null;

  constructor(doc: Document, signal: AbortSignal, onClosed: () => void) {
    this.#doc = doc;
    this.#signal = signal;
    this.#onClosed = onClosed;
  }

  get claimId(): string | null {
    return this.#host?.claimId ?? this.#wanted?.state.claim.claimId ?? null;
  }

  contains(event: Event): boolean {
    return this.#host?.contains(event) ?? false;
  }

  show(state: CardState, dark: boolean): void {
    if (this.#host) {
      this.#host.show(state, dark);
      return;
    }
    this.#wanted = { state, dark };
    void this.#load().then((host) => {
      const wanted = this.#wanted;
      this.#wanted = null;
      if (host && wanted && !this.#signal.aborted) host.show(wanted.state, wanted.dark);
    });
  }

  close(): void {
    if (this.#wanted) {
      this.#wanted = null;
      this.#onClosed();
    }
    this.#host?.close();
  }

  #load(): Promise<CardHost | null> {
    this.#loading ??= (async () => {
      try {
        const global = globalThis as Record<string, unknown>;
        if (!global[CARD_HOST_GLOBAL]) await import(/* @vite-ignore */ browser.runtime.getURL('/review-card.js'));
        // review-card.js sets it as it runs; a file that failed to run failed the import.
        const Host = global[CARD_HOST_GLOBAL] as CardHostClass;
        this.#host = new Host(this.#doc, this.#signal, this.#onClosed);
        return this.#host;
      } catch (error) {
        this.#loading = null;
        if (!this.#signal.aborted) console.error('[ClaimTrail] could not open the review card:', error);
        return null;
      }
    })();
    return this.#loading;
  }
}
