import type * as v from 'valibot';

function orList(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

function received(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return value.length > 40 ? `a ${value.length}-character text` : JSON.stringify(value);
  if (typeof value === 'object') return 'an object';
  return String(value);
}

function explain(issue: v.BaseIssue<unknown>): string {
  switch (issue.type) {
    case 'picklist':
    case 'literal': {
      const expected = issue.expected ?? '';
      const quoted = [...expected.matchAll(/"([^"]*)"/g)].map((m) => m[1] ?? '');
      const options = quoted.length > 0 ? quoted : [expected];
      return `expected ${orList(options)}, got ${received(issue.input)}`;
    }
    case 'strict_object':
    case 'object':
      // A key issue is either one that should not be there or one that is missing.
      if (issue.expected === 'never') return 'unexpected key';
      if (issue.input === undefined && issue.expected?.startsWith('"')) return 'missing';
      return `expected an object, got ${received(issue.input)}`;
    case 'max_length':
      return `too long (at most ${String(issue.requirement)})`;
    case 'string':
    case 'number':
    case 'boolean':
    case 'array':
      return `expected ${issue.expected === 'Object' ? 'an object' : issue.expected === 'Array' ? 'a list' : `a ${issue.expected}`}, got ${issue.input === undefined ? 'nothing' : received(issue.input)}`;
    case 'integer':
      return `expected a whole number, got ${received(issue.input)}`;
    case 'min_value':
    case 'max_value':
      return `${received(issue.input)} is out of range`;
    default:
      // Custom checks carry their own wording ("expected an http(s) URL").
      return issue.message;
  }
}

/** "claims[12].status: expected unreviewed, verified or disputed, got \"ok\"" */
export function describeIssue(prefix: string, issue: v.BaseIssue<unknown>): string {
  let path = prefix;
  for (const item of issue.path ?? []) {
    const key: unknown = item.key;
    path += typeof key === 'number' ? `[${key}]` : `.${String(key)}`;
  }
  return `${path}: ${explain(issue)}`;
}
