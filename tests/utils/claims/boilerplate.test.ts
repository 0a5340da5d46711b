import { describe, expect, it } from 'vitest';
import { isFurniture } from '../../../utils/claims/boilerplate';
import type { Doc } from '../../../utils/claims/context';
import { pairQuotes } from '../../../utils/claims/quotes';
import { segment } from '../../../utils/claims/sentences';
import { tokenize } from '../../../utils/claims/tokens';

const furniture = (text: string) => {
  const t = tokenize(text);
  const seg = segment(t);
  const d: Doc = { t, seg, q: pairQuotes(t, seg) };
  return isFurniture(d, 0, t.length);
};

describe('isFurniture', () => {
  it.each([
    'Senators react to the new sanctions bill',
    'By Maria Gomez',
    'Follow Maria Gomez on Twitter',
    'Copyright 2024 The Example Times. All rights reserved.',
    'Sign up for our newsletter.',
    'Correction: An earlier version of this article misstated the date of the vote.',
    'A version of this article appears in print on March 19, 2018, on Page A1 of the New York edition with the headline: Interest on the Debt Will Soon Exceed Military Costs.',
  ])('treats “%s” as page furniture', (text) => {
    expect(furniture(text)).toBe(true);
  });

  it.each([
    'The senator said the bill would pass.',
    '“We are ready,” she said.',
    'By Tuesday, the mayor said, the roads would be clear, and officials agreed that the schools could open again on time.',
    'A version of the bill that passed the Senate on Tuesday, officials said, would cut taxes for most families next year.',
  ])('keeps the prose “%s”', (text) => {
    expect(furniture(text)).toBe(false);
  });
});
