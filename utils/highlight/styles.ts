/**
 * How claims look in the page. Status is carried by the underline style as well as by colour
 * (unreviewed dotted, verified solid, disputed wavy, changed double) so it reads without colour
 * vision; backgrounds are translucent so the page's own text colour and contrast are kept, with a
 * stronger palette on dark pages.
 */

export type PaintStatus = 'unreviewed' | 'verified' | 'disputed' | 'changed';

type Painted = PaintStatus | 'focus';

/**
 * Per highlight: the underline style, then the background and underline colours on light pages, then
 * on dark pages (a stronger palette). Backgrounds are #rrggbbaa: 30 %, 22 %, 20 % … opaque.
 */
const LOOKS: Record<Painted, [style: 'dotted' | 'solid' | 'wavy' | 'double', light: string, lightLine: string, dark: string, darkLine: string]> = {
  unreviewed: ['dotted', '#facc154d', '#a16207', '#facc1538', '#facc15'],
  verified: ['solid', '#22c55e38', '#15803d', '#4ade8033', '#4ade80'],
  disputed: ['wavy', '#ef444433', '#b91c1c', '#f871713d', '#f87171'],
  changed: ['double', '#facc154d', '#7c3aed', '#facc1538', '#c4b5fd'],
  focus: ['solid', '#3b82f652', '#1d4ed8', '#60a5fa61', '#93c5fd'],
};

/** Every highlight, in LOOKS order: the order of the rules highlightCss writes. */
const PAINTED = Object.keys(LOOKS) as Painted[];

export const HIGHLIGHT_NAMES = Object.fromEntries(PAINTED.map((key) => [key, `claimtrail-${key}`])) as {
  readonly [K in Painted]: `claimtrail-${K}`;
};

/** ::highlight() rules for the CSS Custom Highlight API, or attribute rules for the <mark> fallback. */
export function highlightCss(dark: boolean, mode: 'highlight-api' | 'wrap'): string {
  return PAINTED.map((key) => {
    const [style, light, lightLine, darkBackground, darkLine] = LOOKS[key];
    const background = `background-color:${dark ? darkBackground : light};`;
    const look = `${background}text-decoration:underline ${style} ${dark ? darkLine : lightLine} 2px;text-underline-offset:3px;`;
    if (mode === 'highlight-api') return `::highlight(${HIGHLIGHT_NAMES[key]}){${look}}`;
    if (key === 'focus') return `mark[data-claimtrail][data-claimtrail-focus]{${background}}`;
    return `mark[data-claimtrail="${key}"]{color:inherit;${look}}`;
  }).join('\n');
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
    // A computed colour reads "rgb(r, g, b)", "rgba(r, g, b, a)" or "rgb(r g b / a%)"; any other
    // notation counts as transparent here.
    const color = view.getComputedStyle(current).backgroundColor;
    const [red, green, blue, alpha = '1'] = color.startsWith('rgb') ? (color.match(/[\d.]+%?/g) ?? []) : [];
    if (blue && parseFloat(alpha) / (alpha.endsWith('%') ? 100 : 1) > 0.5) return luminance(Number(red), Number(green), +blue) < 0.2;
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
    if (view && typeof view.CSSStyleSheet === 'function' && 'adoptedStyleSheets' in doc) {
      const sheet = new view.CSSStyleSheet();
      sheet.replaceSync(css);
      doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
      return {
        replace: (next) => sheet.replaceSync(next),
        remove: () => {
          doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
        },
      };
    }
  } catch {
    // A window that refuses the constructed sheet gets the <style> element below.
  }
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
