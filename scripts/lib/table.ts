/** Plain-text tables for the command-line tools: padded columns, long cells wrapped. */

export interface Column {
  header: string;
  align?: 'left' | 'right';
  /** Upper bound on the column width; longer cells wrap onto further lines. */
  maxWidth?: number;
}

/** Wraps at spaces when it can, hard-breaks words longer than the width. */
export function wrapText(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/ +/)) {
      let rest = word;
      while (rest.length > w) {
        if (line) {
          out.push(line);
          line = '';
        }
        out.push(rest.slice(0, w));
        rest = rest.slice(w);
      }
      if (!line) line = rest;
      else if (line.length + 1 + rest.length <= w) line += ' ' + rest;
      else {
        out.push(line);
        line = rest;
      }
    }
    out.push(line);
  }
  return out;
}

/** Control characters would break the layout of a terminal table; show them as spaces. */
function printable(cell: string): string {
  // eslint-disable-next-line no-control-regex
  return cell.replace(/[\u0000-\u0009\u000B-\u001F\u007F]/g, ' ');
}

export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[]): string {
  const widths = columns.map((col, i) => {
    const longest = Math.max(col.header.length, ...rows.map((r) => Math.max(...printable(r[i] ?? '').split('\n').map((l) => l.length))));
    return Math.min(longest, col.maxWidth ?? Infinity);
  });
  const pad = (s: string, i: number) => {
    const width = widths[i] ?? 0;
    return columns[i]?.align === 'right' ? s.padStart(width) : s.padEnd(width);
  };
  const lines: string[] = [];
  const emit = (cells: readonly string[]) => {
    const wrapped = columns.map((_, i) => wrapText(printable(cells[i] ?? ''), widths[i] ?? 1));
    const height = Math.max(...wrapped.map((w) => w.length));
    for (let k = 0; k < height; k++) lines.push(wrapped.map((w, i) => pad(w[k] ?? '', i)).join('  ').trimEnd());
  };
  emit(columns.map((c) => c.header));
  lines.push(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) emit(row);
  return lines.join('\n');
}
