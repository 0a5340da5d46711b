import { ImportError } from './errors';

/** A 100,000-claim export is about 80 MB; this leaves room while refusing what could only exhaust memory. */
export const MAX_IMPORT_BYTES = 256 * 1024 * 1024;
/** Our formats nest at most 7 levels; anything far deeper is not one of them. */
export const MAX_DEPTH = 24;
/** Keys that could reach an object's prototype if the data were ever merged into another object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Frame {
  value: object;
  depth: number;
  key: string | number;
  parent: Frame | null;
}

function pathOf(frame: Frame | null, last?: string): string {
  const keys: (string | number)[] = last === undefined ? [] : [last];
  for (let f = frame; f && f.parent; f = f.parent) keys.unshift(f.key);
  return keys.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('') || '(top level)';
}

/**
 * Walks parsed JSON once, without recursion (so no stack overflow however deep), rejecting nesting
 * beyond MAX_DEPTH and the keys __proto__, constructor and prototype anywhere.
 */
export function checkStructure(root: unknown): void {
  if (root === null || typeof root !== 'object') return;
  const stack: Frame[] = [{ value: root, depth: 0, key: '', parent: null }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    if (frame.depth > MAX_DEPTH) {
      throw new ImportError(`This file is nested more than ${MAX_DEPTH} levels deep at ${pathOf(frame)}, so it is not a ClaimTrail or Web Annotation export. Nothing was changed.`);
    }
    if (Array.isArray(frame.value)) {
      const items: unknown[] = frame.value;
      for (let i = 0; i < items.length; i++) {
        const item = items[i];
        if (item !== null && typeof item === 'object') stack.push({ value: item, depth: frame.depth + 1, key: i, parent: frame });
      }
      continue;
    }
    for (const key of Object.keys(frame.value)) {
      if (FORBIDDEN_KEYS.has(key)) {
        throw new ImportError(`${pathOf(frame, key)}: the key "${key}" is not allowed in an import. Nothing was changed.`);
      }
      const item: unknown = (frame.value as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') stack.push({ value: item, depth: frame.depth + 1, key, parent: frame });
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
