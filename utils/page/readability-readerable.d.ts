// The package's own typings cover only its main entry, which also bundles the full Readability
// parser; the content script imports just the cheap readerable check (a CommonJS default export).
declare module '@mozilla/readability/Readability-readerable.js' {
  export default function isProbablyReaderable(
    document: Document,
    options?: { minContentLength?: number; minScore?: number; visibilityChecker?: (node: Node) => boolean },
  ): boolean;
}
