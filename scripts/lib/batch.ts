/**
 * The batch interface of `npm run detect -- --jsonl`: one JSON object a line in, one a line out.
 *
 *   in:  {"id": "a1", "text": "…"}            (other fields, e.g. gold attributions, are ignored)
 *   out: {"id": "a1", "claims": [{"source": [[s, e]], "cue": [[s, e]], "content": [[s, e], …],
 *                                  "speaker": "Ayad Allawi" | null, "kind": "direct", "confidence": 0.9}]}
 *
 * Offsets are UTF-16 code units into the input `text`, end-exclusive; a role that is absent is [].
 * A line that cannot be processed still yields exactly one output line, with `claims: []` and an
 * `error`, so output line N always answers input line N (blank input lines are skipped) and a
 * scorer never mistakes a failure for "no claims" without being told.
 */
import type { Claim, ClaimKind, DetectionResult, Span } from '../../utils/claims/types';

export type Detect = (text: string) => DetectionResult;

export type BatchId = string | number;

export interface BatchClaim {
  source: Span[];
  cue: Span[];
  content: Span[];
  speaker: string | null;
  kind: ClaimKind;
  confidence: number;
}

export interface BatchResult {
  id: BatchId | null;
  claims: BatchClaim[];
  error?: string;
}

export function toBatchClaim(claim: Claim): BatchClaim {
  return {
    source: claim.source ? [[claim.source[0], claim.source[1]]] : [],
    cue: [[claim.cue[0], claim.cue[1]]],
    content: claim.content.map(([s, e]): Span => [s, e]),
    speaker: claim.speaker?.name ?? null,
    kind: claim.kind,
    confidence: claim.confidence,
  };
}

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Processes one input line; null for a blank line. Never throws. */
export function processBatchLine(line: string, detect: Detect): BatchResult | null {
  if (!line.trim()) return null;
  let record: unknown;
  try {
    // Files saved by Windows tools may open with a byte order mark.
    record = JSON.parse(line.charCodeAt(0) === 0xfeff ? line.slice(1) : line);
  } catch (e) {
    return { id: null, claims: [], error: `invalid JSON: ${errorMessage(e)}` };
  }
  if (!isRecord(record)) return { id: null, claims: [], error: 'expected a JSON object {"id", "text"}' };
  const { id, text } = record;
  const validId = typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id)) ? id : null;
  if (validId === null) return { id: null, claims: [], error: '"id" must be a string or a number' };
  if (typeof text !== 'string') return { id: validId, claims: [], error: '"text" must be a string' };
  try {
    const result = detect(text);
    // Offsets are only meaningful if they point into the caller's text, character for character.
    if (result.text !== text) return { id: validId, claims: [], error: 'detector returned offsets into a different text' };
    return { id: validId, claims: result.claims.map(toBatchClaim) };
  } catch (e) {
    return { id: validId, claims: [], error: `detector failed: ${errorMessage(e)}` };
  }
}

export interface BatchSummary {
  lines: number;
  errors: number;
}

/**
 * Streams lines through the detector. `write` may return a promise (stdout back-pressure);
 * it is awaited before the next line is read, so memory stays bounded by one article.
 */
export async function runBatch(
  lines: AsyncIterable<string>,
  detect: Detect,
  write: (jsonLine: string) => void | Promise<void>,
  onError: (lineNo: number, result: BatchResult) => void,
): Promise<BatchSummary> {
  let lineNo = 0;
  let processed = 0;
  let errors = 0;
  for await (const line of lines) {
    lineNo++;
    const result = processBatchLine(line, detect);
    if (!result) continue;
    processed++;
    if (result.error !== undefined) {
      errors++;
      onError(lineNo, result);
    }
    await write(JSON.stringify(result) + '\n');
  }
  return { lines: processed, errors };
}

/** A scorer's view of one output line: the roles of each claim, keyed by article id. */
export type ClaimRoles = Pick<BatchClaim, 'source' | 'cue' | 'content'>;

function spanList(x: unknown, where: string): Span[] {
  if (x === undefined) return [];
  const ok = Array.isArray(x) && x.every((s) => Array.isArray(s) && s.length === 2 && s.every(Number.isInteger));
  if (!ok) throw new Error(`${where}: expected a list of [start, end] integer pairs`);
  return x as Span[];
}

/**
 * Reads batch output lines back (e.g. another system's predictions). Claims of a repeated id
 * are concatenated, as the reference scorer does; a missing role counts as absent.
 * Throws on a malformed line, naming it: a silently dropped line would read as "no claims".
 */
export function parseBatchOutput(lines: Iterable<string>, file = 'predictions'): Map<string, ClaimRoles[]> {
  const byId = new Map<string, ClaimRoles[]>();
  let n = 0;
  for (const line of lines) {
    n++;
    if (!line.trim()) continue;
    let rec: unknown;
    try {
      rec = JSON.parse(line);
    } catch (e) {
      throw new Error(`${file}:${n}: ${errorMessage(e)}`);
    }
    if (!isRecord(rec) || (typeof rec.id !== 'string' && typeof rec.id !== 'number')) throw new Error(`${file}:${n}: expected {"id", "claims"}`);
    const claims = rec.claims ?? [];
    if (!Array.isArray(claims)) throw new Error(`${file}:${n}: "claims" must be a list`);
    const roles = claims.map((c: unknown, k): ClaimRoles => {
      if (!isRecord(c)) throw new Error(`${file}:${n}: claims[${k}] must be an object`);
      const where = `${file}:${n}: claims[${k}]`;
      return { source: spanList(c.source, `${where}.source`), cue: spanList(c.cue, `${where}.cue`), content: spanList(c.content, `${where}.content`) };
    });
    const id = String(rec.id);
    byId.set(id, [...(byId.get(id) ?? []), ...roles]);
  }
  return byId;
}
