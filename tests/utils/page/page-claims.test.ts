import { describe, expect, it } from 'vitest';
import { anchor, describe as describeSelectors } from '../../../utils/anchoring';
import type { Claim } from '../../../utils/claims/types';
import type { ClaimRecord } from '../../../utils/db/types';
import { detectedViews, mergeStored, paintStatusOf, plainAnchor, toPageClaim, toReviewCount, unmatchedRecords } from '../../../utils/page/page-claims';

const PAGE = 'https://news.example/story';
const TEXT = 'Headline said nothing\n\nThe plan will fail, Smith said Monday.\n\nJones believes the vote is rigged.';

function claimOver(id: string, content: string, cue: string, source: string): Claim {
  const at = (needle: string): [number, number] => {
    const start = TEXT.indexOf(needle);
    if (start < 0) throw new Error(needle);
    return [start, start + needle.length];
  };
  return { id, kind: 'indirect', content: [at(content)], cue: at(cue), source: at(source), speaker: { name: source, type: 'person' }, confidence: 0.9 };
}

const CLAIMS = [
  claimOver('h', 'nothing', 'said', 'Headline'),
  claimOver('smith', 'The plan will fail', 'said Monday', 'Smith'),
  claimOver('jones', 'the vote is rigged', 'believes', 'Jones'),
];
const HEADINGS: [number, number][] = [[0, 21]];

function detected() {
  return detectedViews({ text: TEXT, claims: CLAIMS, pageUrl: PAGE, headings: HEADINGS });
}

function record(view: ReturnType<typeof detected>[number], changes: Partial<ClaimRecord>): ClaimRecord {
  return {
    id: view.claimId,
    pageUrl: PAGE,
    speaker: view.snapshot.speaker,
    cue: view.snapshot.cue,
    kind: view.snapshot.kind,
    text: view.snapshot.text,
    selectors: view.snapshot.selectors,
    status: 'unreviewed',
    note: '',
    fingerprint: 'x',
    createdAt: 1,
    updatedAt: 1,
    anchor: 'anchored',
    manual: false,
    dismissed: false,
    ...changes,
  };
}

describe('detectedViews', () => {
  it('builds snapshots with cue, speaker mention and selectors, and drops claims inside headings', () => {
    const views = detected();
    expect(views.map((view) => view.snapshot.text)).toEqual(['The plan will fail', 'the vote is rigged']);
    const [smith] = views;
    expect(smith?.snapshot.cue).toBe('said Monday');
    expect(smith?.snapshot.speaker).toEqual({ name: 'Smith', type: 'person', mention: 'Smith' });
    expect(smith?.snapshot.selectors.quote.exact).toBe('The plan will fail');
    expect(smith?.context.map(([start, end]) => TEXT.slice(start, end))).toEqual(['said Monday', 'Smith']);
    expect(new Set(views.map((view) => view.claimId)).size).toBe(2);
  });
});

/** As the session locates records: utils/anchoring over the text (the background runs it for the page). */
const locate = (record: ClaimRecord) => anchor(TEXT, record.selectors);

