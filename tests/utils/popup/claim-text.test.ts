import { describe, expect, it } from 'vitest';
import { displayClaimText } from '../../../utils/popup/claim-text';

describe('displayClaimText', () => {
  it('puts a direct quote inside quotation marks, without the comma that led into the attribution', () => {
    expect(displayClaimText('direct', 'The discussion has started now,')).toBe('“The discussion has started now”');
  });

  it('leaves reported speech plain', () => {
    expect(displayClaimText('indirect', 'ISIS will find a way to survive')).toBe('ISIS will find a way to survive');
  });

  it('does not double the marks when the text already carries them', () => {
    expect(displayClaimText('direct', '“Already quoted”')).toBe('“Already quoted”');
    expect(displayClaimText('mixed', 'the talks were “serious”')).toBe('the talks were “serious”');
  });
});
