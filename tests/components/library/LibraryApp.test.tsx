import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { fakeBrowser } from 'wxt/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LibraryApp } from '../../../components/library/LibraryApp';
import type { LibraryServices } from '../../../components/library/services';
import { createDb, type ClaimTrailDb } from '../../../utils/db/database';
import { deleteClaims, restoreClaims, reviewHistory, setStatus } from '../../../utils/db/operations';
import { applyImport } from '../../../utils/import/apply-import';
import { disabledSites, rememberAllClaims } from '../../../utils/settings';
import { exportedAt, sampleLibrary } from '../../utils/export/sample-library';
import { claimById, everyClaim, everyReview } from '../../utils/db/helpers';
import { exportText } from '../../utils/import/fixtures';

// IndexedDB work on a busy shared machine can outlast the default one second; these wait for outcomes, not speed.
configure({ asyncUtilTimeout: 8000 });

let db: ClaimTrailDb;
let counter = 0;
let saved: { blob: Blob; name: string }[];
let services: LibraryServices;
let sent: string[];

beforeEach(async () => {
  fakeBrowser.reset();
  // The open section is kept in the URL hash; each test starts on the claims.
  history.replaceState(null, '', '#');
  db = createDb(`library-app-${counter++}`);
  await applyImport(db, sampleLibrary);
  saved = [];
  sent = [];
  // The background's side of the messages, run directly against the same database.
  services = {
    db,
    async send(type, data) {
      sent.push(type);
      if (type === 'claims:set-status') {
        const d = data as { claimIds: string[]; status: 'verified' | 'disputed' | 'unreviewed' };
        return (await setStatus(db, d.claimIds, d.status)).length as never;
      }
      if (type === 'claims:delete') return (await deleteClaims(db, (data as { claimIds: string[] }).claimIds)).claims.length as never;
      if (type === 'claims:restore') {
        const d = data as Parameters<typeof restoreClaims>[1] extends infer C ? { claims: C; reviews?: Parameters<typeof restoreClaims>[2] } : never;
        return (await restoreClaims(db, d.claims, d.reviews)) as never;
      }
      throw new Error(`unexpected ${type}`);
    },
    notifyPages: vi.fn(async () => {}),
    saveFile: (blob, name) => saved.push({ blob, name }),
    now: () => exportedAt,
    commands: async () => [{ description: 'Toggle highlights on this page', shortcut: 'Alt+Shift+H' }],
  };
});

afterEach(async () => {
  await db.delete();
});

async function rows() {
  await waitFor(() => expect(screen.getAllByRole('article').length).toBeGreaterThan(0));
  return screen.getAllByRole('article');
}

