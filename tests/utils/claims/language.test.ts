import { describe, expect, it } from 'vitest';
import { looksEnglish } from '../../../utils/claims/language';
import { tokenize } from '../../../utils/claims/tokens';

describe('looksEnglish', () => {
  it('accepts English news prose', () => {
    expect(looksEnglish(tokenize('The council said on Monday that it would vote on the budget after the holiday, and the mayor was not consulted before the decision was made public by the press office.'))).toBe(true);
  });

  it('rejects Spanish prose', () => {
    expect(looksEnglish(tokenize('El gobierno anunció el lunes que las negociaciones con los sindicatos se reanudarán la próxima semana, según fuentes oficiales consultadas por este periódico en la capital del país.'))).toBe(false);
  });

  it('gives short snippets the benefit of the doubt', () => {
    expect(looksEnglish(tokenize('Oui.'))).toBe(true);
  });
});
