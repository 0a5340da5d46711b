import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { NoteField } from '../../components/NoteField';

describe('NoteField', () => {
  it('follows the stored note while the user has nothing unsaved', async () => {
    const { rerender } = render(<NoteField value="first" onInput={() => {}} onSave={async () => {}} />);
    const field = screen.getByRole('textbox', { name: 'Note' });
    expect(field).toHaveProperty('value', 'first');
    rerender(<NoteField value="changed in another tab" onInput={() => {}} onSave={async () => {}} />);
    await waitFor(() => expect(field).toHaveProperty('value', 'changed in another tab'));
  });

  it('never lets a late stored value overwrite newer typing', async () => {
    const onSave = vi.fn(async () => {});
    const { rerender } = render(<NoteField value="" onInput={() => {}} onSave={onSave} delayMs={10_000} />);
    const field = screen.getByRole('textbox', { name: 'Note' });
    fireEvent.input(field, { target: { value: 'abc def' } });
    rerender(<NoteField value="abc" onInput={() => {}} onSave={onSave} delayMs={10_000} />);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(field).toHaveProperty('value', 'abc def');
  });

  it('reports every keystroke at once and saves on blur without waiting', async () => {
    const onInput = vi.fn();
    const onSave = vi.fn(async () => {});
    render(<NoteField value="" onInput={onInput} onSave={onSave} delayMs={10_000} />);
    const field = screen.getByRole('textbox', { name: 'Note' });
    fireEvent.input(field, { target: { value: 'a' } });
    fireEvent.input(field, { target: { value: 'ab' } });
    expect(onInput.mock.calls).toEqual([['a'], ['ab']]);
    expect(onSave).not.toHaveBeenCalled();
    fireEvent.blur(field);
    expect(onSave).toHaveBeenCalledExactlyOnceWith('ab');
  });

  it('saves when the page becomes hidden', () => {
    const onSave = vi.fn(async () => {});
    render(<NoteField value="" onInput={() => {}} onSave={onSave} delayMs={10_000} />);
    fireEvent.input(screen.getByRole('textbox', { name: 'Note' }), { target: { value: 'xyz' } });
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
    Object.defineProperty(document, 'visibilityState', { value: 'visible', configurable: true });
    expect(onSave).toHaveBeenCalledExactlyOnceWith('xyz');
  });

  it('says when a save failed', async () => {
    render(<NoteField value="" onInput={() => {}} onSave={() => Promise.reject(new Error('quota'))} delayMs={10_000} />);
    const field = screen.getByRole('textbox', { name: 'Note' });
    fireEvent.input(field, { target: { value: 'x' } });
    fireEvent.blur(field);
    expect(await screen.findByText('Not saved yet — kept as a draft')).toBeTruthy();
  });
});
