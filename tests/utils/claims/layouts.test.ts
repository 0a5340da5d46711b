import { describe, expect, it } from 'vitest';
import { claimsOf } from './helpers';

describe('paragraph layouts', () => {
  it('reads transcript speaker lines', () => {
    const seen = claimsOf('HOST: Will the bill pass this week?\n\nSENATOR OKAFOR: I believe it will, and we have the votes.');
    expect(seen.map((c) => [c.source, c.cue])).toEqual([['HOST', ':'], ['SENATOR OKAFOR', ':']]);
    expect(seen[1]?.content).toBe('I believe it will, and we have the votes');
  });

  it('reads a quote signed with a dash', () => {
    const [c] = claimsOf('“The library saved my childhood.” ― Ruth Adeyemi');
    expect(c).toMatchObject({ source: 'Ruth Adeyemi', cue: '―', kind: 'direct' });
  });

  it('does not take a long prose paragraph with a label for a speaker line', () => {
    const seen = claimsOf('The Long Road: It was a cold winter in the valley, and the farmers had lost most of their herds to the snow before the first thaw arrived in the spring of that year.');
    expect(seen.filter((c) => c.cue === ':')).toEqual([]);
  });

  it('reads a mixed-case speaker line as the headline opening the text, and not further on', () => {
    const headline = 'Graham: Trump’s rhetoric is destroying the party’s chances';
    expect(claimsOf(`${headline}\n\nThe senator spoke in Columbia on Tuesday.`).map((c) => [c.source, c.cue])).toEqual([['Graham', ':']]);
    const list = 'Sort what you own into three piles.\n\nNeed: You use this item every day.\n\nWant: You bought it because you liked it.';
    expect(claimsOf(list).filter((c) => c.cue === ':')).toEqual([]);
    // A quotation after the label still makes a speaker line anywhere.
    expect(claimsOf(`The hearing went on.\n\nGraham: “We will not back down.”`).map((c) => [c.source, c.cue])).toEqual([['Graham', ':']]);
  });

  it('does not take the label of a map, chart or gallery for a speaker', () => {
    for (const label of ['Map: Flow of foreign fighters to Syria View Graphic', 'Chart: Where the new homes are being built', 'Gallery: Scenes from the flooded valley']) {
      expect(claimsOf(label), label).toEqual([]);
    }
    // With either apostrophe: the label is matched as a word, like every other word list.
    for (const label of ['EDITOR’S NOTE: This story has been updated.', "EDITOR'S NOTE: This story has been updated."]) {
      expect(claimsOf(label), label).toEqual([]);
    }
    // A clarification's words are the paper's, and the claim in them keeps its own speaker.
    const seen = claimsOf('CLARIFICATION: An earlier version of this story misstated when Mayor Ortiz said the bridge would reopen.');
    expect(seen.filter((c) => c.source === 'CLARIFICATION')).toEqual([]);
  });
});
