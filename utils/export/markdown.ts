import type { ClaimRecord, PageRecord, ReviewStatus } from '../db/types';
import { isWebUrl, pagesByUrl, type ExportOptions, type LibrarySnapshot } from './library';

const STATUS_LABEL: Record<ReviewStatus, string> = {
  verified: '✓ Verified',
  disputed: '✗ Disputed',
  unreviewed: 'Not reviewed',
};

// Characters that open inline syntax anywhere in a line: code spans, emphasis, links and images,
// raw HTML and autolinks, entities, GFM tables and strikethrough, and "@name" mentions on GitHub.
const INLINE_SYNTAX = /[\\`*_[\]<>&|~@]/g;
// Syntax that only means something at the start of a line: headings, list markers, setext
// underlines, and the "1." / "1)" of an ordered list.
const LINE_START_SYNTAX = /^([#+\-=]|\d+(?=[.)]))/;

/**
 * Page text made inert: it renders as the same characters it is, never as a link, image, HTML,
 * heading, list, table or code. Lines keep their breaks; leading indentation is dropped so four
 * spaces cannot open a code block. (A bare URL may still be auto-linked by GFM, but then the link
 * is exactly the text shown, so nothing is disguised.)
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const escaped = line.trimStart().replace(INLINE_SYNTAX, '\\$&');
      const start = LINE_START_SYNTAX.exec(escaped);
      if (!start) return escaped;
      // Digits stay; the "." or ")" after them is what makes a list, so that gets the backslash.
      return /^\d/.test(escaped) ? `${start[0]}\\${escaped.slice(start[0].length)}` : `\\${escaped}`;
    })
    .join('\n');
}

/** One line of inert text, for headings and link labels. */
function escapeInline(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim());
}

/** A link destination in angle brackets may hold anything except line breaks, "<", ">" and a trailing "\". */
function linkDestination(url: string): string {
  return url.replace(/[\s<>\\]/g, (char) => encodeURIComponent(char));
}

function quoteBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '>' : `> ${line}`))
    .join('\n');
}

function day(ms: number | undefined): string {
  return ms === undefined ? '' : new Date(ms).toISOString().slice(0, 10);
}

function pageSection(url: string, page: PageRecord | undefined): string {
  const title = escapeInline(page?.title || url);
  const heading = isWebUrl(url) ? `## [${title}](<${linkDestination(url)}>)` : `## ${title}`;
  const details = [
    page?.site ? escapeInline(page.site) : '',
    page?.published ? `published ${escapeInline(page.published)}` : '',
    page ? `first seen ${day(page.firstSeen)}` : '',
  ].filter(Boolean);
  return details.length > 0 ? `${heading}\n\n${details.join(' · ')}\n\n` : `${heading}\n\n`;
}

function claimBlock(claim: ClaimRecord): string {
  const text = escapeMarkdown(claim.text);
  const quoted = claim.kind === 'direct' && !/^["“«‘']/.test(claim.text) ? `“${text}”` : text;
  const speaker = claim.speaker
    ? `**${escapeInline(claim.speaker.name)}**${claim.speaker.role ? ` (${escapeInline(claim.speaker.role)})` : ''}`
    : 'Unknown speaker';
  const attribution = [
    claim.cue ? `${speaker}, ${escapeInline(claim.cue)}` : speaker,
    STATUS_LABEL[claim.status],
    claim.reviewedAt === undefined ? '' : `reviewed ${day(claim.reviewedAt)}`,
  ].filter(Boolean);
  const parts = [quoted, `— ${attribution.join(' · ')}`];
  if (claim.note.trim()) parts.push(`Note: ${escapeMarkdown(claim.note.trim())}`);
  return `${quoteBlock(parts.join('\n\n'))}\n\n`;
}

/** Claims grouped by page, pages in the order their first claim appears in `library.claims`. */
export function* markdownChunks(library: LibrarySnapshot, options: ExportOptions): Generator<string> {
  const pages = pagesByUrl(library.pages);
  const byPage = new Map<string, ClaimRecord[]>();
  for (const claim of library.claims) {
    const group = byPage.get(claim.pageUrl);
    if (group) group.push(claim);
    else byPage.set(claim.pageUrl, [claim]);
  }
  const count = library.claims.length;
  yield `# ClaimTrail export\n\nExported ${options.exportedAt.toISOString()} · ${count} ${count === 1 ? 'claim' : 'claims'} on ${byPage.size} ${byPage.size === 1 ? 'page' : 'pages'}\n\n`;
  for (const [url, claims] of byPage) {
    let chunk = pageSection(url, pages.get(url));
    for (const claim of claims) chunk += claimBlock(claim);
    yield chunk;
  }
}
