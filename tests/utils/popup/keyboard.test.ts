import { describe, expect, it } from 'vitest';
import { moveIndex, popupKeyAction, type KeyInput } from '../../../utils/popup/keyboard';

const key = (k: string, extra: Partial<KeyInput> = {}): KeyInput => ({
  key: k,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  inTextField: false,
  ...extra,
});

describe('popupKeyAction', () => {
  it('maps the documented keys', () => {
    expect(popupKeyAction(key('ArrowDown'))).toBe('next');
    expect(popupKeyAction(key('ArrowUp'))).toBe('previous');
    expect(popupKeyAction(key('Home'))).toBe('first');
    expect(popupKeyAction(key('End'))).toBe('last');
    expect(popupKeyAction(key('v'))).toBe('verify');
    expect(popupKeyAction(key('D'))).toBe('dispute');
    expect(popupKeyAction(key('n'))).toBe('note');
    expect(popupKeyAction(key('/'))).toBe('search');
    expect(popupKeyAction(key('x'))).toBeNull();
  });

  it('leaves typing in a text field alone, except Escape', () => {
    expect(popupKeyAction(key('v', { inTextField: true }))).toBeNull();
    expect(popupKeyAction(key('ArrowDown', { inTextField: true }))).toBeNull();
    expect(popupKeyAction(key('/', { inTextField: true }))).toBeNull();
    expect(popupKeyAction(key('Escape', { inTextField: true }))).toBe('leave-field');
  });

  it('leaves browser shortcuts alone', () => {
    expect(popupKeyAction(key('d', { ctrlKey: true }))).toBeNull();
    expect(popupKeyAction(key('v', { metaKey: true }))).toBeNull();
    expect(popupKeyAction(key('ArrowDown', { altKey: true }))).toBeNull();
  });
});

describe('moveIndex', () => {
  it('moves and stops at the ends', () => {
    expect(moveIndex(0, 'next', 3)).toBe(1);
    expect(moveIndex(2, 'next', 3)).toBe(2);
    expect(moveIndex(0, 'previous', 3)).toBe(0);
    expect(moveIndex(2, 'previous', 3)).toBe(1);
    expect(moveIndex(1, 'first', 3)).toBe(0);
    expect(moveIndex(0, 'last', 3)).toBe(2);
  });

  it('copes with nothing focused yet and with a list that shrank', () => {
    expect(moveIndex(-1, 'next', 3)).toBe(0);
    expect(moveIndex(7, 'previous', 3)).toBe(2);
    expect(moveIndex(0, 'next', 0)).toBe(-1);
  });
});