describe('mergeStored', () => {
  it('gives a detected claim the stored verdict and note of its record', () => {
    const [smith, jones] = detected();
    if (!smith || !jones) throw new Error('fixture');
    const merged = mergeStored(TEXT, detected(), [record(smith, { status: 'verified', note: 'checked' })], {}, locate);
    expect(merged.views.map((view) => [view.snapshot.text, view.status, view.note])).toEqual([
      ['The plan will fail', 'verified', 'checked'],
      ['the vote is rigged', 'unreviewed', ''],
    ]);
    expect(merged.anchors).toEqual([{ claimId: smith.claimId, anchor: 'anchored' }]);
    expect(toReviewCount(merged.views)).toBe(1);
  });

  it('leaves the detected views as they were detected, for the next merge', () => {
    const views = detected();
    const [smith, jones] = views;
    if (!smith || !jones) throw new Error('fixture');
    const verdict = { claimId: 'elsewhere', site: 'wire.example', pageUrl: 'https://wire.example/a', pageTitle: 'A', status: 'disputed' as const, reviewedAt: 5 };
    mergeStored(TEXT, views, [record(smith, { status: 'verified', note: 'checked' })], { [jones.snapshot.detectorId]: verdict }, locate);
    // The record was deleted meanwhile: nothing of it, or of the verdict, stays on the claims.
    const merged = mergeStored(TEXT, views, [], {}, locate);
    expect(merged.views.map((view) => [view.status, view.note, view.earlier])).toEqual([
      ['unreviewed', '', undefined],
      ['unreviewed', '', undefined],
    ]);
  });

  it('hides dismissed claims', () => {
    const [smith] = detected();
    if (!smith) throw new Error('fixture');
    const merged = mergeStored(TEXT, detected(), [record(smith, { dismissed: true })], {}, locate);
    expect(merged.views.map((view) => view.snapshot.text)).toEqual(['the vote is rigged']);
  });

  it('shows a record whose text changed as "changed", never with its old verdict', () => {
    const [smith] = detected();
    if (!smith) throw new Error('fixture');
    // Reviewed when the sentence read differently; the page now says "The plan will fail".
    const oldText = 'TEXT\n\nThe plan will flail, Smith said Monday.';
    const start = oldText.indexOf('The plan will flail');
    const old = record(smith, {
      id: 'old-record',
      text: 'The plan will flail',
      selectors: describeSelectors(oldText.replace('TEXT', 'Headline said nothing'), start + 17, start + 17 + 19),
      status: 'verified',
    });
    const merged = mergeStored(TEXT, detected(), [old], {}, locate);
    const view = merged.views.find((candidate) => candidate.claimId === 'old-record');
    expect(view?.anchor).toBe('changed');
    expect(view?.snapshot.text).toBe('The plan will flail');
    expect(view?.current.text).toBe(view?.currentText);
    expect(view?.currentText).toContain('The plan will fail');
    expect(view && paintStatusOf(view)).toBe('changed');
    // The detection at the same place is not shown twice.
    expect(merged.views.filter((candidate) => candidate.snapshot.text.includes('plan'))).toHaveLength(1);
    expect(toReviewCount(merged.views)).toBe(2);
  });

  it('keeps a split quote anchored when the detector now files it under another id', () => {
    const [smith] = detected();
    if (!smith) throw new Error('fixture');
    // A two-fragment claim: its text joins the fragments, its quote selector spans the whole extent.
    const start = TEXT.indexOf('The plan');
    const end = TEXT.indexOf(' Monday');
    const split = record(smith, {
      id: 'split-record',
      text: 'The plan will fail … said',
      selectors: describeSelectors(TEXT, start, end),
      status: 'disputed',
    });
    const merged = mergeStored(TEXT, detected(), [split], {}, locate);
    const view = merged.views.find((candidate) => candidate.claimId === 'split-record');
    expect(view?.anchor).toBe('anchored');
    expect(view && paintStatusOf(view)).toBe('disputed');
    expect(merged.anchors).toContainEqual({ claimId: 'split-record', anchor: 'anchored' });
  });

  it('lists records that cannot be found as orphans', () => {
    const [smith] = detected();
    if (!smith) throw new Error('fixture');
    const gone = record(smith, {
      id: 'gone',
      text: 'Completely different words that are nowhere on the page',
      selectors: describeSelectors('Completely different words that are nowhere on the page', 0, 56),
      status: 'disputed',
    });
    const merged = mergeStored(TEXT, detected(), [gone], {}, locate);
    expect(merged.orphans.map((orphan) => orphan.id)).toEqual(['gone']);
    expect(merged.anchors).toEqual([{ claimId: 'gone', anchor: 'orphaned' }]);
  });

  it('leaves out a record not located yet (null), neither shown nor reported', () => {
    const [smith] = detected();
    if (!smith) throw new Error('fixture');
    const elsewhere = record(smith, { id: 'pending', text: 'The plan will flail', selectors: describeSelectors('x The plan will flail', 2, 21) });
    const merged = mergeStored(TEXT, detected(), [elsewhere], {}, () => null);
    expect(merged.views.map((view) => view.claimId)).not.toContain('pending');
    expect(merged.orphans).toEqual([]);
    expect(merged.anchors).toEqual([]);
  });

  it('attaches an earlier verdict from another page to the matching detection', () => {
    const [, jones] = detected();
    if (!jones) throw new Error('fixture');
    const verdict = { claimId: 'elsewhere', site: 'wire.example', pageUrl: 'https://wire.example/a', pageTitle: 'A', status: 'disputed' as const, reviewedAt: 5 };
    const merged = mergeStored(TEXT, detected(), [], { [jones.snapshot.detectorId]: verdict }, locate);
    expect(merged.views.find((view) => view.claimId === jones.claimId)?.earlier).toEqual(verdict);
  });
});

describe('locating stored records', () => {
  it('needs anchoring only for records without a detected twin of the same text', () => {
    const [smith, jones] = detected();
    if (!smith || !jones) throw new Error('fixture');
    const twin = record(smith, {});
    const edited = record(jones, { text: 'the vote was rigged' });
    const manual = record(smith, { id: 'manual' });
    expect(unmatchedRecords(detected(), [twin, edited, manual])).toEqual([edited, manual]);
  });

  it('places a quote where it was or at its only occurrence, as utils/anchoring would, and leaves the rest to it', () => {
    const at = TEXT.indexOf('The plan will fail');
    const moved = describeSelectors(`xx${TEXT}`, at + 2, at + 20);
    const twice = `${TEXT} The plan will fail`;
    const cases = [describeSelectors(TEXT, at, at + 18), moved];
    for (const selectors of cases) {
      expect(plainAnchor(TEXT, selectors)).toEqual(anchor(TEXT, selectors));
      expect(plainAnchor(TEXT, selectors)).toEqual({ state: 'anchored', start: at, end: at + 18 });
    }
    // Two occurrences (context decides), a changed quote (fuzzy) and an empty one: not plain.
    expect(plainAnchor(twice, describeSelectors(`xx${twice}`, at + 2, at + 20))).toBeNull();
    expect(plainAnchor(TEXT, describeSelectors('The plan will flail', 0, 19))).toBeNull();
    expect(plainAnchor(TEXT, describeSelectors(TEXT, 5, 5))).toBeNull();
  });
});

describe('toPageClaim', () => {
  it('sends a view without its spans, context and current text, keeping changed text and earlier verdicts', () => {
    const [smith, jones] = detected();
    if (!smith || !jones) throw new Error('fixture');
    expect(toPageClaim(smith)).toEqual({ claimId: smith.claimId, snapshot: smith.snapshot, status: 'unreviewed', note: '', anchor: 'anchored' });
    const verdict = { claimId: 'elsewhere', site: 'wire.example', pageUrl: 'https://wire.example/a', pageTitle: 'A', status: 'disputed' as const, reviewedAt: 5 };
    const changed = { ...jones, anchor: 'changed' as const, currentText: 'the vote was rigged', earlier: verdict };
    expect(Object.keys(toPageClaim(changed)).sort()).toEqual(['anchor', 'claimId', 'currentText', 'earlier', 'note', 'snapshot', 'status']);
    expect(toPageClaim(changed)).toMatchObject({ currentText: 'the vote was rigged', earlier: verdict });
  });
});
