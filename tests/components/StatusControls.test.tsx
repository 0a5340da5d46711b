import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { StatusControls } from '../../components/StatusControls';

describe('StatusControls', () => {
  it('exposes the current verdict with aria-pressed', () => {
    render(<StatusControls status="verified" onChange={() => {}} />);
    expect(screen.getByRole('button', { name: /Verified/ }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByRole('button', { name: /Disputed/ }).getAttribute('aria-pressed')).toBe('false');
  });

  it('sets a verdict, and clears it when the pressed one is clicked again', () => {
    const onChange = vi.fn();
    const { rerender } = render(<StatusControls status="unreviewed" onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: /Disputed/ }));
    expect(onChange).toHaveBeenLastCalledWith('disputed');
    rerender(<StatusControls status="disputed" onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: /Disputed/ }));
    expect(onChange).toHaveBeenLastCalledWith('unreviewed');
  });
});
