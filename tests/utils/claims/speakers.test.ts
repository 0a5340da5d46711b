import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../../utils/claims/index';

const speakers = (text: string) => detectClaims(text).claims.map((c) => c.speaker);

describe('speaker resolution', () => {
  it('splits a title from the name and keeps it as the role', () => {
    expect(speakers('Secretary of State Jane Miller said the talks would resume.')[0]).toEqual({ name: 'Jane Miller', role: 'Secretary of State', type: 'person' });
  });

  it('takes the subject of a headline, not the whole headline, as the person later pronouns mean', () => {
    const s = speakers('Glenn Beck Blasts Drudge for Mocking His Fast.\n\nAt a rally yesterday, Beck said the crowd was large.\n\nHe explained the headline by saying it was unfair.');
    expect(s.map((x) => x?.name)).toEqual(['Glenn Beck', 'Glenn Beck', 'Glenn Beck']);
  });

  it('never takes a dateline in capitals for a person', () => {
    const s = speakers('Hillary Clinton spoke in Iowa on Monday.\n\nDES MOINES, Iowa — The crowd waited for hours in the cold.\n\nShe said the race was close.');
    expect(s.map((x) => x?.name)).toEqual(['Hillary Clinton']);
  });

  it.each([
    ['Billionaire Mark Cuban said he would not run.', 'Mark Cuban', 'Billionaire'],
    ['Actor Alec Baldwin said the sketch would return.', 'Alec Baldwin', 'Actor'],
    ['CNN anchor Jake Tapper said the debate would start late.', 'Jake Tapper', 'CNN anchor'],
    ['Pastor Mark Burns said the crowd was ready.', 'Mark Burns', 'Pastor'],
  ])('takes a role word before a name as the role: %s', (text, name, role) => {
    expect(speakers(text)[0]).toMatchObject({ name, role });
  });

  it('gives no role for a determiner before a name met in narration', () => {
    const s = speakers('The Xbox One X is a big upgrade over the original console.\n\nThe Xbox One X felt just as solid at 1080p, but some settings were missing.');
    expect(s.map((x) => [x?.name, x?.role])).toEqual([['Xbox One X', undefined]]);
  });

  it.each([
    'Hours later, Trump returned the compliment to Adelson, telling Reuters, “Sheldon and I have been friends for a long time.”',
    'Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush, calling him “a total stiff.”',
  ])('gives a participle after the main clause that clause’s subject: %s', (text) => {
    const [c] = detectClaims(text).claims;
    expect(c?.speaker?.name).toBe('Trump');
  });

  it('leaves the writer’s "I" unnamed instead of giving it to the last person named', () => {
    const s = speakers('Mr Obama said race relations had improved.\n\nI asked how many minds he had changed on the Iran deal. He said the answer was few.');
    expect(s.map((x) => x?.name ?? null)).toEqual(['Obama', null, 'Obama']);
  });

  it('resolves a pronoun with a contracted verb as the pronoun, and leaves "you" unnamed', () => {
    const s = speakers('The union said on Friday that it would strike. They’re not expecting a deal.\n\nI’m not saying the plan is wrong.\n\nMs. Ruiz spoke next. You’ve said the plan is sound.');
    expect(s.map((x) => x?.name ?? null)).toEqual(['The union', 'The union', null, null]);
  });

  it('resolves "who" to the source right before it, named or not', () => {
    const s = speakers('Mr. Hayes said the plan had failed.\n\nThe band is back, according to the magazine’s editor, who said everyone loves it.');
    expect(s.map((x) => x?.name)).toEqual(['Hayes', 'the magazine’s editor', 'the magazine’s editor']);
  });

  it('takes the name from an apposition after a role, and a later "he" means that person', () => {
    const s = speakers('Jane Roe said sales fell. The company’s chief financial officer, Tom Lee, told Reuters the cuts were needed. “We have to be realistic,” he said.');
    expect(s[1]).toEqual({ name: 'Tom Lee', role: 'The company’s chief financial officer', type: 'person' });
    expect(s[2]?.name).toBe('Tom Lee');
  });

  it('resolves "who" right after a name to that name, even when the name said nothing', () => {
    const s = speakers('Jane Roe said sales fell. The firm is under pressure from activist investor Carl Smith, who has called for a sale of the company.');
    expect(s.map((x) => x?.name)).toEqual(['Jane Roe', 'Carl Smith']);
  });

  it('reads a participle aside after a name as part of the source, not as its role', () => {
    const s = speakers('Lauren Hitt said the campaign was ready.\n\nMs. Harris, asked about the interview, said only that she supported the president. “He is our nominee,” she told reporters.');
    expect(s.slice(-2)).toEqual([{ name: 'Harris', type: 'person' }, { name: 'Harris', type: 'person' }]);
  });

  it('learns that a bare surname is a person when a title comes with it later', () => {
    const s = speakers('Jim Ray said prices fell. Much of it came from Leenders, who estimated that a third of workers back Trump. Mr. Leenders said he voted for Obama. “I was wrong,” he said.');
    expect(s.at(-1)).toEqual({ name: 'Leenders', type: 'person' });
  });

  it('gives "The White House" at a sentence start and "the White House" inside one the same name', () => {
    const s = speakers('The White House said the plan was costly. Later, the White House said it would wait. The Conservatives accused ministers of “fantasy economics”.');
    expect(s).toEqual([
      { name: 'White House', type: 'organization' },
      { name: 'White House', type: 'organization' },
      { name: 'Conservatives', type: 'unknown' },
    ]);
  });

  it('keeps a party label or a parenthetical aside out of the name, so the surname finds the person later', () => {
    const s = speakers('Sen. Ted Cruz (R-Texas) told reporters that he would vote against it. Cruz said the vote was a disgrace. Gwen Moore (D-Wis.) said the bill would fail.');
    expect(s).toEqual([
      { name: 'Ted Cruz', role: 'Sen.', type: 'person' },
      { name: 'Ted Cruz', role: 'Sen.', type: 'person' },
      { name: 'Gwen Moore', role: 'D-Wis.', type: 'person' },
    ]);
    const long = detectClaims('Sen. Chris Murphy (a Connecticut Democrat so boyish he has been mistaken for a junior staffer) says he was unfocused after being elected.');
    expect(long.claims.map((c) => [c.speaker?.name, c.source && long.text.slice(...c.source)])).toEqual([
      ['Chris Murphy', 'Sen. Chris Murphy (a Connecticut Democrat so boyish he has been mistaken for a junior staffer)'],
    ]);
  });

  it('leaves the relative pronoun out of a source inside a relative clause', () => {
    const r = detectClaims('Prime, which Amazon founder Jeff Bezos said last year had surpassed 100 million members, is growing.');
    expect(r.claims.map((c) => [c.source && r.text.slice(...c.source), c.speaker])).toEqual([
      ['Amazon founder Jeff Bezos', { name: 'Jeff Bezos', role: 'Amazon founder', type: 'person' }],
    ]);
  });

  it('resolves a later surname to the full name', () => {
    const s = speakers('Gen. Mark Ortiz said the drills were over. Ortiz said more troops would leave.');
    expect(s[1]).toMatchObject({ name: 'Mark Ortiz', role: 'Gen.' });
  });

  it('resolves he and she to the last person', () => {
    const s = speakers('Tom Reyes said the plant was safe. Anna Berg said it was not. She said the tests were faked.');
    expect(s[2]?.name).toBe('Anna Berg');
  });

  it('leaves a pronoun unresolved when no one was named', () => {
    expect(speakers('He said the plant was safe.')[0]).toBeNull();
  });

  it('types organisations', () => {
    expect(speakers('The Defense Ministry said the drills were over.')[0]?.type).toBe('organization');
  });

  it('resolves she to the last woman named, not the last person', () => {
    const s = speakers('Marta Delgado said fares would rise. Jonas Okafor said they would not. She added that the vote was close.');
    expect(s[2]?.name).toBe('Marta Delgado');
  });

  it('learns gender from honorifics and from pronouns already linked', () => {
    const t = speakers('Mrs. Kowalczyk said the fund was empty. Ade Eze said it was not. He said the audit was late. Mr. Brandt said it was on time. She added that the board would meet.');
    expect(t[4]?.name).toBe('Kowalczyk');
    const u = speakers('Taylor Quinn said the bridge was safe. She added that repairs were done. Robin Vale said they were not. He added that the report was wrong. She said the inspectors agreed.');
    expect(u[4]?.name).toBe('Taylor Quinn');
  });

  it('falls back to the most recent person when no gender is known', () => {
    const s = speakers('Taylor Quinn said the bridge was safe. Robin Vale said it was not. She said the tests were faked.');
    expect(s[2]?.name).toBe('Robin Vale');
  });

  it('takes persons named as narration subjects as antecedents', () => {
    expect(speakers('Marta Delgado arrived late. She said the talks had failed.')[0]?.name).toBe('Marta Delgado');
  });

  it('does not make a courtesy title a role, and keeps an abbreviated title as written', () => {
    const mr = speakers('Mr. Smith said rain was coming.')[0];
    expect(mr?.name).toMatch(/^(Mr\. )?Smith$/);
    expect(mr?.role).toBeUndefined();
    expect(speakers('Dr. Alma Reyes said the virus was spreading.')[0]?.role).toBeUndefined();
    expect(speakers('Sen. Dana Holt said the bill would pass.')[0]).toMatchObject({ name: 'Dana Holt', role: 'Sen.' });
  });

  it.each([
    ['Senator John McCain of Arizona said the vote failed.', { name: 'John McCain', role: 'Senator', type: 'person' }],
    ['Mr. Morgan of the Sierra Club said the river was dirty.', { name: 'Morgan', role: 'the Sierra Club', type: 'person' }],
    ['Secretary of State John Kerry said talks would resume.', { name: 'John Kerry', role: 'Secretary of State', type: 'person' }],
    ['Bank of America said profits rose.', { name: 'Bank of America', type: 'organization' }],
    ['The Institute for Fiscal Studies said the plan was unaffordable.', { name: 'Institute for Fiscal Studies', type: 'organization' }],
    ['The National Weather Service said the storm would weaken.', { name: 'National Weather Service', type: 'organization' }],
    ['Cases rose, the Centers for Disease Control and Prevention said Monday.', { name: 'Centers for Disease Control and Prevention', type: 'organization' }],
    ['The Department of Health and Human Services said the rule was final.', { name: 'Department of Health and Human Services', type: 'organization' }],
    ['Officials in Washington said the deal was close.', { name: 'Officials in Washington', type: 'group' }],
  ])('names the speaker, not the place or employer after the name: %s', (text, speaker) => {
    expect(speakers(text)[0]).toEqual(expect.objectContaining(speaker));
  });
});
