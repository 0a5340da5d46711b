// Feeds the real popup (built extension, real Chromium) a page's claims without a content script:
// the popup's `page:get-claims` request is answered in the popup itself. Used by the popup benchmark
// and its screenshots, so they show controlled data (200 claims, every badge) independent of the
// detector's output.
import type { Page } from 'puppeteer-core';
import type { ClaimKind } from '../../utils/claims/types';
import type { ClaimRecord, ReviewStatus, StoredSpeaker } from '../../utils/db/types';
import type { PageClaim, Response, ToContent } from '../../utils/messaging/protocol';

export type PageClaims = Response<ToContent, 'page:get-claims'>;

const SPEAKERS: StoredSpeaker[] = [
  { name: 'Ayad Allawi', role: 'Iraqi Vice President', type: 'person' },
  { name: 'Pentagon', type: 'organization' },
  { name: 'Jane Okafor', role: 'UN special envoy', type: 'person' },
  { name: 'the ministry', type: 'organization' },
];

const SENTENCES: [string, ClaimKind, string][] = [
  ['The Islamic State and al-Qaida are exploring the possibility of forming an alliance', 'indirect', 'said'],
  ['The world’s two foremost jihadi terrorist groups have engaged in discussions regarding the possibility of joining forces', 'indirect', 'told'],
  ['The discussion has started now,', 'direct', 'said'],
  ['There are discussions and dialogue between messengers representing Baghdadi and representing Zawahiri.', 'direct', 'said'],
  ['ISIS will find a way to survive', 'indirect', 'believes'],
  ['I can’t see ISIS disappearing into thin air,', 'direct', 'said'],
  ['They will remain covertly in sleeping cells, spreading their venom all over the world.', 'direct', 'said'],
];

function claim(index: number, speaker: StoredSpeaker | null, status: ReviewStatus, note = ''): PageClaim {
  const [text, kind, cue] = SENTENCES[index % SENTENCES.length]!;
  return {
    claimId: `stub#${index}`,
    snapshot: {
      detectorId: `c${index}`,
      kind,
      speaker,
      cue,
      text,
      selectors: {
        quote: { type: 'TextQuoteSelector', exact: text, prefix: '', suffix: '' },
        position: { type: 'TextPositionSelector', start: index * 200, end: index * 200 + text.length },
      },
      confidence: 0.9,
      manual: false,
    },
    status,
    note,
    anchor: 'anchored',
  };
}

export const SEED_PAGE = {
  url: 'https://dailycaller.com/2016/04/14/a-desperate-isis-might-be-looking-to-form-an-alliance-with-al-qaida/',
  title: 'A Desperate ISIS Might Be Looking To Form An Alliance With Al-Qaida',
  site: 'dailycaller.com',
};

/** The seed article's seven claims as a reviewer would see them mid-review, with every badge. */
export function seedPageClaims(): PageClaims {
  const speaker = SPEAKERS[0]!;
  const claims = SENTENCES.map((_, i) => claim(i, speaker, 'unreviewed'));
  claims[0] = { ...claims[0]!, status: 'verified', note: 'Matches his interview with the Associated Press, 13 April.' };
  claims[2] = { ...claims[2]!, status: 'disputed', anchor: 'changed', currentText: 'The discussion has not started yet,' };
  claims[4] = {
    ...claims[4]!,
    earlier: {
      claimId: 'other',
      site: 'reuters.com',
      pageUrl: 'https://www.reuters.com/article/x',
      pageTitle: 'Iraq VP says',
      status: 'verified',
      reviewedAt: Date.UTC(2026, 10, 20),
    },
  };
  const orphanSource = claim(8, speaker, 'verified', 'Quoted in the first version of the article.');
  const orphan: ClaimRecord = {
    id: 'stub#orphan',
    pageUrl: SEED_PAGE.url,
    speaker,
    cue: 'said',
    kind: 'direct',
    text: 'We are watching them closely.',
    selectors: orphanSource.snapshot.selectors,
    status: 'verified',
    note: 'Quoted in the first version of the article.',
    fingerprint: 'x',
    createdAt: 0,
    updatedAt: 0,
    anchor: 'orphaned',
    manual: false,
    dismissed: false,
  };
  return { page: SEED_PAGE, kind: 'article', claims, orphans: [orphan] };
}

/** n claims over four speakers with mixed statuses, as on a long live-blog page. */
export function manyPageClaims(n: number): PageClaims {
  const statuses: ReviewStatus[] = ['unreviewed', 'verified', 'unreviewed', 'disputed', 'unreviewed'];
  const claims = Array.from({ length: n }, (_, i) =>
    claim(i, SPEAKERS[i % SPEAKERS.length]!, statuses[i % statuses.length]!, i % 7 === 0 ? `Note ${i}` : ''),
  );
  return { page: { ...SEED_PAGE, title: `Live: ${n} claims` }, kind: 'article', claims, orphans: [] };
}

/**
 * A page script that, run before the popup's own scripts, answers `page:get-claims` and passes every
 * other message on. The answer is data itself, or read from an extension file: a bench opening a
 * popup for 200 claims then sends the popup a small script rather than 100 KB of JSON before its
 * navigation, and the popup pays for the answer's size when it asks, as it does with a content script.
 */
export function pageClaimsStubSource(answer: PageClaims | { file: string }): string {
  const from = 'file' in answer ? { file: answer.file } : { json: JSON.stringify(answer) };
  return `(${answerPageClaims.toString()})(${JSON.stringify(from)});`;
}

/** Before the popup's scripts run in page (an extension page in a tab): the stub above. */
export async function stubPageClaims(page: Page, data: PageClaims): Promise<void> {
  await page.evaluateOnNewDocument(pageClaimsStubSource(data));
}

// Runs in the popup, from its source text: no imports, no helpers from this module.
function answerPageClaims(from: { json?: string; file?: string }): void {
  type Callback = (reply: unknown) => void;
  const api = (globalThis as unknown as { chrome: { tabs: { sendMessage: (...args: unknown[]) => unknown }; runtime: { getURL(path: string): string } } }).chrome;
  const tabs = api.tabs;
  const original = tabs.sendMessage.bind(tabs);
  tabs.sendMessage = (...args: unknown[]) => {
    const message = args[1] as { type?: string } | undefined;
    if (message?.type !== 'page:get-claims') return original(...args);
    const data = from.file ? fetch(api.runtime.getURL(from.file)).then((response) => response.json()) : Promise.resolve(JSON.parse(from.json ?? 'null'));
    const reply = data.then((value: unknown) => ({ ct: 1, ok: true, data: value }));
    const callback = args.slice(2).find((arg): arg is Callback => typeof arg === 'function');
    if (callback) {
      void reply.then(callback);
      return undefined;
    }
    return reply;
  };
}
