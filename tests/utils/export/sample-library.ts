import type { ClaimRecord, PageRecord, ReviewRecord } from '../../../utils/db/types';
import type { LibrarySnapshot } from '../../../utils/export/library';

const T = (iso: string) => Date.parse(iso);

/** A small library whose text tries every trick: HTML, Markdown, formulas, quotes, newlines, emoji. */
export const pages: PageRecord[] = [
  {
    url: 'https://news.example.com/world/alliance',
    title: 'ISIS & al-Qaida: <b>"alliance"</b> [talks]',
    site: 'news.example.com',
    author: 'Russ Read',
    published: '2026-11-20',
    firstSeen: T('2026-11-21T08:00:00Z'),
    lastSeen: T('2026-11-22T09:30:00Z'),
  },
  {
    url: 'https://blog.example.org/post?id=1&x=2',
    title: '# Heading\n* item =1+1',
    site: 'blog.example.org',
    firstSeen: T('2026-11-23T10:00:00Z'),
    lastSeen: T('2026-11-23T10:00:00Z'),
  },
];

const base = {
  anchor: 'anchored',
  manual: false,
  dismissed: false,
} as const;

export const claims: ClaimRecord[] = [
  {
    ...base,
    id: 'p1:c1',
    pageUrl: pages[0]!.url,
    speaker: { name: 'Ayad Allawi', role: 'Iraqi Vice President', mention: 'Allawi', type: 'person' },
    cue: 'said',
    kind: 'direct',
    text: 'The discussion has started now,',
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: 'The discussion has started now,', prefix: 'al-Qaida. “', suffix: '” Allawi said' },
      position: { type: 'TextPositionSelector', start: 120, end: 151 },
    },
    status: 'verified',
    note: 'Checked against the "Reuters" wire, 2 sources.\nSee [link](javascript:alert(1))',
    fingerprint: 'ayad allawi|the discussion has started now',
    createdAt: T('2026-11-21T08:00:01Z'),
    updatedAt: T('2026-11-21T08:05:00Z'),
    reviewedAt: T('2026-11-21T08:05:00Z'),
  },
  {
    ...base,
    id: 'p1:c2',
    pageUrl: pages[0]!.url,
    speaker: { name: 'the ministry', type: 'organization' },
    cue: 'according to',
    kind: 'indirect',
    text: '=HYPERLINK("http://evil.example","click")\n+2',
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: '=HYPERLINK("http://evil.example","click")\n+2', prefix: '', suffix: ', according to' },
      position: { type: 'TextPositionSelector', start: 0, end: 44 },
    },
    status: 'disputed',
    note: '@SUM(A1)',
    fingerprint: 'the ministry|hyperlink',
    createdAt: T('2026-11-21T08:00:02Z'),
    updatedAt: T('2026-11-22T09:00:00Z'),
    reviewedAt: T('2026-11-22T09:00:00Z'),
  },
  {
    ...base,
    id: 'p2:m1',
    pageUrl: pages[1]!.url,
    speaker: null,
    cue: '',
    kind: 'mixed',
    text: '<img src=x onerror=alert(1)> 🎉 — `code` _under_ *star*\n    1. four spaces',
    selectors: {
      quote: { type: 'TextQuoteSelector', exact: '<img src=x onerror=alert(1)> 🎉', prefix: 'x', suffix: 'y' },
      position: { type: 'TextPositionSelector', start: 5, end: 36 },
    },
    status: 'unreviewed',
    note: '-1',
    fingerprint: '|img',
    createdAt: T('2026-11-23T10:00:05Z'),
    updatedAt: T('2026-11-23T10:00:05Z'),
    manual: true,
  },
];

export const reviews: ReviewRecord[] = [
  { id: 1, claimId: 'p1:c1', at: T('2026-11-21T08:05:00Z'), from: { status: 'unreviewed', note: '' }, to: { status: 'verified', note: 'Checked' } },
  { id: 2, claimId: 'p1:c2', at: T('2026-11-22T09:00:00Z'), from: { status: 'verified', note: '' }, to: { status: 'disputed', note: '@SUM(A1)' } },
];

export const sampleLibrary: LibrarySnapshot = { pages, claims, reviews };

export const exportedAt = new Date('2026-11-26T12:00:00Z');
