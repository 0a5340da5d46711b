import { ImportError } from './errors';

/** A 100,000-claim export is about 80 MB; this leaves room while refusing what could only exhaust memory. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
/** Our formats nest at most 7 levels; anything far deeper is not one of them. */
export const MAX_DEPTH = 24;
/** Keys that could reach an object's prototype if the data were ever merged into another object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Key = string | number;

/** The path to `target` from `root` ("claims[3].speaker"), found again only once a problem is found there. */
function pathTo(root: object, target: object, last?: string): string {
  const stack: { value: object; keys: Key[] }[] = [{ value: root, keys: [] }];
  let keys: Key[] = [];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.value === target) {
      keys = frame.keys;
      break;
    }
    for (const [key, item] of Object.entries(frame.value)) {
      if (item !== null && typeof item === 'object') stack.push({ value: item as object, keys: [...frame.keys, Array.isArray(frame.value) ? Number(key) : key] });
    }
  }
  if (last !== undefined) keys = [...keys, last];
  return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('') || '(top level)';
}

/**
 * Walks parsed JSON once, without recursion (so no stack overflow however deep), rejecting nesting
 * beyond MAX_DEPTH and the keys __proto__, constructor and prototype anywhere. A 100,000-claim file
 * holds about a million objects, so the walk keeps only two flat stacks (value, depth) and allocates
 * nothing per object; where a problem is, is worked out afterwards.
 */
export function checkStructure(root: unknown): void {
  if (root === null || typeof root !== 'object') return;
  const values: object[] = [root];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop()!;
    const depth = depths.pop()!;
    if (depth > MAX_DEPTH) {
      throw new ImportError(`This file is nested more than ${MAX_DEPTH} levels deep at ${pathTo(root, value)}, so it is not a ClaimTrail or Web Annotation export. Nothing was changed.`);
    }
    if (Array.isArray(value)) {
      const items: unknown[] = value;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (item !== null && typeof item === 'object') {
          values.push(item);
          depths.push(depth + 1);
        }
      }
      continue;
    }
    // JSON.parse makes plain objects whose keys are all own and enumerable: for…in sees them all, without an array per object.
    for (const key in value) {
      if (FORBIDDEN_KEYS.has(key)) {
        throw new ImportError(`${pathTo(root, value, key)}: the key "${key}" is not allowed in an import. Nothing was changed.`);
      }
      const item: unknown = (value as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') {
        values.push(item);
        depths.push(depth + 1);
      }
    }
  }
}

export function parseJsonText(text: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ImportError(`This file is not valid JSON, so nothing was imported. It may be cut short (an incomplete download) or not an export at all. (${detail})`);
  }
  checkStructure(data);
  return data;
}

/** Reads an import file: size checked before reading, parsed once, structure checked before any schema. */
export async function readJsonFile(file: Pick<Blob, 'size' | 'text'>): Promise<unknown> {
  if (file.size === 0) throw new ImportError('This file is empty, so there is nothing to import.');
  if (file.size > MAX_IMPORT_BYTES) {
    const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
    throw new ImportError(`This file is ${mb(file.size)}; ClaimTrail imports files up to ${mb(MAX_IMPORT_BYTES)}. Nothing was changed.`);
  }
  return parseJsonText(await file.text());
}