describe('LibraryApp', () => {
  it('lists every tracked claim newest first, with page links that scroll to the claim', async () => {
    render(<LibraryApp services={services} />);
    const list = await rows();
    expect(list.map((r) => within(r).getByRole('group', { name: 'Verdict' }) && r.querySelector('.ct-claim__text')?.textContent)).toEqual([
      '<img src=x onerror=alert(1)> 🎉 — `code` _under_ *star*\n    1. four spaces',
      '=HYPERLINK("http://evil.example","click")\n+2',
      '“The discussion has started now”',
    ]);
    // Page text is rendered as text: no element was created from it.
    expect(document.querySelector('img')).toBeNull();
    const link = within(list[2]!).getByRole('link', { name: 'ISIS & al-Qaida: <b>"alliance"</b> [talks]' });
    expect(link.getAttribute('href')).toBe('https://news.example.com/world/alliance#:~:text=The%20discussion%20has%20started%20now%2C');
    expect(screen.getByText('3 of 3 claims shown')).toBeTruthy();
  });

  it('searches (debounced) and filters by status', async () => {
    render(<LibraryApp services={services} />);
    await rows();
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'allawi REUTERS' } });
    await waitFor(() => expect(screen.getByText('1 of 3 claims shown')).toBeTruthy());
    expect(screen.getAllByRole('article')).toHaveLength(1);
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'disputed' } });
    await waitFor(() => expect(screen.getByText('1 of 3 claims shown')).toBeTruthy());
    expect(screen.getByRole('article').textContent).toContain('the ministry');
  });

  it('groups by page with counts', async () => {
    render(<LibraryApp services={services} />);
    await rows();
    fireEvent.change(screen.getByRole('combobox', { name: 'Group by' }), { target: { value: 'page' } });
    await waitFor(() => expect(screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent)).toEqual([
      '# Heading * item =1+1 1 claim'.replace(' * ', '\n* '),
      'ISIS & al-Qaida: <b>"alliance"</b> [talks] 2 claims',
    ]));
  });

  it('sets a verdict from a row through the background message', async () => {
    render(<LibraryApp services={services} />);
    const list = await rows();
    fireEvent.click(within(list[0]!).getByRole('button', { name: /Verified/ }));
    await waitFor(async () => expect((await claimById(db, 'p2:m1'))?.status).toBe('verified'));
    expect(sent).toEqual(['claims:set-status']);
    await waitFor(() => expect(within(screen.getAllByRole('article')[0]!).getByRole('button', { name: /Verified/ }).getAttribute('aria-pressed')).toBe('true'));
  });

  it('saves a note typed in a row through utils/db setNote: the claim, one history entry, and the page\'s tabs told', async () => {
    render(<LibraryApp services={services} />);
    const list = await rows();
    const before = await reviewHistory(db, 'p2:m1').then((h) => h.length);
    const field = within(list[0]!).getByRole('textbox');
    fireEvent.input(field, { target: { value: 'checked against the transcript' } });
    fireEvent.blur(field);
    await waitFor(async () => expect((await claimById(db, 'p2:m1'))?.note).toBe('checked against the transcript'));
    const history = await reviewHistory(db, 'p2:m1');
    expect(history).toHaveLength(before + 1);
    expect(history.at(-1)?.to.note).toBe('checked against the transcript');
    expect((await claimById(db, 'p2:m1'))?.reviewedAt).toBe(history.at(-1)?.at);
    await waitFor(() => expect(services.notifyPages).toHaveBeenCalledWith([sampleLibrary.claims.find((c) => c.id === 'p2:m1')!.pageUrl]));
    expect(sent).toEqual([]);
  });

  it('applies bulk status to the selection, and deletes with undo that restores claims and history', async () => {
    render(<LibraryApp services={services} />);
    const list = await rows();
    fireEvent.click(within(list[1]!).getByRole('checkbox'));
    fireEvent.click(within(list[2]!).getByRole('checkbox'));
    expect(screen.getByText('2 selected claims:')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Mark disputed' }));
    await waitFor(async () => expect((await Promise.all(['p1:c1', 'p1:c2'].map((id) => claimById(db, id)))).map((c) => c?.status)).toEqual(['disputed', 'disputed']));
    expect((await claimById(db, 'p2:m1'))?.status).toBe('unreviewed');

    const historyBefore = (await everyReview(db)).length;
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(screen.getByText('Deleted 2 claims.')).toBeTruthy());
    expect((await everyClaim(db)).length).toBe(1);
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(screen.getByText('Restored 2 claims.')).toBeTruthy());
    expect((await everyClaim(db)).length).toBe(3);
    expect((await everyReview(db)).length).toBe(historyBefore);
  });

  it('exports what the filter shows, named after it', async () => {
    render(<LibraryApp services={services} />);
    await rows();
    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'disputed' } });
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
    fireEvent.click(screen.getByRole('button', { name: 'Export' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0]!.name).toMatch(/^claimtrail-\d{4}-\d{2}-\d{2}-disputed\.csv$/);
    const text = await saved[0]!.blob.text();
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(2);
    expect(text).toContain("'=HYPERLINK");
  });

  it('imports a file after showing the preview and the merge rule', async () => {
    await db.claimChunks.clear();
    render(<LibraryApp services={services} />);
    await waitFor(() => expect(screen.getByText('No claims tracked yet')).toBeTruthy());
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    const file = new File([exportText(sampleLibrary)], 'backup.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    fireEvent.change(input);
    const dialog = await screen.findByRole('dialog', { name: 'Import backup.json' });
    expect(dialog.textContent).toContain('3 claims on 2 pages: 3 new, 0 already here');
    expect(dialog.textContent).toContain('the more recent review wins; the review history from both is kept');
    expect((await everyClaim(db)).length).toBe(0);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Import 3 claims' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(3));
    expect(services.notifyPages).toHaveBeenCalled();
  });

  it('refuses a bad file, saying what and where, and writes nothing', async () => {
    render(<LibraryApp services={services} />);
    await rows();
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    const bad = exportText(sampleLibrary).replace('"status":"verified"', '"status":"true"');
    Object.defineProperty(input, 'files', { value: [new File([bad], 'bad.json')], configurable: true });
    fireEvent.change(input);
    const dialog = await screen.findByRole('dialog', { name: 'Cannot import bad.json' });
    expect(within(dialog).getByRole('alert').textContent).toContain('claims[0].status: expected unreviewed, verified or disputed, got "true"');
  });

  it('shows speakers with verdict counts, and opens their claims', async () => {
    render(<LibraryApp services={services} />);
    await rows();
    fireEvent.click(screen.getByRole('button', { name: 'Speakers' }));
    const table = screen.getByRole('table', { name: 'Speakers and their claims' });
    const allawi = within(table).getByRole('button', { name: 'Show claims by Ayad Allawi' }).closest('tr')!;
    expect([...allawi.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['1', '1', '0', '0', '1']);
    fireEvent.click(within(table).getByRole('button', { name: 'Show claims by Ayad Allawi' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(1));
  });

  it('settings: remember-all switch, site list with remove, shortcuts, clear all data with confirmation', async () => {
    await disabledSites.setValue(['example.com', 'news.example.org']);
    render(<LibraryApp services={services} />);
    await rows();
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    const remember = screen.getByRole('checkbox', { name: /Remember every detected claim/ });
    await waitFor(() => expect((remember as HTMLInputElement).checked).toBe(false));
    fireEvent.click(remember);
    await waitFor(async () => expect(await rememberAllClaims.getValue()).toBe(true));
    fireEvent.click(await screen.findByRole('button', { name: 'Turn highlighting back on for example.com' }));
    await waitFor(async () => expect(await disabledSites.getValue()).toEqual(['news.example.org']));
    expect(await screen.findByText('Alt+Shift+H')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Clear all data…' }));
    const dialog = screen.getByRole('dialog', { name: 'Clear all data?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect((await everyClaim(db)).length).toBe(3);
    fireEvent.click(screen.getByRole('button', { name: 'Clear all data…' }));
    fireEvent.click(within(screen.getByRole('dialog', { name: 'Clear all data?' })).getByRole('button', { name: 'Delete everything' }));
    await waitFor(async () => expect((await everyClaim(db)).length).toBe(0));
    expect(await db.pages.count()).toBe(0);
    expect((await everyReview(db)).length).toBe(0);
  });
});
