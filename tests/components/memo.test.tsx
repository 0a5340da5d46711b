import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { memo } from '../../components/memo';

describe('memo', () => {
  function setup() {
    const renders: string[] = [];
    const Label = memo(function Label({ text, onPick }: { text: string; onPick: () => void }) {
      renders.push(text);
      return <button onClick={onPick}>{text}</button>;
    });
    return { renders, Label };
  }

  it('renders again only when a prop is a different value', () => {
    const { renders, Label } = setup();
    const pick = () => undefined;
    const view = render(<Label text="a" onPick={pick} />);
    view.rerender(<Label text="a" onPick={pick} />);
    expect(renders).toEqual(['a']);
    view.rerender(<Label text="b" onPick={pick} />);
    expect(renders).toEqual(['a', 'b']);
    view.rerender(<Label text="b" onPick={() => undefined} />);
    expect(renders).toEqual(['a', 'b', 'b']);
    expect(view.getByRole('button').textContent).toBe('b');
  });

  it('renders again when a prop with a value is added or removed', () => {
    const renders: string[] = [];
    const Pair = memo(function Pair(props: { a?: number; b?: number }) {
      renders.push(`${props.a}/${props.b}`);
      return <p>{props.a}</p>;
    });
    const view = render(<Pair a={1} />);
    view.rerender(<Pair a={1} b={undefined} />);
    view.rerender(<Pair a={1} b={2} />);
    view.rerender(<Pair a={1} />);
    expect(renders).toEqual(['1/undefined', '1/2', '1/undefined']);
  });
});
