import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { FIRST_SCREEN_CLAIMS } from '../../../components/ClaimList';
import { App } from '../../../entrypoints/popup/App';
import { ALLAWI, pageClaim, record, seedClaims } from '../../components/fixtures';
import { fakeServices, memoryArea, PAGE } from './fake-services';

async function renderPopup(options: Parameters<typeof fakeServices>[0] = {}) {
  const fake = fakeServices(options);
  const view = render(<App services={fake.services} />);
  return { ...fake, view };
}

async function claimItems() {
  const list = await screen.findByRole('list', { name: /Claims on this page/ });
  return within(list).getAllByRole('listitem');
}

describe('popup: page with claims', () => {
  it('shows the page, the counts and the seven claims in reading order', async () => {
    await renderPopup({ data: { claims: seedClaims(['verified', 'unreviewed', 'disputed', 'verified']) } });
    expect(await screen.findByRole('heading', { level: 1, name: PAGE.title })).toBeTruthy();
    expect(screen.getByText('127.0.0.1')).toBeTruthy();
    expect(screen.getByText('7 claims · 2 verified · 1 disputed · 4 to review')).toBeTruthy();
    const items = await claimItems();
    expect(items).toHaveLength(7);
    for (const item of items) expect(within(item).getByText('Ayad Allawi')).toBeTruthy();
    expect(within(items[0]!).getByText(', Iraqi Vice President')).toBeTruthy();
    expect(items[0]!.textContent).toContain('The Islamic State and al-Qaida are exploring');
    // Direct quotes in quotation marks, reported speech plain.
    expect(within(items[2]!).getByText('“The discussion has started now”')).toBeTruthy();
    expect(within(items[4]!).getByText('ISIS will find a way to survive')).toBeTruthy();
    expect(within(items[4]!).getByText(/cue “believes”/)).toBeTruthy();
  });

  it('sets a verdict with the status buttons, and clears it with a second press', async () => {
    const { services } = await renderPopup();
    const [first] = await claimItems();
    const verified = within(first!).getByRole('button', { name: /Verified/ });
    fireEvent.click(verified);
    await waitFor(() => expect(verified.getAttribute('aria-pressed')).toBe('true'));
    expect(services.review).toHaveBeenLastCalledWith(
      expect.objectContaining({ pageUrl: PAGE.url, claimId: seedClaims()[0]!.claimId, status: 'verified' }),
    );
    await screen.findByText('7 claims · 1 verified · 0 disputed · 6 to review');
    fireEvent.click(verified);
    await waitFor(() => expect(verified.getAttribute('aria-pressed')).toBe('false'));
    expect(services.review).toHaveBeenLastCalledWith(expect.objectContaining({ status: 'unreviewed' }));
  });

  it('shows a failed save in words and rolls the verdict back', async () => {
    const { services } = await renderPopup();
    services.review.mockRejectedValueOnce(new Error("ClaimTrail could not save: your browser's storage is full."));
    const [first] = await claimItems();
    const disputed = within(first!).getByRole('button', { name: /Disputed/ });
    fireEvent.click(disputed);
    expect((await screen.findByRole('alert')).textContent).toMatch(/verdict was not saved.*storage is full/);
    await waitFor(() => expect(disputed.getAttribute('aria-pressed')).toBe('false'));
  });

  it('removes a claim marked "Not a claim"', async () => {
    const { services } = await renderPopup();
    const items = await claimItems();
    fireEvent.click(within(items[1]!).getByRole('button', { name: 'Not a claim' }));
    await waitFor(async () => expect(await claimItems()).toHaveLength(6));
    expect(services.dismiss).toHaveBeenCalledWith(expect.objectContaining({ pageUrl: PAGE.url, claimId: seedClaims()[1]!.claimId }));
    expect(screen.getByText(/^6 claims/)).toBeTruthy();
  });

  it('asks the page to show a claim', async () => {
    const { services, page } = await renderPopup();
    const items = await claimItems();
    fireEvent.click(within(items[3]!).getByRole('button', { name: 'Show in page' }));
    await waitFor(() => expect(services.showClaim).toHaveBeenCalledWith(7, page.claims[3]!.claimId));
  });

  it('renders page text as text, never as markup', async () => {
    const hostile = '<img src=x onerror="window.__pwned=1"> and <b>bold</b>';
    await renderPopup({ data: { claims: [pageClaim('x', hostile, { speaker: { name: '<script>alert(1)</script>', type: 'person' } })] } });
    const [item] = await claimItems();
    expect(within(item!).getByText(hostile)).toBeTruthy();
    expect(within(item!).getByText('<script>alert(1)</script>')).toBeTruthy();
    expect(document.querySelector('img, b, script')).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it('reflects reviews made elsewhere (stored state wins over what the page reported)', async () => {
    const claims = seedClaims();
    await renderPopup({ data: { claims }, stored: [record(claims[5]!, { status: 'disputed', note: 'Said in 2015, not now' })] });
    const items = await claimItems();
    await waitFor(() => expect(within(items[5]!).getByRole('button', { name: /Disputed/ }).getAttribute('aria-pressed')).toBe('true'));
    await waitFor(() => expect(within(items[5]!).getByRole('textbox', { name: 'Note' })).toHaveProperty('value', 'Said in 2015, not now'));
  });
});

describe('popup: badges and orphans', () => {
  it('shows changed text with old and new wording', async () => {
    const claim = pageClaim('c', 'The talks began in May', { anchor: 'changed', currentText: 'The talks began in June', status: 'verified' });
    await renderPopup({ data: { claims: [claim] } });
    const [item] = await claimItems();
    const badge = within(item!).getByText('Text changed since reviewed');
    fireEvent.click(badge);
    expect(within(item!).getByText('The talks began in May', { selector: 'dd' })).toBeTruthy();
    expect(within(item!).getByText('The talks began in June')).toBeTruthy();
  });

  it('offers the verdict given on another site, in one click', async () => {
    const claim = pageClaim('e', 'Sanctions will follow', {
      earlier: { claimId: 'other', site: 'wire.example', pageUrl: 'https://wire.example/a', pageTitle: 'Wire', status: 'disputed', reviewedAt: Date.UTC(2026, 10, 20) },
    });
    const { services } = await renderPopup({ data: { claims: [claim] } });
    const [item] = await claimItems();
    expect(item!.textContent).toMatch(/Also seen on wire\.example: you marked it disputed on/);
    fireEvent.click(within(item!).getByRole('button', { name: /Apply same verdict/ }));
    await waitFor(() => expect(services.review).toHaveBeenCalledWith(expect.objectContaining({ status: 'disputed' })));
    await waitFor(() => expect(within(item!).queryByRole('button', { name: /Apply same verdict/ })).toBeNull());
  });

  it('lists orphaned claims in their own section', async () => {
    const gone = record(pageClaim('g', 'A sentence the article no longer has'), { anchor: 'orphaned', status: 'verified', note: 'checked' });
    await renderPopup({ data: { orphans: [gone] } });
    const section = await screen.findByRole('region', { name: /No longer found on this page \(1\)/ });
    expect(within(section).getByText('A sentence the article no longer has')).toBeTruthy();
    expect(within(section).getByText('Verified')).toBeTruthy();
    expect(within(section).getByText('Note: checked')).toBeTruthy();
  });
});

describe('popup: filters', () => {
  const claims = [
    ...seedClaims(['verified', 'disputed']),
    pageClaim('o1', 'Budget talks will resume next week', { speaker: { name: 'Pentagon', type: 'organization' } }),
    pageClaim('o2', 'It was reported that talks stalled', { speaker: null }),
  ];

  it('filters by status with counts', async () => {
    await renderPopup({ data: { claims } });
    await claimItems();
    fireEvent.click(screen.getByRole('radio', { name: /To review 7/ }));
    expect(await claimItems()).toHaveLength(7);
    fireEvent.click(screen.getByRole('radio', { name: /Disputed 1/ }));
    const items = await claimItems();
    expect(items).toHaveLength(1);
    expect(items[0]!.textContent).toContain('The world’s two foremost');
  });

  it('filters by speaker, with a count per speaker', async () => {
    await renderPopup({ data: { claims } });
    await claimItems();
    const select = screen.getByRole('combobox', { name: 'Speaker' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual([
      'All speakers (9)',
      'Ayad Allawi (7)',
      'Pentagon (1)',
      'Unattributed (1)',
    ]);
    fireEvent.change(select, { target: { value: 'Pentagon' } });
    expect((await claimItems()).map((i) => i.textContent)).toEqual([expect.stringContaining('Budget talks')]);
  });

  it('searches claim text, and says so when nothing matches', async () => {
    await renderPopup({ data: { claims } });
    await claimItems();
    const search = screen.getByRole('searchbox', { name: 'Search claims' });
    fireEvent.input(search, { target: { value: 'venom' } });
    expect(await claimItems()).toHaveLength(1);
    fireEvent.input(search, { target: { value: 'no such words' } });
    expect(await screen.findByRole('heading', { name: 'No claims match' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(await claimItems()).toHaveLength(9);
  });
});

describe('popup: keyboard', () => {
  it('has one tab stop in the list, moves with arrows, and sets status with v and d', async () => {
    const { services } = await renderPopup();
    const items = await claimItems();
    expect(items.map((i) => i.tabIndex)).toEqual([0, -1, -1, -1, -1, -1, -1]);
    items[0]!.focus();
    fireEvent.keyDown(items[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    await waitFor(() => expect(items[1]!.tabIndex).toBe(0));
    expect(items[0]!.tabIndex).toBe(-1);
    fireEvent.keyDown(items[1]!, { key: 'End' });
    expect(document.activeElement).toBe(items[6]);
    fireEvent.keyDown(items[6]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(items[5]);

    fireEvent.keyDown(items[5]!, { key: 'v' });
    await waitFor(() => expect(within(items[5]!).getByRole('button', { name: /Verified/ }).getAttribute('aria-pressed')).toBe('true'));
    fireEvent.keyDown(items[5]!, { key: 'd' });
    await waitFor(() => expect(within(items[5]!).getByRole('button', { name: /Disputed/ }).getAttribute('aria-pressed')).toBe('true'));
    expect(services.review).toHaveBeenCalledTimes(2);
  });

  it('acts on the claim holding focus when a control inside it is focused', async () => {
    await renderPopup();
    const items = await claimItems();
    const show = within(items[3]!).getByRole('button', { name: 'Show in page' });
    show.focus();
    fireEvent.keyDown(show, { key: 'd' });
    await waitFor(() => expect(within(items[3]!).getByRole('button', { name: /Disputed/ }).getAttribute('aria-pressed')).toBe('true'));
  });

  it('n focuses the note, typing there is not a command, Escape returns to the claim, / focuses search', async () => {
    const { services } = await renderPopup();
    const items = await claimItems();
    items[2]!.focus();
    fireEvent.keyDown(items[2]!, { key: 'n' });
    const note = within(items[2]!).getByRole('textbox', { name: 'Note' });
    expect(document.activeElement).toBe(note);
    fireEvent.keyDown(note, { key: 'v' });
    fireEvent.keyDown(note, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(note);
    expect(services.review).not.toHaveBeenCalled();
    fireEvent.keyDown(note, { key: 'Escape' });
    expect(document.activeElement).toBe(items[2]);
    fireEvent.keyDown(items[2]!, { key: '/' });
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search claims' }));
  });

  it('shows the keys in a help line', async () => {
    await renderPopup();
    await claimItems();
    expect(document.getElementById('popup-keys')?.textContent).toBe('↑↓ move · v verified · d disputed · n note · / search · in the page: Alt+Shift+N / Alt+Shift+P next / previous claim');
  });
});

describe('popup: notes', () => {
  it('keeps a draft on every keystroke and saves after a pause', async () => {
    const area = memoryArea();
    const { services } = await renderPopup({ area });
    const [first] = await claimItems();
    const note = within(first!).getByRole('textbox', { name: 'Note' });
    fireEvent.input(note, { target: { value: 'Contradicted by' } });
    await waitFor(async () => expect((await services.drafts.all()).map((d) => d.update.note)).toEqual(['Contradicted by']));
    expect(services.review).not.toHaveBeenCalled();
    await waitFor(() => expect(services.review).toHaveBeenCalledWith(expect.objectContaining({ note: 'Contradicted by' })), { timeout: 2000 });
    expect(services.review.mock.calls[0]![0]).not.toHaveProperty('status');
    await waitFor(async () => expect(await services.drafts.all()).toEqual([]));
    expect(await within(first!).findByText('Saved')).toBeTruthy();
  });

  it('saves the note when the field goes away mid-word (filtered out, popup unmounted)', async () => {
    const { services, view } = await renderPopup();
    const [first] = await claimItems();
    fireEvent.input(within(first!).getByRole('textbox', { name: 'Note' }), { target: { value: 'half a wo' } });
    view.unmount();
    await waitFor(() => expect(services.review).toHaveBeenCalledWith(expect.objectContaining({ note: 'half a wo' })));
  });

  it('saves on pagehide, which is all a closing popup may get', async () => {
    const { services } = await renderPopup();
    const [first] = await claimItems();
    fireEvent.input(within(first!).getByRole('textbox', { name: 'Note' }), { target: { value: 'typed then closed' } });
    window.dispatchEvent(new Event('pagehide'));
    expect(services.review).toHaveBeenCalledWith(expect.objectContaining({ note: 'typed then closed' }));
  });

  it('brings back a note whose save never arrived, and finishes saving it', async () => {
    const area = memoryArea();
    const first = await renderPopup({ area });
    // The background never answers: the popup closed before the save got through.
    first.services.review.mockImplementation(() => new Promise(() => {}));
    const [item] = await claimItems();
    fireEvent.input(within(item!).getByRole('textbox', { name: 'Note' }), { target: { value: 'Allawi said this in 2014' } });
    first.view.unmount();

    const second = await renderPopup({ area });
    const [again] = await claimItems();
    await waitFor(() => expect(within(again!).getByRole('textbox', { name: 'Note' })).toHaveProperty('value', 'Allawi said this in 2014'));
    await waitFor(() =>
      expect(second.services.review).toHaveBeenCalledWith(expect.objectContaining({ note: 'Allawi said this in 2014' })),
    );
    await waitFor(async () => expect(await second.services.drafts.all()).toEqual([]));
    expect(second.db.get(seedClaims()[0]!.claimId)?.note).toBe('Allawi said this in 2014');
  });
});

describe('popup: empty and error states', () => {
  it('explains browser pages', async () => {
    const { services } = await renderPopup({ url: 'chrome://extensions/' });
    expect(await screen.findByRole('heading', { name: 'ClaimTrail can’t run on this page' })).toBeTruthy();
    expect(screen.getByText(/Browser pages .* are closed to extensions/)).toBeTruthy();
    expect(services.getClaims).not.toHaveBeenCalled();
  });

  it('explains the web stores', async () => {
    await renderPopup({ url: 'https://chromewebstore.google.com/detail/abc' });
    expect(await screen.findByText(/keep extensions out of their add-on stores/)).toBeTruthy();
  });

  it('offers a reload when no content script answers', async () => {
    const { services } = await renderPopup();
    services.getClaims.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    // Re-render with the rejection in place.
    render(<App services={services} />);
    expect(await screen.findByRole('heading', { name: 'ClaimTrail isn’t running on this page yet' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Reload page' }));
    await waitFor(() => expect(services.reloadTab).toHaveBeenCalledWith(7));
  });

  it('names both causes when the browser hides the URL and nothing answers', async () => {
    const fake = fakeServices();
    fake.services.targetTab.mockResolvedValue({ id: 3, url: undefined as unknown as string });
    fake.services.getClaims.mockRejectedValue(new Error('Receiving end does not exist.'));
    render(<App services={fake.services} />);
    expect(await screen.findByRole('heading', { name: 'ClaimTrail can’t reach this page' })).toBeTruthy();
    expect(screen.getByText(/open before ClaimTrail was installed.*Browser pages/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Reload page' })).toBeTruthy();
  });

  it('says when the page is not an article, with the track-a-selection hint', async () => {
    const { services } = await renderPopup({ data: { kind: 'not-article', claims: [] } });
    expect(await screen.findByRole('heading', { name: 'This page doesn’t look like a news article' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Track a selection' }));
    expect(await screen.findByText(/Select the claim’s text in the page first/)).toBeTruthy();
    expect(services.trackSelection).toHaveBeenCalledWith(7, undefined);
  });

  it('says when highlighting is off for the site, and turns it back on', async () => {
    const fake = fakeServices({ data: { kind: 'disabled', claims: [] } });
    fake.services.siteHighlighting.get.mockResolvedValue(false);
    render(<App services={fake.services} />);
    expect(await screen.findByRole('heading', { name: 'Highlighting is off for 127.0.0.1' })).toBeTruthy();
    const toggle = await screen.findByRole('switch', { name: 'Highlight claims on 127.0.0.1' });
    expect(toggle).toHaveProperty('checked', false);
    // The page reads the article a moment after the switch: until then the popup says it is looking.
    fake.services.getClaims
      .mockResolvedValueOnce({ ...fake.page, kind: 'disabled', claims: [] })
      .mockResolvedValue({ ...fake.page, kind: 'article', claims: seedClaims() });
    fireEvent.click(toggle);
    await waitFor(() => expect(fake.services.siteHighlighting.set).toHaveBeenCalledWith('127.0.0.1', true));
    expect(screen.getByText('Looking for claims…')).toBeTruthy();
    expect(await claimItems()).toHaveLength(7);
  });

  it('says when highlighting is off everywhere, not just on this site', async () => {
    await renderPopup({ data: { kind: 'disabled', claims: [] } });
    expect(await screen.findByRole('heading', { name: 'Highlighting is off everywhere' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Highlight claims on 127.0.0.1' })).toHaveProperty('checked', true);
  });

  it('says when no claims were found, with the hint', async () => {
    await renderPopup({ data: { claims: [] } });
    expect(await screen.findByRole('heading', { name: 'No claims found on this page' })).toBeTruthy();
    expect(screen.getByText(/Track selection as a claim/)).toBeTruthy();
  });

  it('says when stored reviews cannot be read, and still lists the claims', async () => {
    const fake = fakeServices();
    fake.readStored.mockRejectedValue(new Error('ClaimTrail could not open its database'));
    render(<App services={fake.services} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Saved reviews could not be read: ClaimTrail could not open its database/);
    expect(await claimItems()).toHaveLength(7);
  });
});

describe('popup: actions', () => {
  it('exports this page as Markdown or CSV and opens the library', async () => {
    const { services } = await renderPopup();
    await claimItems();
    const exportGroup = screen.getByRole('group', { name: 'Export this page' });
    fireEvent.click(within(exportGroup).getByRole('button', { name: 'Markdown' }));
    fireEvent.click(within(exportGroup).getByRole('button', { name: 'CSV' }));
    expect(services.exportPage.mock.calls.map((call) => [call[0], call[2].length])).toEqual([
      ['markdown', 7],
      ['csv', 7],
    ]);
    fireEvent.click(screen.getByRole('button', { name: 'Open library' }));
    expect(services.openLibrary).toHaveBeenCalled();
  });

  it('turns highlighting off for the site at once, and asks the page until it agrees', async () => {
    const { services, page } = await renderPopup();
    await claimItems();
    const toggle = await screen.findByRole('switch', { name: 'Highlight claims on 127.0.0.1' });
    expect(toggle).toHaveProperty('checked', true);
    // A busy page answers late: the popup shows the switch's effect meanwhile, and asks again until
    // the page reports "disabled".
    let answer = (_: typeof page) => {};
    services.getClaims
      .mockReturnValueOnce(new Promise((resolve) => (answer = resolve)))
      .mockResolvedValueOnce({ ...page, kind: 'article' })
      .mockResolvedValue({ ...page, kind: 'disabled', claims: [] });
    fireEvent.click(toggle);
    expect(await screen.findByRole('heading', { name: 'Highlighting is off for 127.0.0.1' })).toBeTruthy();
    expect(screen.queryByRole('list', { name: /Claims on this page/ })).toBeNull();
    expect(services.siteHighlighting.set).toHaveBeenCalledWith('127.0.0.1', false);
    answer({ ...page, kind: 'article' });
    await waitFor(() => expect(services.getClaims.mock.calls.length).toBeGreaterThanOrEqual(4));
    expect(screen.getByRole('heading', { name: 'Highlighting is off for 127.0.0.1' })).toBeTruthy();
  });

  it('keeps the switch where it was when the setting cannot be saved', async () => {
    const { services } = await renderPopup();
    await claimItems();
    services.siteHighlighting.set.mockRejectedValueOnce(new Error('storage is full'));
    const toggle = await screen.findByRole('switch', { name: 'Highlight claims on 127.0.0.1' });
    fireEvent.click(toggle);
    expect((await screen.findByRole('alert')).textContent).toMatch(/switch could not be saved.*storage is full/);
    expect(toggle).toHaveProperty('checked', true);
    expect(await claimItems()).toHaveLength(7);
  });

  it('keeps the speaker role out of the name a screen reader hears first', async () => {
    await renderPopup({ data: { claims: [pageClaim('r', 'Text', { speaker: ALLAWI })] } });
    const [item] = await claimItems();
    expect(item!.getAttribute('aria-labelledby')?.split(' ')).toHaveLength(2);
  });
});

describe('popup: long pages', () => {
  // The first screenful goes to the screen first (npm run bench:popup times it); the rest follow a
  // batch per frame, so a 200-claim page opens as fast as a short one.
  it('lists the first screenful of claims at once and every claim right after', async () => {
    const claims = Array.from({ length: 60 }, (_, i) => pageClaim(`l${i}`, `Claim number ${i}`));
    await renderPopup({ data: { claims } });
    const list = await screen.findByRole('list', { name: /Claims on this page/ });
    const first = within(list).getAllByRole('listitem');
    expect(first.length).toBe(FIRST_SCREEN_CLAIMS);
    expect(first[0]!.textContent).toContain('Claim number 0');
    expect(screen.getByText('60 claims · 0 verified · 0 disputed · 60 to review')).toBeTruthy();
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(60));
    expect(within(list).getAllByRole('listitem')[59]!.textContent).toContain('Claim number 59');
  });

  it('keeps the first items when the rest are added (the same elements, not rebuilt)', async () => {
    const claims = Array.from({ length: 30 }, (_, i) => pageClaim(`k${i}`, `Claim number ${i}`));
    await renderPopup({ data: { claims } });
    const list = await screen.findByRole('list', { name: /Claims on this page/ });
    const [firstItem] = within(list).getAllByRole('listitem');
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(30));
    expect(within(list).getAllByRole('listitem')[0]).toBe(firstItem);
  });
});
