/**
 * How claims look in the page. Status is carried by the underline style as well as by colour
 * (unreviewed dotted, verified solid, disputed wavy, changed double) so it reads without colour
 * vision; backgrounds are translucent so the page's own text colour and contrast are kept, with a
 * stronger palette on dark pages.
 */

export type PaintStatus = 'unreviewed' | 'verified' | 'disputed' | 'changed';

export const HIGHLIGHT_NAMES = {
  unreviewed: 'claimtrail-unreviewed',
  verified: 'claimtrail-verified',
  disputed: 'claimtrail-disputed',
  changed: 'claimtrail-changed',
  focus: 'claimtrail-focus',
} as const;

interface Look {
  background: string;
  line: string;
  style: 'dotted' | 'solid' | 'wavy' | 'double';
}

type Palette = Record<PaintStatus | 'focus', Look>;

const LIGHT: Palette = {
  unreviewed: { background: 'rgba(250, 204, 21, 0.30)', line: '#a16207', style: 'dotted' },
  verified: { background: 'rgba(34, 197, 94, 0.22)', line: '#15803d', style: 'solid' },
  disputed: { background: 'rgba(239, 68, 68, 0.20)', line: '#b91c1c', style: 'wavy' },
  changed: { background: 'rgba(250, 204, 21, 0.30)', line: '#7c3aed', style: 'double' },
  focus: { background: 'rgba(59, 130, 246, 0.32)', line: '#1d4ed8', style: 'solid' },
};

const DARK: Palette = {
  unreviewed: { background: 'rgba(250, 204, 21, 0.22)', line: '#facc15', style: 'dotted' },
  verified: { background: 'rgba(74, 222, 128, 0.20)', line: '#4ade80', style: 'solid' },
  disputed: { background: 'rgba(248, 113, 113, 0.24)', line: '#f87171', style: 'wavy' },
  changed: { background: 'rgba(250, 204, 21, 0.22)', line: '#c4b5fd', style: 'double' },
  focus: { background: 'rgba(96, 165, 250, 0.38)', line: '#93c5fd', style: 'solid' },
};

function declarations(look: Look): string {
  return (
    `background-color:${look.background};text-decoration-line:underline;` +
    `text-decoration-style:${look.style};text-decoration-color:${look.line};` +
    `text-decoration-thickness:2px;text-underline-offset:3px;`
  );
}

/** ::highlight() rules for the CSS Custom Highlight API, or attribute rules for the <mark> fallback. */
export function highlightCss(dark: boolean, mode: 'highlight-api' | 'wrap'): string {
  const palette = dark ? DARK : LIGHT;
  const rules: string[] = [];
  for (const key of ['unreviewed', 'verified', 'disputed', 'changed', 'focus'] as const) {
    if (mode === 'highlight-api') {
      rules.push(`::highlight(${HIGHLIGHT_NAMES[key]}){${declarations(palette[key])}}`);
    } else if (key === 'focus') {
      rules.push(`mark[data-claimtrail][data-claimtrail-focus]{background-color:${palette.focus.background};}`);
    } else {
      rules.push(`mark[data-claimtrail="${key}"]{color:inherit;${declarations(palette[key])}}`);
    }
  }
  return rules.join('\n');
}

function parseRgb(color: string): [number, number, number, number] | null {
  const match = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/.exec(color);
  if (!match) return null;
  const alphaText = match[4];
  const alpha = alphaText === undefined ? 1 : alphaText.endsWith('%') ? parseFloat(alphaText) / 100 : parseFloat(alphaText);
  return [Number(match[1]), Number(match[2]), Number(match[3]), alpha];
}

/** Relative luminance (WCAG) of an sRGB colour given as 0–255 channels. */
export function luminance(red: number, green: number, blue: number): number {
  const channel = (value: number) => {
    const scaled = value / 255;
    return scaled <= 0.03928 ? scaled / 12.92 : ((scaled + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue);
}

/** True when the first opaque background behind `element` is dark (one getComputedStyle per ancestor). */
export function isDarkBehind(element: Element): boolean {
  const view = element.ownerDocument.defaultView;
  if (!view) return false;
  for (let current: Element | null = element; current; current = current.parentElement) {
    const rgb = parseRgb(view.getComputedStyle(current).backgroundColor);
    if (rgb && rgb[3] > 0.5) return luminance(rgb[0], rgb[1], rgb[2]) < 0.2;
  }
  // Nothing painted: the canvas follows the page's color-scheme.
  return view.getComputedStyle(element.ownerDocument.documentElement).colorScheme.includes('dark') &&
    view.matchMedia('(prefers-color-scheme: dark)').matches;
}

/**
 * Adds a stylesheet to the document without touching its DOM tree (adoptedStyleSheets); falls back to
 * a <style> in <head> where constructable sheets are unavailable. Returns a function that removes it
 * and one that replaces its rules.
 */
export function installStyleSheet(doc: Document, css: string): { replace(css: string): void; remove(): void } {
  const view = doc.defaultView;
  try {
    if (!view || typeof view.CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in doc)) throw new Error('no adoptedStyleSheets');
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return {
      replace: (next) => sheet.replaceSync(next),
      remove: () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
      },
    };
  } catch {
    const style = doc.createElement('style');
    style.setAttribute('data-claimtrail-ui', 'styles');
    style.textContent = css;
    (doc.head ?? doc.documentElement).append(style);
    return {
      replace: (next) => {
        style.textContent = next;
      },
      remove: () => style.remove(),
    };
  }
}
