/** Why a file cannot be imported, in words for the user; `problems` lists each one with where it is. */
export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly problems: string[];

  constructor(message: string, problems: string[] = []) {
    super(message);
    this.problems = problems;
  }
}

/** At most this many problems are collected: enough to show a pattern, without walking a broken file to the end. */
export const MAX_PROBLEMS = 20;

export function failWith(kind: string, problems: string[]): never {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length >= MAX_PROBLEMS ? 'more' : problems.length - 1} other ${problems.length === 2 ? 'problem' : 'problems'})` : '';
  throw new ImportError(`This ${kind} file cannot be imported: ${first}${more}. Nothing was changed.`, problems);
}
