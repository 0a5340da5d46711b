import { Component, h, type ComponentType, type FunctionComponent } from 'preact';

function shallowDiffers(a: object, b: object): boolean {
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  for (const key in left) if (left[key] !== right[key]) return true;
  for (const key in right) if (left[key] !== right[key]) return true;
  return false;
}

/**
 * The component, rendered again only when one of its props is a different value (shallow), like
 * React's memo. preact/compat has one, but importing compat installs its global React-compatibility
 * hooks for every element on the page.
 */
export function memo<P extends object>(render: FunctionComponent<P>): ComponentType<P> {
  class Memo extends Component<P> {
    override shouldComponentUpdate(next: P): boolean {
      return shallowDiffers(this.props, next);
    }
    override render() {
      return h(render, this.props);
    }
  }
  return Memo;
}
