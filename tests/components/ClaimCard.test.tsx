import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { ClaimCard, type ClaimCardProps } from '../../components/ClaimCard';
import type { PageClaim } from '../../utils/messaging/protocol';

function pageClaim(changes: Partial<PageClaim> = {}): PageClaim {
  return {
    claimId: 'c1',
    snapshot: {
      detectorId: 'd1',
      kind: 'direct',
      speaker: { name: 'Ayad Allawi', role: 'Iraqi Vice President', type: 'person', mention: 'Allawi' },
      cue: 'said',
      text: '“The discussion has started now,”',
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: 'x', prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: 0, end: 1 },
      },
      confidence: 0.9,
      manual: false,
    },
    status: 'unreviewed',
    note: '',
    anchor: 'anchored',
    ...changes,
  };
}

function renderCard(props: Partial<ClaimCardProps> = {}) {
  const handlers = {
    onStatus: vi.fn(),
    onNote: vi.fn(() => Promise.resolve()),
    onDismiss: vi.fn(),
    onApplyEarlier: vi.fn(),
    onClose: vi.fn(),
  };
  render(<ClaimCard claim={pageClaim()} error={null} {...handlers} {...props} />);
  return handlers;
}

describe('ClaimCard', () => {
  it('is a dialog named by the speaker, showing role, cue, kind and the claim text', () => {
    renderCard();
    const dialog = screen.getByRole('dialog', { name: /Ayad Allawi/ });
    expect(dialog.textContent).toContain('Iraqi Vice President');
    expect(dialog.textContent).toContain('said · direct quote');
    expect(dialog.textContent).toContain('“The discussion has started now,”');
  });

  it('renders page text as text, never as markup', () => {
    const claim = pageClaim();
    claim.snapshot.text = '<img src=x onerror="window.pwned=1">';
    renderCard({ claim });
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('dialog').textContent).toContain('<img src=x onerror="window.pwned=1">');
  });

  it('sets a verdict and clears it with the same button', () => {
    const handlers = renderCard({ claim: pageClaim({ status: 'verified' }) });
    const verified = screen.getByRole('button', { name: /Verified/ });
    expect(verified.getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(verified);
    expect(handlers.onStatus).toHaveBeenLastCalledWith('unreviewed');
    fireEvent.click(screen.getByRole('button', { name: /Disputed/ }));
    expect(handlers.onStatus).toHaveBeenLastCalledWith('disputed');
  });

  it('says where the claim is among the page’s claims and which keys move to the others', () => {
    renderCard({ position: { index: 2, total: 7, keys: { next: { label: 'Alt+Shift+N' }, previous: { label: 'Alt+Shift+P' } } } });
    expect(screen.getByRole('dialog').textContent).toContain('Claim 3 of 7 · Alt+Shift+N next, Alt+Shift+P previous');
  });

  it('dismisses and closes', () => {
    const handlers = renderCard();
    fireEvent.click(screen.getByRole('button', { name: 'Not a claim' }));
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(handlers.onDismiss).toHaveBeenCalledOnce();
    expect(handlers.onClose).toHaveBeenCalledOnce();
  });

  it('saves the note after typing stops', async () => {
    vi.useFakeTimers();
    try {
      const handlers = renderCard();
      fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'Checked with Reuters' } });
      expect(handlers.onNote).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(1000);
      expect(handlers.onNote).toHaveBeenCalledWith('Checked with Reuters');
    } finally {
      vi.useRealTimers();
    }
  });

  it('offers an earlier verdict from another site, applied only on request', () => {
    const earlier = { claimId: 'e', site: 'wire.example', pageUrl: 'https://wire.example/a', pageTitle: 'A', status: 'verified' as const, reviewedAt: Date.UTC(2026, 0, 5) };
    const handlers = renderCard({ claim: pageClaim({ earlier }) });
    expect(screen.getByRole('dialog').textContent).toMatch(/Also seen on wire\.example: you marked it verified/);
    expect(handlers.onStatus).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Apply same verdict' }));
    expect(handlers.onApplyEarlier).toHaveBeenCalledOnce();
  });

  it('shows old and new text for a changed claim and does not present the old verdict as current', () => {
    renderCard({
      claim: pageClaim({ status: 'verified', anchor: 'changed', currentText: 'The discussion has begun,' }),
      changed: { reviewedText: 'The discussion has started now,', reviewedStatus: 'verified', currentText: 'The discussion has begun,' },
    });
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('Text changed since reviewed');
    expect(dialog.textContent).toContain('The discussion has started now,');
    expect(dialog.textContent).toContain('The discussion has begun,');
    expect(screen.getByRole('button', { name: /Verified/ }).getAttribute('aria-pressed')).toBe('false');
  });

  it('says when saving failed', () => {
    renderCard({ error: 'ClaimTrail could not save this change.' });
    expect(screen.getByRole('alert').textContent).toBe('ClaimTrail could not save this change.');
  });
});
