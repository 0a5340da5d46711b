import { describe, expect, it } from 'vitest';
import { detectClaims } from '../../../utils/claims/index';
import { bare, claimsOf, contentsOf } from './helpers';

describe('direct quotes', () => {
  it('takes a curly quote with the attribution after it, inverted', () => {
    const [c] = claimsOf('“The budget is balanced for the first time in a decade,” said Maria Lopez.');
    expect(c).toMatchObject({ kind: 'direct', cue: 'said', source: 'Maria Lopez', speaker: 'Maria Lopez' });
    expect(bare(c!.content)).toBe('The budget is balanced for the first time in a decade');
  });

  it('takes a straight-quoted quote with the attribution after it', () => {
    const [c] = claimsOf('"We will appeal the ruling," the company said in a statement.');
    expect(c).toMatchObject({ kind: 'direct', source: 'the company' });
    expect(bare(c!.content)).toBe('We will appeal the ruling');
  });

  it('reads single-quoted quotations, as British papers print them', () => {
    const cs = claimsOf('‘We are building more homes than at any time in a generation,’ Sir Keir Starmer told MPs on Wednesday.');
    expect(cs.map((c) => [c.kind, c.cue, c.source])).toEqual([['direct', 'told', 'Sir Keir Starmer']]);
    expect(bare(cs[0]!.content)).toBe('We are building more homes than at any time in a generation');
  });

  it('reads the two-apostrophe quote marks some papers use', () => {
    const [c] = claimsOf("''There is no plan B,'' said Mr. Okafor, the city's budget director.");
    expect(c?.kind).toBe('direct');
    expect(bare(c!.content)).toBe('There is no plan B');
    expect(c?.source).toContain('Okafor');
  });

  it('reads «guillemets»', () => {
    const [c] = claimsOf('«The border will stay open,» the minister said.');
    expect(c).toMatchObject({ kind: 'direct', source: 'the minister' });
  });

  it('keeps nested single quotes inside the double quote', () => {
    const [c] = claimsOf('“They kept telling us ‘wait until spring,’ and spring never came,” said Ana Ruiz.');
    expect(bare(c!.content)).toBe('They kept telling us ‘wait until spring,’ and spring never came');
  });

  it('keeps a quotation closing on a comma as the content, whatever follows its cue', () => {
    const cs = claimsOf('“I love these cookies. I will never eat them again,” Dana Holt said in August after the bakery announced it was closing.');
    expect(cs.map((c) => [c.source, bare(c.content)])).toEqual([
      ['Dana Holt', 'I love these cookies. I will never eat them again'],
      ['the bakery', 'it was closing'],
    ]);
  });

  it.each([
    ['Trump told Newsmax that Romney “had a crazy policy,” adding, “He lost all of the Latino vote.”', 'Trump'],
    ['“We do not want a fractured convention,” he said, adding, “We want this settled early.”', 'he'],
  ])('gives a quotation after ", adding," its own claim by the same source: %s', (text, source) => {
    const cs = claimsOf(text);
    expect(cs.map((c) => [c.cue, c.source])).toEqual([[cs[0]!.cue, source], ['adding', source]]);
    expect(cs[0]!.content).not.toContain('adding');
    expect(bare(cs[1]!.content)).toMatch(/^(He lost all of the Latino vote|We want this settled early)$/);
  });

  it('gives a stance after ", while" its own claim instead of folding it into the saying before it', () => {
    const cs = claimsOf('Speaker Mike Johnson said the president was “clearly confused,” while Senator Ted Cruz called the interview “a disaster.”');
    expect(cs.map((c) => [c.source, c.cue])).toEqual([['Speaker Mike Johnson', 'said'], ['Senator Ted Cruz', 'called']]);
    expect(cs[0]!.content).not.toContain('Cruz');
  });

  it('keeps both claims when the source has a relative clause that says something itself', () => {
    const cs = claimsOf('Barkley, who said he typically votes Democratic, said one candidate he likes is Ohio Governor John Kasich.');
    expect(cs.map((c) => [c.source, c.cue, bare(c.content)])).toEqual([
      ['who', 'said', 'he typically votes Democratic'],
      ['Barkley, who said he typically votes Democratic', 'said', 'one candidate he likes is Ohio Governor John Kasich'],
    ]);
    expect(cs.map((c) => c.speaker)).toEqual(['Barkley', 'Barkley']);
    expect(detectClaims('Barkley, who said he typically votes Democratic, said he likes Kasich.').claims[1]?.speaker?.role).toBeUndefined();
  });

  it('keeps a stance claim when a later clause with its own subject says more', () => {
    const cs = claimsOf('Trump called the assault “an attack on our country,” but he also noted the deaths of the officers.');
    expect(cs.map((c) => [c.source, c.cue])).toEqual([['Trump', 'called'], ['he', 'also noted']]);
    expect(cs[0]!.content).toBe('the assault “an attack on our country,”');
  });

  it('continues a quotation after the speaker’s own participle clause', () => {
    const cs = claimsOf("''We need Chapter 9,'' said Ms. Acosta, referring to the bankruptcy chapter. ''Give us the tool and we will finish the job.''");
    expect(cs.map((c) => c.cue)).toEqual(['said', 'referring to']);
    expect(bare(cs[0]!.content)).toMatch(/^We need Chapter 9.*Give us the tool and we will finish the job$/);
  });

  it('reads an age after "now" as an apposition of the source', () => {
    const [c] = claimsOf('“I would have been in Siberia for a long time,” Mr. Daniloff, now 81 and retired in Cambridge, said by telephone.');
    expect(c).toMatchObject({ kind: 'direct', source: 'Mr. Daniloff, now 81 and retired in Cambridge', speaker: 'Daniloff' });
  });

  it('takes no evidential verb in a relative clause as a claim', () => {
    const cs = claimsOf('“It’s like a new plane,” Mr. Trump said in a documentary that showed off the renovations.');
    expect(cs.map((c) => c.cue)).toEqual(['said']);
  });

  it('takes an attribution before a quote', () => {
    const [c] = claimsOf('The senator said: “We have the votes.”');
    expect(c).toMatchObject({ kind: 'direct', source: 'The senator' });
    expect(bare(c!.content)).toBe('We have the votes');
  });

  it('joins a quote split by its attribution into one claim with two fragments', () => {
    const r = detectClaims('“The talks,” Omar Haddad said, “are finally moving.”');
    expect(r.claims).toHaveLength(1);
    const c = r.claims[0]!;
    expect(c.content).toHaveLength(2);
    expect(c.content.map(([s, e]) => bare(r.text.slice(s, e)))).toEqual(['The talks', 'are finally moving']);
    expect(c.kind).toBe('direct');
  });

  it('takes the next paragraph as what "said:" at the end of a paragraph introduces', () => {
    const statement = 'The government will not tolerate violence against its citizens and will respond if needed.';
    expect(claimsOf(['In a statement on Friday, the ministry said:', statement])).toEqual([
      expect.objectContaining({ kind: 'indirect', cue: 'said', source: 'the ministry', content: statement.slice(0, -1) }),
    ]);
    // The quoted form, with a phrase before the source that is not what was said.
    const [c] = claimsOf(['In a speech last July, he said:', '“Let no one be mistaken about this candidacy.”']);
    expect(c).toMatchObject({ kind: 'direct', source: 'he' });
    expect(bare(c!.content)).toBe('Let no one be mistaken about this candidacy');
    // A heading after the colon is not a statement.
    expect(claimsOf(['The mayor said:', 'Related stories'])).toEqual([]);
  });

  it('runs a quote over several sentences to its closing mark', () => {
    const [c] = claimsOf('“We waited. We asked. Nobody answered,” said the mayor.');
    expect(bare(c!.content)).toBe('We waited. We asked. Nobody answered');
  });

  it('runs a quote across paragraphs when the next paragraph reopens it', () => {
    const text = 'The governor said: “We will rebuild every bridge.\n\n“And we will do it before winter.”';
    const r = detectClaims(text);
    const all = r.claims.flatMap((c) => c.content.map(([s, e]) => r.text.slice(s, e))).join(' ');
    expect(all).toContain('We will rebuild every bridge');
    expect(all).toContain('And we will do it before winter');
    expect(r.claims.every((c) => c.speaker === null || c.speaker.name === 'The governor')).toBe(true);
  });

  it('takes a quote continuing after the attributed sentence, there or in the next paragraph, into the same claim', () => {
    const seen = claimsOf('“Prices are falling,” said Chen Wei. “Next year will be better.”\n\n“We are hiring again.”\n\nThe plant opened in May.');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ cue: 'said', speaker: 'Chen Wei', kind: 'direct' });
    for (const part of ['Prices are falling', 'Next year will be better', 'We are hiring again']) expect(seen[0]!.content).toContain(part);
    expect(seen[0]!.content).not.toContain('The plant opened');
  });

  it('does not continue a question into the next paragraph, which mostly answers it', () => {
    const seen = claimsOf('“Will the plant reopen?” the reporter asked Chen Wei.\n\n“We are hiring again.”');
    expect(seen.map((c) => c.content).join(' ')).not.toContain('We are hiring again');
  });

  it('does not take a quotation with its own speaker as a continuation of the previous one', () => {
    const seen = claimsOf('“He is a national figure now,” said Kunin.\n\n“He claims to be a Democrat. If he wants to keep that, he has to do it,” she said.');
    expect(seen.map((c) => [c.source, c.cue])).toEqual([['Kunin', 'said'], ['she', 'said']]);
    expect(seen[1]!.content).toContain('He claims to be a Democrat');
  });

  it('marks partly quoted content as mixed', () => {
    const [c] = claimsOf('The mayor said the plan was “dead on arrival” in the council.');
    expect(c?.kind).toBe('mixed');
  });
  it('keeps a quoted question with the attribution that follows it', () => {
    const [c] = claimsOf('"How do you control these big banks?" Trump said to a crowd of about 500.');
    expect(c).toMatchObject({ kind: 'direct', cue: 'said', source: 'Trump' });
    expect(bare(c!.content)).toBe('How do you control these big banks');
  });

  it('reads a mistyped opening mark that closes a quote', () => {
    const [c] = claimsOf('“It is unusual,“ said Larry Noble, an attorney with the Campaign Legal Center.');
    expect(c).toMatchObject({ kind: 'direct', cue: 'said', speaker: 'Larry Noble' });
  });

});

describe('reported speech', () => {
  it('takes "X said (that) …" with the subject as source', () => {
    const [c] = claimsOf('Police Chief Dana Wells said that two suspects had been arrested.');
    expect(c).toMatchObject({ kind: 'indirect', cue: 'said', source: 'Police Chief Dana Wells', speaker: 'Dana Wells', role: 'Police Chief' });
    expect(bare(c!.content)).toBe('that two suspects had been arrested');
  });

  it.each([
    ['"The results will be revealed tonight," the statement read.', 'the statement'],
    ['"America is great!" read one sign.', 'one sign'],
    ['"From Seattle to Houston, we see hope," the letter reads.', 'the letter'],
  ])('reads "read" after a quotation as its cue, with the document as the source: %s', (text, source) => {
    expect(claimsOf(text).map((c) => [c.kind, c.cue?.startsWith('read'), c.source])).toEqual([['direct', true, source]]);
  });

  it.each([
    ['As the president put it, "We are not going back."', 'the president'],
    ['As one analyst put it: "This is a disaster."', 'one analyst'],
    ['"The barbarians are no longer at the gate," a former secretary put it.', 'a former secretary'],
  ])('reads "put it" as a cue: %s', (text, source) => {
    expect(claimsOf(text).map((c) => [c.kind, c.source])).toEqual([['direct', source]]);
  });

  it.each(['He put it on the table.', 'She put the plan on hold.', 'Cristiano Ronaldo put it away in the second half.'])('does not read "put" without "it" and a quotation as a cue: %s', (text) => {
    expect(claimsOf(text)).toEqual([]);
  });

  it.each([
    'He read the report carefully.',
    'Schiff has already lied about the whistleblower, read into the record a rewriting of the call, and leaked statements.',
  ])('does not take "read" for a cue with no quotation before it and its source: %s', (text) => {
    expect(claimsOf(text).map((c) => c.cue)).not.toContain('read');
  });

  it('takes "…, X said Monday." with the content before the cue', () => {
    const [c] = claimsOf('The factory will close in March, a company spokeswoman said Monday.');
    expect(c).toMatchObject({ cue: 'said', source: 'a company spokeswoman' });
    expect(bare(c!.content)).toBe('The factory will close in March');
  });

  it.each([
    ['The deal would hold, officials said late Thursday.', 'The deal would hold'],
    ['Netanyahu said late Wednesday that he would go ahead with the meeting.', 'that he would go ahead with the meeting'],
    ['Cazeneuve said early Friday that 80 people were killed.', 'that 80 people were killed'],
  ])('reads "late" and "early" before a time as part of the time: %s', (text, content) => {
    expect(contentsOf(text)).toEqual([content]);
  });

  it.each([
    ['Indiana State Police reported at least 5,000 people entered the Statehouse.', 'at least 5,000 people entered the Statehouse'],
    ['Police said at least 20 people were arrested.', 'at least 20 people were arrested'],
    ['Officials estimated at least 300 people were hurt.', 'at least 300 people were hurt'],
    ['He said at the rally that the wall would be built.', 'that the wall would be built'],
  ])('keeps a quantity after the cue in the content, but skips a phrase: %s', (text, content) => {
    expect(contentsOf(text)).toEqual([content]);
  });

  it('keeps a time that opens a possessive in the content: "said last week’s report …"', () => {
    expect(contentsOf('She said last week’s report was wrong.')).toEqual(['last week’s report was wrong']);
    expect(contentsOf('He said last week that the report was wrong.')).toEqual(['that the report was wrong']);
  });

  it.each([
    ['WASHINGTON (AP) — The Senate will vote on Tuesday, leaders said.', 'The Senate will vote on Tuesday'],
    ['LONDON — After years of talks, the sanctions will be lifted, officials said.', 'After years of talks, the sanctions will be lifted'],
    ['New York (AFP) – The same frustration could send voters to Trump, Sanders warned.', 'The same frustration could send voters to Trump'],
    ['RENO, Nev. (AP) — The state will cut taxes next year, the governor said Tuesday.', 'The state will cut taxes next year'],
  ])('leaves a dateline out of the content: %s', (text, content) => {
    expect(contentsOf(text)).toEqual([content]);
  });

  it.each([
    ['WASHINGTON – Two federal prison officers were charged Tuesday with falsifying records, stating they had checked on him.', 'Two federal prison officers'],
    ['DALLAS (AP) — The airline canceled 300 flights on Monday, saying the storm made landing unsafe.', 'The airline'],
  ])('never gives a participle its dateline for a subject: %s', (text, source) => {
    expect(claimsOf(text)[0]).toMatchObject({ source });
  });

  it('keeps a dash that is no dateline: a lower-case word follows it', () => {
    expect(bare(claimsOf('ISIS — the group behind the attack — is weakening, officials said.')[0]!.content)).toBe('ISIS — the group behind the attack — is weakening');
  });

  it('takes inverted "…, said X."', () => {
    const [c] = claimsOf('The vote was rigged from the start, said Tomas Berg, an opposition leader.');
    expect(c?.source).toContain('Tomas Berg');
    expect(bare(c!.content)).toBe('The vote was rigged from the start');
  });

  it('joins both halves around a mid-sentence attribution into one claim', () => {
    const seen = claimsOf('The new bridge, the mayor said, will open in June.');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ cue: 'said', source: 'the mayor' });
    expect(seen[0]!.content.split(' | ').map(bare)).toEqual(['The new bridge', 'will open in June']);
  });

  it('keeps a denial with a clause, a gerund or a noun with its clause', () => {
    expect(claimsOf('The minister denied that the fund was empty.')[0]?.cue).toBe('denied');
    expect(claimsOf('The minister denied having met the lobbyists.')[0]?.cue).toBe('denied');
    expect(claimsOf('The minister denied the reports that he had resigned.')[0]?.cue).toBe('denied');
  });

  it('gives a passive "is said to" no source and no speaker', () => {
    const [c] = claimsOf('The governor is said to favor a delay.');
    expect(c).toMatchObject({ kind: 'indirect', source: null, speaker: null });
    expect(c?.cue).toContain('said');
  });

  it('skips the addressee and setting of "told Reuters in an interview"', () => {
    const [c] = claimsOf('Kim Novak told Reuters in an interview that the merger would go ahead.');
    expect(c).toMatchObject({ cue: 'told', source: 'Kim Novak' });
    expect(bare(c!.content)).toBe('that the merger would go ahead');
  });

  it('takes content before "X told Reuters in an interview."', () => {
    const [c] = claimsOf('The merger will go ahead, Kim Novak told Reuters in an interview.');
    expect(bare(c!.content)).toBe('The merger will go ahead');
  });

  it('handles "according to X, …" and "…, according to X."', () => {
    const [a] = claimsOf('According to the health ministry, 40 people were treated for smoke inhalation.');
    expect(a).toMatchObject({ cue: 'According to', source: 'the health ministry' });
    expect(bare(a!.content)).toBe('40 people were treated for smoke inhalation');
    const [b] = claimsOf('Forty people were treated for smoke inhalation, according to the health ministry.');
    expect(b).toMatchObject({ cue: 'according to', source: 'the health ministry' });
    expect(bare(b!.content)).toBe('Forty people were treated for smoke inhalation');
  });

  it.each([
    ['believes', 'The coach believes the team can still win the title.'],
    ['thinks', 'Ms. Patel thinks the rates will rise again.'],
    ['expects', 'The bank expects inflation to ease next year.'],
    ['fears', 'Rivera fears the deal will collapse.'],
    ['warned', 'The agency warned that the storm could strengthen.'],
    ['denied', 'The minister denied that he had met the lobbyist.'],
    ['claimed', 'The group claimed it had hacked the servers.'],
    ['insisted', 'Their lawyer insisted that the contract was valid.'],
  ])('finds the cue "%s"', (cue, text) => {
    const seen = claimsOf(text);
    expect(seen.map((c) => c.cue)).toContain(cue);
  });

  it.each([
    ['has said', 'The president has said the troops will stay.'],
    ['did not say', 'The spokesman did not say whether the talks would resume.'],
    ['also said', 'Garcia also said the audit found no fraud.'],
    ['will tell', 'The chairman will tell shareholders that profits doubled.'],
    ['was reported', 'It was reported that the plant had been shut.'],
    ['is said', 'The minister is said to favour an early election.'],
    ['is expected', 'The court is expected to rule on Friday.'],
  ])('keeps auxiliaries, negation and adverbs in the cue "%s"', (cue, text) => {
    expect(claimsOf(text).map((c) => c.cue)).toContain(cue);
  });

  it.each([
    ['Trump has raised questions about Obama’s birthplace and religion.', 'has raised questions about', 'Obama’s birthplace and religion'],
    ['She bragged about her father teaching her how to shoot.', 'bragged about', 'her father teaching her how to shoot'],
    ['Police said about 200 people gathered outside.', 'said', 'about 200 people gathered outside'],
    ['The company said about half of its workers would be laid off.', 'said', 'about half of its workers would be laid off'],
  ])('takes "about" after a cue into the cue, unless it comes before a number: %s', (text, cue, content) => {
    expect(claimsOf(text).map((c) => [c.cue, bare(c.content)])).toEqual([[cue, content]]);
  });

  it('reads "voices" after an adjective as a noun', () => {
    const cs = claimsOf('Eric Reeves, one of the leading American academic voices on Sudan, said he was appalled.');
    expect(cs.map((c) => c.cue)).toEqual(['said']);
    expect(claimsOf('She voices concern that the plan will fail.').map((c) => c.cue)).toEqual(['voices']);
  });

  it('does not fire ambiguous verbs without a clause', () => {
    expect(claimsOf('I know him well from school.')).toEqual([]);
    expect(claimsOf('They want more money for the schools.').filter((c) => c.cue === 'want')).toEqual([]);
  });

  it('never fires inside a quotation', () => {
    const seen = claimsOf('“I think we said everything we wanted to say,” the coach said.');
    expect(seen).toHaveLength(1);
    expect(seen[0]?.source).toBe('the coach');
  });
  it('takes what follows when only a connective comes before the attribution', () => {
    const [c] = claimsOf('But, he said, it is a risky strategy at a time of rising prices.');
    expect(c).toMatchObject({ cue: 'said', source: 'he' });
    expect(bare(c!.content)).toBe('it is a risky strategy at a time of rising prices');
  });

  it('keeps both halves around a mid-sentence attribution after a fronted phrase, even before a capital', () => {
    const [c] = claimsOf('Within months of the acquisition, Forte said, Whole Foods was selling cheaper eggs.');
    expect(c).toMatchObject({ cue: 'said', source: 'Forte', content: 'Within months of the acquisition | Whole Foods was selling cheaper eggs' });
    // Without a fronted phrase on the left, a capital after the aside starts something else.
    expect(claimsOf('The plan failed, Forte said, Monday brought new talks.')[0]?.content).toBe('The plan failed');
  });

  it('splits two coordinated reporting verbs of one subject into two claims', () => {
    const cs = claimsOf('He says the response was to break up the banks and says he introduced a bill to do it.');
    expect(cs.map((c) => [c.cue, c.source, bare(c.content)])).toEqual([
      ['says', 'He', 'the response was to break up the banks'],
      ['says', 'He', 'he introduced a bill to do it'],
    ]);
  });

  it('reads "X appeared to …" and "X is expected to …" as the writer\'s claim about X, X included, with no speaker', () => {
    const cs = claimsOf('Mr. Sanders appeared to dismiss the email issue in October.');
    expect(cs.map((c) => [c.cue, c.source, c.speaker, c.content])).toEqual([['appeared', null, null, 'Mr. Sanders | to dismiss the email issue in October']]);
    // "was Kenyan and the president": a clause ends before "and", so no coordinated subject spans it.
    expect(claimsOf('His father was Kenyan and the president is expected to meet relatives in Nairobi.')[0]?.content).toBe('the president | to meet relatives in Nairobi');
    const [expected] = claimsOf('The real estate magnate is expected to cruise past the 1,237 delegates needed.');
    expect(expected).toMatchObject({ cue: 'is expected', source: null, content: 'The real estate magnate | to cruise past the 1,237 delegates needed' });
    // The subject still names who a participle after it, and pronouns later, refer to.
    const [seem, telling, said] = claimsOf(['Jeff Weaver did not seem impressed, telling reporters “A lot of people said the governor should step down.”', 'He said the campaign would go on.']);
    expect([seem?.speaker, telling?.source, telling?.speaker, said?.speaker]).toEqual([null, 'Jeff Weaver', 'Jeff Weaver', 'Jeff Weaver']);
  });

  it('ends reported content at a semicolon', () => {
    const cs = claimsOf('Judge Berman never intended to give me prison time; he recognized how absurd that would be.');
    expect(cs.map((c) => [c.cue, c.source, bare(c.content)])).toEqual([
      ['never intended', 'Judge Berman', 'to give me prison time'],
      ['recognized', 'he', 'how absurd that would be'],
    ]);
  });

  it('skips an addressee of up to six words before the content, and reads no cue in it', () => {
    const cs = claimsOf('The governor told a crowd of cheering farm workers that the plant would stay open.');
    expect(cs.map((c) => [c.cue, c.source, bare(c.content)])).toEqual([['told', 'The governor', 'that the plant would stay open']]);
  });

  it.each([
    ['Donald Trump tells Fox News anchor Megyn Kelly that people who are bullied should fight back.', 'that people who are bullied should fight back'],
    ['The candidate told host Chris Cuomo she believed the transcripts would be released.', 'she believed the transcripts would be released'],
  ])('skips an addressee that ends in a name: %s', (text, content) => {
    expect(contentsOf(text)).toEqual([content]);
  });

  it('does not skip to a "that" after an addressee that ends in a common noun', () => {
    const [c] = claimsOf('She asked him to describe the device that caused the explosion.');
    expect(c?.content).toContain('describe the device');
  });

  it('skips a long prepositional phrase between the cue and its "that" clause', () => {
    const [c] = claimsOf('The mayor said in an interview on Fox News Sunday Morning Futures that the budget would pass.');
    expect(bare(c!.content)).toBe('that the budget would pass');
  });

  it('takes "states" with what is stated after it', () => {
    expect(claimsOf('The Constitution states that the court must hear the case.')[0]).toMatchObject({ cue: 'states', source: 'The Constitution' });
    expect(claimsOf('Emery states, “Some people put words in his mouth.”')[0]).toMatchObject({ cue: 'states', source: 'Emery' });
  });

  it('keeps "called" with a definite or titled subject as a verdict', () => {
    expect(claimsOf('The campaign called the charges false. A spokesman called the report “a disgrace.”').map((c) => c.source)).toEqual(['The campaign', 'A spokesman']);
  });

  it('gives a verb after "but" the subject of the predicate before it', () => {
    const cs = claimsOf('The spokesman refused to name the donors but said there had been no meeting.');
    expect(cs.map((c) => [c.cue, c.source])).toContainEqual(['said', 'The spokesman']);
  });

  it.each([
    ['Clinton paused for a moment, then revealed why the vote mattered.', 'Clinton'],
    ['He nodded once, as if to settle the matter, then added, “Nobody will be hurt.”', 'He'],
    // An apposition before "then" stays in the source.
    ['Dean, a medical doctor, then said the remark was a joke.', 'Dean, a medical doctor'],
  ])('gives a verb after ", then" the subject of the predicate before it: %s', (text, source) => {
    expect(claimsOf(text)[0]?.source).toBe(source);
  });

  it('reads no speaker into an imperative’s second verb after ", then"', () => {
    expect(claimsOf('Consider what you really need, then write it all down.')).toEqual([]);
  });

  it('accepts a thought whose object is a noun phrase, not only a clause', () => {
    const [c] = claimsOf('Photos showed mourners crouched over covered bodies.');
    expect(c).toMatchObject({ cue: 'showed', source: 'Photos' });
  });

  it('takes a stance verb with an auxiliary even when its subject is out of reach', () => {
    const cs = claimsOf(
      'The senators in the group – all forty of them, from farm states in the Midwest and the South that grow corn, wheat and soy and raise cattle and hogs for export to Asia – have criticized the deal as reckless.',
    );
    expect(cs.map((c) => [c.cue, c.source])).toEqual([['have criticized', null]]);
  });


  it('takes a thought reported without its thinker', () => {
    const [c] = claimsOf('Prices are expected to rise again next year.');
    expect(c).toMatchObject({ cue: 'are expected', source: null });
  });

  it.each([
    ['The senator made the case that the tariffs would hurt farmers.', 'made the case'],
    ['She went on to say that the plan would fail.', 'went on to say'],
    ['Two members raised concerns that the bridge was unsafe.', 'raised concerns'],
    ['The governor, referring to the floods, promised new levees.', 'referring to'],
  ])('takes a light-verb or phrasal cue whole: %s', (text, cue) => {
    expect(claimsOf(text).map((c) => c.cue)).toContain(cue);
  });

  it.each([
    ['Lewandowski continued to assert that he never made contact with the reporter.', 'continued to assert'],
    ['He has continued to insist that he will fight on to the convention.', 'has continued to insist'],
  ])('reads "continue to" with the verb after it as one cue: %s', (text, cue) => {
    expect(claimsOf(text).map((c) => c.cue)).toEqual([cue]);
  });

  it('takes "continued" before a quotation, but not before other content', () => {
    expect(claimsOf('The crowd booed. She continued, “I am proud to be part of this movement.”').map((c) => [c.cue, c.source])).toEqual([['continued', 'She']]);
    expect(claimsOf('The rain continued all night.')).toEqual([]);
  });

  it('keeps both predicates of one subject when the first is a stance verb', () => {
    const cs = claimsOf('She has called for a ban on assault weapons and has promised to seek new legislation.');
    expect(cs.map((c) => [c.cue, c.source, bare(c.content)])).toEqual([
      ['has called for', 'She', 'a ban on assault weapons'],
      ['has promised', 'She', 'to seek new legislation'],
    ]);
  });

  it('reads "sided with" and "laid out" as cues only with their particle', () => {
    expect(claimsOf('The mayor sided with the unions on the pay dispute.').map((c) => [c.cue, c.source])).toEqual([['sided with', 'The mayor']]);
    expect(claimsOf('The president laid out his plan to cut taxes for families.').map((c) => [c.cue, bare(c.content)])).toEqual([
      ['laid out', 'his plan to cut taxes for families'],
    ]);
    for (const narration of ['Workers laid the foundation last year.', 'The team sided the barn in red.']) {
      expect(claimsOf(narration)).toEqual([]);
    }
  });
});

describe('sources and speakers', () => {
  it.each([
    ['A spokesman for the ministry said the talks would resume.', 'A spokesman for the ministry'],
    ['Officials in Washington said the deal was close.', 'Officials in Washington'],
    ['One of the former prosecutors for David Petraus said the two cases were different.', 'One of the former prosecutors for David Petraus'],
  ])('keeps the person, not the place or employer after it, in the source: %s', (text, source) => {
    expect(claimsOf(text).map((c) => c.source)).toEqual([source]);
  });

  it.each([
    ['Democrats — and some Republicans — said the bill went too far.', 'Democrats — and some Republicans —', 'Democrats', 'and some Republicans'],
    ['Joyce -- who is listed as an attorney in Illinois -- told the Huffington Post he will not appeal.', 'Joyce -- who is listed as an attorney in Illinois --', 'Joyce', undefined],
    ['The senator — a Republican from Ohio — warned that the deal would collapse.', 'The senator — a Republican from Ohio —', 'The senator', undefined],
  ])('passes an aside set off by dashes right before the cue: %s', (text, source, speaker, role) => {
    expect(claimsOf(text).map((c) => [c.source, c.speaker, c.role])).toEqual([[source, speaker, role]]);
  });

  it('keeps an earlier dash aside out of the source', () => {
    const text = 'As a former football executive — he owned a team in the 1980s — Trump also offered his view of the game.';
    expect(claimsOf(text).map((c) => [c.source, c.speaker])).toEqual([['Trump', 'Trump']]);
  });

  it.each([
    ['Meanwhile Trump said the wall would be built.', 'Trump'],
    ['Yesterday Clinton said the plan was sound.', 'Clinton'],
    ['Earlier Sanders said he would stay in the race.', 'Sanders'],
    ['Now Bloomberg says he is considering a run.', 'Bloomberg'],
  ])('leaves a sentence-opening adverb without a comma out of the speaker: %s', (text, speaker) => {
    expect(claimsOf(text).map((c) => [c.source, c.speaker])).toEqual([[speaker, speaker]]);
  });

  it.each([
    ['The lawsuit claims that the company misled investors.', 'The lawsuit', 'claims'],
    ['The government hopes that its diplomats can win the argument.', 'The government', 'hopes'],
  ])('reads a noun-like -s form as the verb after "the" and a noun that can speak, with a that-clause: %s', (text, source, cue) => {
    expect(claimsOf(text).map((c) => [c.source, c.cue])).toEqual([[source, cue]]);
  });

  it.each([
    ['Critics dismissed their empty claims that the vote was rigged.', 'claims'],
    ['The social issues that it decides have become a focus.', 'issues'],
  ])('keeps a plural noun before "that" a noun: %s', (text, noun) => {
    expect(claimsOf(text).map((c) => c.cue)).not.toContain(noun);
  });

  it.each([
    ['A survey of 1,000 adults found that most voters back the plan.', 'A survey of 1,000 adults'],
    ['About 1,409 teachers said they wanted to endorse Sanders.', 'About 1,409 teachers'],
  ])('reads a number with a thousands separator as one word of the source: %s', (text, source) => {
    expect(claimsOf(text).map((c) => c.source)).toEqual([source]);
  });

  it.each([
    ['People close to Hillary Clinton said she would not step aside.', 'People close to Hillary Clinton'],
    ['The Ministry of the Environment said the river was safe.', 'Ministry of the Environment'],
    ['The United Nations High Commissioner for Human Rights said the strikes were unlawful.', 'United Nations High Commissioner for Human Rights'],
    ['Clinton and the DNC said the agreement was standard.', 'Clinton and the DNC'],
    ['An analysis by Lily Batchelder found that the plan would cut taxes for the rich.', 'Lily Batchelder'],
  ])('names the whole phrase, not the name at its end, when the name only completes it: %s', (text, speaker) => {
    const [claim] = claimsOf(text);
    expect([claim?.speaker, claim?.role]).toEqual([speaker, undefined]);
  });

  it.each([
    ['Quina Jones, 25, said the protests would go on.', 'Quina Jones', undefined],
    ['Maria Lopez, 32, a nurse, said the hospital was full.', 'Maria Lopez', 'a nurse'],
    ['Donna Rawlings, 59, of Ashton, Md., said the event brought back memories.', 'Donna Rawlings', 'of Ashton, Md.'],
  ])('gives no age as the role, and still knows the source for a person: %s', (text, speaker, role) => {
    expect(claimsOf(text).map((c) => [c.speaker, c.role])).toEqual([[speaker, role]]);
    expect(claimsOf(`${text} She said she would return.`).map((c) => c.speaker)).toEqual([speaker, speaker]);
  });

  it.each([
    ['Rainfall occurs everywhere on Titan, said study co-author Anezina Solomonidou.', 'study co-author Anezina Solomonidou', 'Anezina Solomonidou'],
    ['"I am not going to say it is a mistake," said retired neurosurgeon Ben Carson.', 'retired neurosurgeon Ben Carson', 'Ben Carson'],
  ])('takes lower-case words before a name into an inverted source: %s', (text, source, speaker) => {
    expect(claimsOf(text).map((c) => [c.source, c.speaker])).toEqual([[source, speaker]]);
  });

  it.each([
    ['"We are ready," said Maria Zakharova, a spokeswoman for the Russian Foreign Ministry.', 'Maria Zakharova', 'a spokeswoman for the Russian Foreign Ministry'],
    ['The talks will resume, said John Kirby, the Pentagon\'s press secretary.', 'John Kirby', 'the Pentagon\'s press secretary'],
  ])('gives an inverted source the apposition that closes the sentence, as the speaker\'s role: %s', (text, speaker, role) => {
    expect(claimsOf(text).map((c) => [c.source, c.speaker, c.role])).toEqual([[`${speaker}, ${role}`, speaker, role]]);
  });

  it('leaves an apposition with a cue in it out of an inverted source: its claim is its own', () => {
    const claims = claimsOf('"It is over," said John Smith, a Democrat who supports Mrs. Clinton.');
    expect(claims.map((c) => [c.source, c.cue])).toEqual([['John Smith', 'said'], ['who', 'supports']]);
  });

  it('does not take a preposition before a name for an inverted source', () => {
    expect(claimsOf('The immigration bill, opposed by House Republicans, died in committee.').map((c) => c.source)).not.toContain('by House Republicans');
  });

  it('keeps "First" in "First Lady" at the start of a sentence', () => {
    expect(claimsOf('First Lady Michelle Obama said the garden was thriving.').map((c) => c.source)).toEqual(['First Lady Michelle Obama']);
  });

  it('does not take a sentence-opening connective for the subject of a participle', () => {
    const [c] = claimsOf('Yet the mayor stayed silent for a week, saying only that the audit was under way.');
    expect(c).toMatchObject({ cue: 'saying', source: 'the mayor' });
  });

  it.each([
    ['In August, several environmental groups granted an extension, saying the mine was safe.', 'several environmental groups'],
    ['The retired neurosurgeon began his speech by saying the country was in decline.', 'The retired neurosurgeon'],
    ['Both women framed their speeches around trade, portraying him as a selfish tycoon.', 'Both women'],
  ])('ends a participle’s sentence subject before its verb: %s', (text, source) => {
    expect(claimsOf(text)[0]).toMatchObject({ source });
  });

  it('starts the content at "to" after an addressee', () => {
    const [c] = claimsOf('Clean Air Wexley urged the council to publish the full report.');
    expect(bare(c!.content)).toBe('to publish the full report');
  });

  it.each([
    ['Shortly before their arrival, Webb admitted to threatening the girl, and hiding her in a basket.', 'threatening the girl, and hiding her in a basket'],
    ['The mayor admitted to taking bribes from the contractor.', 'taking bribes from the contractor'],
  ])('reads "to" before an -ing form as what was admitted, not an addressee: %s', (text, content) => {
    const [c] = claimsOf(text);
    expect(c).toMatchObject({ cue: 'admitted' });
    expect(bare(c!.content)).toBe(content);
  });


  it('gives a participle of saying the subject of its sentence, past a fronted phrase', () => {
    const cs = claimsOf('On Tuesday, Senator Dana Holt escalated her criticism, telling reporters that the plan was a fraud.');
    expect(cs.map((c) => [c.cue, c.source, c.speaker])).toEqual([['telling', 'Senator Dana Holt', 'Dana Holt']]);
  });


  it.each([
    ['a parenthetical', '“That is a problem for the party,” said Rep. Jim Clay (D-S.C.), a member of the leadership.', 'Rep. Jim Clay'],
    ['a postmodifier', '“He has been very worked up about it,” said a source close to the campaign.', 'a source close to the campaign'],
  ])('takes an inverted source after a quotation even with %s after the name', (_what, text, source) => {
    expect(claimsOf(text).map((c) => c.source)).toEqual([source]);
  });


  it.each([
    ['Several said they would rather the states decided how to spend it.', 'Several', 'said'],
    ['Many believe the vote was rigged.', 'Many', 'believe'],
    ['Half said so in the earlier poll.', 'Half', 'said'],
  ])('takes a quantifier standing alone as the subject: %s', (text, source, cue) => {
    expect(claimsOf(text).map((c) => [c.source, c.cue])).toEqual([[source, cue]]);
  });

  it.each([
    ['an aside', 'Others, however, say a recalibration is overdue.', 'Others', 'say'],
    ['a name', 'Mr. Autor and Mr. Hanson argue that trade hurt factory towns.', 'Mr. Autor and Mr. Hanson', 'argue'],
    ['a singular noun, with a clause after it', 'Rather, sources close to her campaign say she stands fully behind the president.', 'sources close to her campaign', 'say'],
  ])('reads the bare form of a verb that is seldom a noun after %s', (_what, text, source, cue) => {
    expect(claimsOf(text).map((c) => [c.source, c.cue])).toEqual([[source, cue]]);
  });

  it('reads a bare cue form after a name that follows a determiner as a noun', () => {
    expect(claimsOf('They watched the Fox show every night, and she joined the Obama push for the bill.')).toEqual([]);
  });

  it('still reads a cue form after another determiner as a noun or adjective', () => {
    expect(claimsOf('Several reports surfaced on Monday about the merger.')).toEqual([]);
  });

  it('reads a bare noun-like form before a clause as a noun when it is mostly one', () => {
    expect(claimsOf('Voters will have the final say on the measure. The committee report that was leaked on Monday ran to 40 pages.')).toEqual([]);
    // "it" and "you" may be the verb's object.
    expect(claimsOf('Then, write it to a file. Take a moment and remember you can change it.')).toEqual([]);
  });

  it('keeps an apposition in the source and takes the role from it', () => {
    const [c] = claimsOf('Ayad Allawi, Iraq’s vice president, said the talks had started.');
    expect(c?.source).toBe('Ayad Allawi, Iraq’s vice president');
    expect(c?.speaker).toBe('Ayad Allawi');
    expect(c?.role).toBe('Iraq’s vice president');
  });

  it.each([
    ['an age and a hometown', 'Lena Marsh, 61, of Dover, Del., said the market had closed.', 'Lena Marsh, 61, of Dover, Del.'],
    ['a relative clause', 'Okafor, 48, who has led the union since 2012, said the strike would go on.', 'Okafor, 48, who has led the union since 2012'],
    ['a bare role', 'Ruth Ames, history professor at Grant College, said the archive was lost.', 'Ruth Ames, history professor at Grant College'],
    ['a participle aside', 'Jo Marsh, speaking on condition of anonymity, said the vote was rigged.', 'Jo Marsh, speaking on condition of anonymity'],
    // PolNeAR's annotators leave the aside out too (34 of 34 such train sources).
    ['a prepositional aside, left out', 'Mr. Ames, in a brief interview on Saturday, said his plane was great.', 'Mr. Ames'],
    ['a connective before it', 'But Matt Morrow, the group’s deputy director, said many voters were undecided.', 'Matt Morrow, the group’s deputy director'],
    ['a group noun for its head', 'But critics, including two senators, said the plan was reckless.', 'critics, including two senators'],
    ['a plural possessive in the role', 'Jeff Weaver, Sanders\' campaign manager, said the race was over.', 'Jeff Weaver, Sanders\' campaign manager'],
    ['a role with no title word', 'Tom Reed, dean of the law school, said the ruling was narrow.', 'Tom Reed, dean of the law school'],
    ['an aside after the role', 'Ana Ruiz, a nurse, clad in scrubs, said the ward was full.', 'Ana Ruiz, a nurse, clad in scrubs'],
    ['a lower-case nominal head', 'But the report, released on Monday, said exports fell.', 'the report, released on Monday'],
    [
      'a long relative clause',
      'Rich Hale, a longtime party operative who ran the state effort in 2008 and is now running the early-vote drive for the governor across the whole of the state, said turnout was high.',
      'Rich Hale, a longtime party operative who ran the state effort in 2008 and is now running the early-vote drive for the governor across the whole of the state',
    ],
  ])('keeps a source with %s before the cue', (_what, text, source) => {
    expect(claimsOf(text)[0]?.source).toBe(source);
  });

  it.each([
    ['a one-word aside', 'Maria Lopez, meanwhile, told reporters that the plan was dead.'],
    ['where it was said', 'Maria Lopez, in a statement released by the campaign on Thursday, said that the plan was dead.'],
    ['when it was said', 'Maria Lopez, after a long pause, said that the plan was dead.'],
  ])('leaves %s out of the source and its role', (_what, text) => {
    const [c] = claimsOf(text);
    expect(c).toMatchObject({ source: 'Maria Lopez', speaker: 'Maria Lopez' });
    expect(c?.role).toBeUndefined();
  });

  it.each([
    ['where it was posted', 'Jeb Bush in a Medium post said the plan would fail.', 'Jeb Bush'],
    ['a named medium', 'Trump on Twitter said the election was rigged.', 'Trump'],
    ['two phrases', 'Mr. Obama at a news conference in Tokyo said the alliance was strong.', 'Mr. Obama'],
    ['a titled sayer', 'The senator during the hearing said the bill was dead.', 'The senator'],
    ['a quantifier', 'Many in the crowd said the speech was too long.', 'Many'],
  ])('leaves %s out of the source when no commas set it off', (_what, text, source) => {
    expect(claimsOf(text)[0]?.source).toBe(source);
  });

  it.each([
    // "at" or "with" a named body is an affiliation, as with commas: the speaker is still the person.
    ['an affiliation', 'Dan Ruiz at the National Review agreed that the plan was dead.', 'Dan Ruiz at the National Review', 'Dan Ruiz'],
    // A participle opening the sentence is no sayer: the noun phrase after the verb's preposition stays.
    ['an opening participle', 'Based on the report released by the agency, officials said the plan was dead.', 'officials', 'officials'],
  ])('keeps %s without commas', (_what, text, source, speaker) => {
    expect(claimsOf(text)[0]).toMatchObject({ source, speaker });
  });

  it('keeps an affiliation after the name as the role', () => {
    expect(claimsOf('Maria Lopez, of the planning ministry, said that the plan was dead.')[0]).toMatchObject({
      source: 'Maria Lopez, of the planning ministry',
      role: 'of the planning ministry',
    });
  });

  it.each([
    ['a long role', 'Former Texas Republican Party campaign finance committee chairman Karl Christian Rove said the race was close.', 'Former Texas Republican Party campaign finance committee chairman Karl Christian Rove'],
    ['a name that is also a month', 'Prime Minister Theresa May said the vote would stand.', 'Prime Minister Theresa May'],
    ['a number', 'In the survey, 63 percent said the economy was worse.', '63 percent'],
  ])('takes a source with %s', (_what, text, source) => {
    expect(claimsOf(text)[0]?.source).toBe(source);
  });

  it('leaves the outlet out of an inverted source', () => {
    const [c] = claimsOf('“The gap is small,” wrote Lena Marsh for the Daily Ledger.');
    expect(c?.source).toBe('Lena Marsh');
  });

  it('does not take a fronted place as the head of an apposition', () => {
    expect(claimsOf('In Lisbon, the minister, 59, said taxes would rise.')[0]?.source ?? '').not.toMatch(/^Lisbon/);
  });

  it('resolves a surname and a pronoun to the person named earlier', () => {
    const seen = claimsOf('Finance Minister Lena Kovacs said the deficit would shrink. Kovacs said taxes would not rise. She added that pensions were safe.');
    expect(seen.map((c) => c.speaker)).toEqual(['Lena Kovacs', 'Lena Kovacs', 'Lena Kovacs']);
    expect(seen.map((c) => c.source)).toEqual(['Finance Minister Lena Kovacs', 'Kovacs', 'She']);
    expect(seen[1]?.role).toBe('Finance Minister');
  });

  it('resolves "they" to the last organisation or group', () => {
    const seen = claimsOf('The ministry said the border was closed. They said it would reopen soon.');
    expect(seen[1]?.speaker).toBe('The ministry');
  });

  it('resolves "it" to an organisation, and to nobody rather than a group of people', () => {
    const seen = claimsOf('The ministry said the border was closed. It said the border would reopen. The company defended its prices on Monday. Its supporters argued that fares were fair. It has now promised to cap them.');
    expect(seen.map((c) => c.speaker)).toEqual(['The ministry', 'The ministry', 'The company', 'Its supporters', null]);
  });

  it.each([
    ['Two people briefed on the matter', 'Two people briefed on the matter said the talks had stalled.'],
    ['three people briefed on the negotiations', 'The deal is close, three people briefed on the negotiations said.'],
    ['people briefed on the plan', 'It is close, according to people briefed on the plan.'],
    ['Officials across Europe', 'Officials across Europe warned that prices would rise.'],
  ])('takes a postmodified nominal source whole: "%s"', (source, text) => {
    expect(claimsOf(text).map((c) => c.source)).toEqual([source]);
  });

  it.each([
    ['a senior U.S. official', 'A ceasefire is close, a senior U.S. official said.'],
    ['officials', 'Officials said the bridge was safe.'],
    ['the company’s spokesman', 'Prices will rise, the company’s spokesman said.'],
    ['The report', 'The report says that emissions rose by 4 percent.'],
    ['A statement from the club', 'A statement from the club said the coach had resigned.'],
  ])('takes the nominal source "%s"', (source, text) => {
    const seen = claimsOf(text);
    expect(seen.map((c) => c.source?.toLowerCase())).toContain(source.toLowerCase());
  });
  it('takes proportions as sources', () => {
    expect(claimsOf('About 4 in 10 say they want more liberal policies.')[0]).toMatchObject({ cue: 'say', source: 'About 4 in 10' });
    expect(claimsOf('In the survey, nine in 10 said they thought the economy favors the wealthy.')[0]).toMatchObject({ source: 'nine in 10' });
  });

  it.each([
    ['On economic issues, 42% say they are liberal.', '42%'],
    ['Two in three said they are less likely to vote Republican in November.', 'Two in three'],
    ['Thirty-one percent say they would be satisfied if he won.', 'Thirty-one percent'],
    ['By big margins, those surveyed say the economy should come first.', 'those surveyed'],
  ])('takes poll shares and respondents as sources: %s', (text, source) => {
    expect(claimsOf(text).map((c) => c.source)).toEqual([source]);
  });

  it('takes a poll as the source through its cue, and not a poll that is only a place', () => {
    expect(claimsOf('He fell to 10 percent, according to the latest CNN/ORC poll.')[0]).toMatchObject({ cue: 'according to', source: 'the latest CNN/ORC poll' });
    expect(claimsOf('A CBS News poll found that she led Mr. Sanders 56 percent to 32 percent.')[0]).toMatchObject({ cue: 'found', source: 'A CBS News poll' });
    expect(claimsOf('Fifteen percent of voters in the poll were undecided about the race.')).toEqual([]);
  });

  it('lets a closing "…, he said" take the whole sentence from a saying verb inside it', () => {
    const cs = claimsOf('He may add to his senior leadership or change people’s roles, he said.');
    expect(cs.map((c) => [c.cue, c.source, c.content])).toEqual([['said', 'he', 'He may add to his senior leadership or change people’s roles']]);
  });

  it('reads "he’s" and "X\'s been" as a subject with a contracted verb, and shows the source without it', () => {
    const [he] = claimsOf('He’s predicting he will do very well in the next contest.');
    expect(he).toMatchObject({ cue: 'predicting', source: 'He', content: 'he will do very well in the next contest' });
    const [christie] = claimsOf("Christie's been making the case for weeks that Rubio isn't ready.");
    expect(christie).toMatchObject({ source: 'Christie', speaker: 'Christie' });
    expect(claimsOf("The company's reported profits rose sharply.")).toEqual([]);
  });

  it.each([
    ['I’m not saying the plan is wrong.', 'I'],
    ['We’ve seen that the rates are rising.', 'We'],
    ["You'll see that the rates are rising.", 'You'],
    ['They’d planned to say that the rates were rising.', 'They'],
  ])('shows a pronoun with any contracted verb as the source without it: %s', (text, source) => {
    expect(claimsOf(text)[0]?.source).toBe(source);
  });

  it('reads a typographic apostrophe like a straight one in cue words', () => {
    expect(claimsOf('Democrats don’t think Clinton can catch Sanders in New Hampshire.')[0]).toMatchObject({ cue: 'don’t think', source: 'Democrats' });
  });

  it('does not read "news" as a plural subject of a noun-like cue', () => {
    const cs = claimsOf('People trust a friend more than a news report because they know the friend, she said.');
    expect(cs.map((c) => [c.cue, c.source])).toEqual([['said', 'she']]);
  });

  it('keeps "familiar with" and "close to" inside a nominal source', () => {
    const [c] = claimsOf('Sources close to the campaign said the ads will run through November.');
    expect(c?.source).toBe('Sources close to the campaign');
  });

  it('keeps a group\'s place ("voters in all five states") and a chain of determiners in the source', () => {
    const cs = claimsOf(['Majorities of Republican voters in all five states say they feel betrayed by their party.', 'Organizers in Cleveland say the rules will backfire.', 'The two camps agreed that the rules should change.', 'Some advocates for stem cell research said that the rule overlooked its benefits.']);
    expect(cs.map((c) => c.source)).toEqual(['Majorities of Republican voters in all five states', 'Organizers in Cleveland', 'The two camps', 'Some advocates for stem cell research']);
  });

  it('keeps the hedge of a count in the source: "More than six in 10", "only 49 percent"', () => {
    const cs = claimsOf(['More than six in 10 said they were not looking forward to the campaign.', 'Most Democrats say they are satisfied, while only 49 percent of Republicans say the same of Trump.']);
    expect(cs.map((c) => c.source)).toEqual(['More than six in 10', 'Most Democrats', 'only 49 percent of Republicans']);
  });

  it('takes both conjuncts of a coordinated subject, before a floating "both"', () => {
    const cs = claimsOf(['She and her aides have vowed to win back the public’s trust.', 'Democrats and civil rights groups say the deal is a start.', 'Her advisers and allies say she will spend the coming weeks honing her message.', 'Richards and Menendez both stressed that it was not all bad news.']);
    expect(cs.map((c) => c.source)).toEqual(['She and her aides', 'Democrats and civil rights groups', 'Her advisers and allies', 'Richards and Menendez']);
  });

  it('looks past an opening participle or adverb phrase for the subject of a participle cue', () => {
    const [c] = claimsOf('Speaking to the Republican Jewish Coalition in Washington, Trump wavered in answering a question about Jerusalem.');
    expect(c).toMatchObject({ cue: 'answering', source: 'Trump' });
    const [d] = claimsOf('Ultimately, Mr. Yanukovych refused to sign the trade agreement.');
    expect(d).toMatchObject({ cue: 'refused', source: 'Mr. Yanukovych' });
  });

  it('takes "many of whom" as the source of a relative clause, with no one speaker', () => {
    const cs = claimsOf('The bill was opposed by family members of 9/11 victims, many of whom say the president’s claims are unfounded.');
    expect(cs.map((c) => [c.cue, c.source, c.speaker, bare(c.content)])).toEqual([['say', 'many of whom', null, 'the president’s claims are unfounded']]);
  });

  it('takes an inverted source that opens with a lower-case title', () => {
    const [c] = claimsOf('“October provided a resurgence for her,” said former Obama adviser David Axelrod.');
    expect(c).toMatchObject({ source: 'former Obama adviser David Axelrod', speaker: 'David Axelrod' });
  });

});

describe('not claims', () => {
  it.each([
    ['The study, published in the journal Nature, found that sea levels are rising faster.', 'found'],
    ['The tentative deal, announced Tuesday, ends the strike.', null],
  ])('reads a participle set off by commas after a noun as describing it, not as a claim: %s', (text, cue) => {
    expect(claimsOf(text).map((c) => c.cue)).toEqual(cue ? [cue] : []);
  });

  it.each([
    'The 2020 Audi e-tron Sportback adds 150 kW DC fast charging support and the electric charging flap from the SUV.',
    'The company postponed its initial public offering after investors grew wary of its losses.',
    'AirPods 2 come with a wireless charging case for $150.',
  ])('reads "charging" and "public offering" as nouns in business and technology news: %s', (text) => {
    expect(claimsOf(text)).toEqual([]);
  });

  it('still reads "charging" with an object as an accusation', () => {
    expect(claimsOf('The museum issued a report on Monday charging the Islamic State with genocide.').map((c) => c.cue)).toEqual(['charging']);
  });

  it('still reads a saying verb after a comma as a claim when its source was not found', () => {
    expect(claimsOf('"The nation is watching," state Del. Marcia Price (D-Newport News), shouted to the crowd.').map((c) => c.cue)).toEqual(['shouted']);
  });

  it('does not read an interviewer\'s question as a claim by "you"', () => {
    const cs = claimsOf(['Q: Do you think the president will sign the bill before the recess?', 'A: He told us he would sign it this week.']);
    expect(cs.map((c) => c.source)).toEqual(['He']);
    // Outside a question, "you" still reports.
    expect(claimsOf('You said last week that the plan was late.')).toHaveLength(1);
  });

  it('does not read "percentage points" as pointing', () => {
    expect(claimsOf('The poll has a margin of sampling error of plus or minus three percentage points for all voters.')).toEqual([]);
  });

  it('does not read an acronym ending in S as a plural subject: "the US state of Louisiana"', () => {
    expect(claimsOf('A gunman opened fire at a cinema in the US state of Louisiana, killing two people before shooting himself.')).toEqual([]);
  });

  it('does not read a source\'s terms of anonymity as a claim: "who asked not to be identified"', () => {
    const cs = claimsOf([
      'The deal is not final, said a person familiar with the matter, who asked not to be identified.',
      'The talks are private, the people said, asking not to be identified because the discussions are confidential.',
    ]);
    expect(cs.map((c) => [c.cue, c.source])).toEqual([['said', 'a person familiar with the matter'], ['said', 'the people']]);
    // A request that is not about anonymity still reports.
    expect(claimsOf('The mayor asked residents to stay indoors.')).toHaveLength(1);
    expect(claimsOf('Organizers were asking not to stage protests inside the hall.')).toMatchObject([{ cue: 'were asking', content: 'not to stage protests inside the hall' }]);
  });

  it('does not take the time after a participle for an inverted source: "The report, released Tuesday, found"', () => {
    const cs = claimsOf('The report, released Tuesday, found that emissions rose by 4 percent.');
    expect(cs.map((c) => c.source)).toEqual(['The report, released Tuesday']);
    expect(cs[0]).toMatchObject({ cue: 'found', content: 'that emissions rose by 4 percent' });
    // After a quotation, the word is a name: "Early" is an analyst's surname.
    expect(claimsOf('“Streaming is somewhat binary,” says Early.').map((c) => c.source)).toEqual(['Early']);
    // After a first name, a month is a surname; after a surname, a day is when.
    expect(claimsOf('“We will deliver Brexit,” said Theresa May. “It is done,” said Sen. John Smith Tuesday.').map((c) => c.source)).toEqual(['Theresa May', 'Sen. John Smith']);
  });

  it('does not read a name given with "known as" as knowledge', () => {
    const cs = claimsOf('“We will not back down,” the group said on X, formerly known as Twitter. Voters in the contests known as Super Tuesday went to the polls.');
    expect(cs.map((c) => c.cue)).toEqual(['said']);
    expect(claimsOf('He knew that the plan would fail.')).toMatchObject([{ cue: 'knew', content: 'that the plan would fail' }]);
  });

  it('names a group by where it is: "Officials across Europe", not a person "Europe"', () => {
    expect(claimsOf('Officials across Europe warned that prices would rise.')).toMatchObject([{ source: 'Officials across Europe', speaker: 'Officials across Europe' }]);
  });

  it('ends the content of a claim inside ", who …," where the relative clause closes', () => {
    expect(claimsOf('Jones, who has denied wrongdoing, was arrested on Friday.')).toMatchObject([{ source: 'who', cue: 'has denied', content: 'wrongdoing', speaker: 'Jones' }]);
    // The main clause's own claim follows the relative clause.
    const cs = claimsOf('Petrilli, who thinks the administration made a power grab, called the new law “much, much better” than the old one.');
    expect(cs.map((c) => [c.cue, c.content])).toEqual([
      ['thinks', 'the administration made a power grab'],
      ['called', 'the new law “much, much better” than the old one'],
    ]);
    // Outside a relative clause, a comma does not end what was said.
    expect(claimsOf('He said the bill, which passed last year, was working.')[0]?.content).toBe('the bill, which passed last year, was working');
  });

  it('does not take a "that" clause after the cue for an inverted source', () => {
    const sources = claimsOf('The report, dated October and marked "not for circulation," proposes that the charge begin in 2028.').map((c) => c.source ?? '');
    expect(sources.filter((s) => s.startsWith('that'))).toEqual([]);
  });

  it('keeps the accused in the content of "accused", and credits "who" to nobody rather than the wrong person', () => {
    const cs = claimsOf('Dr Ahmed Khalil said the hospital had no fuel.\n\nThe remarks drew criticism from the ambassador, who accused him of bias.');
    expect(cs[1]).toMatchObject({ cue: 'accused', source: 'who', speaker: null });
    expect(cs[1]!.content).toBe('him of bias');
  });

  it('takes a long source of "according to" whole', () => {
    const [c] = claimsOf('Turnout fell sharply, according to preliminary exit polling conducted for the Associated Press and the major television networks.');
    expect(c?.source).toBe('preliminary exit polling conducted for the Associated Press and the major television networks');
  });

  it('leaves a relative clause about the source of "according to" out of the content', () => {
    const [c] = claimsOf('The decision was made after weeks of talks, according to two people familiar with the matter, who spoke on the condition of anonymity.');
    expect(c?.source).toBe('two people familiar with the matter');
    expect(bare(c!.content)).toBe('The decision was made after weeks of talks');
  });

  it('leaves an apposition about the source of "according to" out of the content', () => {
    const [c] = claimsOf('Nearly 60 percent of her contributions came from women, according to Crowdpac, a political crowdfunding website.');
    expect(c?.source).toBe('Crowdpac');
    expect(c?.content).toBe('Nearly 60 percent of her contributions came from women');
  });

  it('keeps the clause after "according to X," when only a short fronted phrase comes before', () => {
    const [c] = claimsOf('Over the long term, according to the budget office, the rise in deficits is due to an aging population.');
    expect(c?.content).toBe('Over the long term | the rise in deficits is due to an aging population');
  });

  it('ends an inverted source before a time after its preposition', () => {
    const cs = claimsOf('The report was released by the ministry on Monday. “We are ready,” said a spokesman for the ministry on Tuesday.');
    expect(cs.map((c) => [c.source, c.speaker])).toEqual([['the ministry', 'the ministry'], ['a spokesman for the ministry', 'a spokesman for the ministry']]);
  });

  it('reads no cue inside the source of an "according to" that closes another claim', () => {
    const cs = claimsOf('The regulator has asked the board to publish the figures by March, according to a letter seen by Reuters.');
    expect(cs.map((c) => [c.source, c.cue])).toEqual([['a letter seen by Reuters', 'according to']]);
  });

  it('credits a sentence-final "according to" with the whole sentence, the claim inside it included', () => {
    const [c, ...rest] = claimsOf('The senator told donors that he would not run again, according to two people who attended the dinner.');
    expect(rest).toEqual([]);
    expect(c).toMatchObject({ cue: 'according to', source: 'two people who attended the dinner', content: 'The senator told donors that he would not run again' });
  });

  it('keeps "according to" when its content adds up a sum', () => {
    const cs = claimsOf('According to the Congressional Budget Office, the package would add $95 billion to the deficit.');
    expect(cs.map((c) => [c.source, c.cue])).toEqual([['the Congressional Budget Office', 'According to']]);
  });

  it('does not read "pledged delegates" as a pledge', () => {
    expect(claimsOf('Clinton leads Sanders 1,428 to 1,153 in pledged delegates, and the race moves to New York.')).toEqual([]);
  });


  it.each([
    ['narration', 'The river flooded the town twice last year.'],
    ['a headline', 'Pentagon says budget talks will resume next week'],
    ['scare quotes', 'The so-called “reform” passed without debate.'],
    ['a quoted title', 'She starred in “The Long Night” in 2019.'],
    ['said goodbye', 'The players said goodbye to their fans.'],
    ['an agent after a participle with no auxiliary', 'This article was originally published by Futurism. Taxes will rise, as reported by the Independent.'],
    ['a turn in the writer\'s argument', 'That said, the plan is sound. But having said that, costs will rise next year.'],
    ['speaking to or with an audience', 'Mr Obama was speaking to the BBC at the White House before departing for Kenya, and his aide talked to reporters. Neither Warren nor Clinton spoke with reporters.'],
    ['a denied motion', 'The court denied the appeal.'],
    ['a rejected offer', 'The union rejected the offer on Friday.'],
    ['denied allegations', 'He denied the charges.'],
    ['an attitude participle in narration', 'The group has waged a covert campaign, preferring planned attacks over time.'],
    ['finding oneself somewhere', 'De Blasio has found himself in the same legal bind.'],
    ['a name given after a noun', 'A colleague named Barry Saltzman lent him three equations.'],
    ['a name given with "called"', 'A new group called Black Votes Matter is trying to raise money, and he met a firm called Cambridge Analytica.'],
    ['"states" as a noun', 'The race now moves to Western states this week and to the Rust Belt states of Indiana and Ohio.'],
    ['a title given to an indefinite noun', 'They staged a popular play called “Los Hijos de Trump,” and a newly formed super PAC called Future 45 ran ads. She joined a movement called the Revolutionary Party.'],
    ['the generic "you" of advice', 'If you want to play the newest games, you can see that the Pro is the better deal.'],
    ['an adjectival participle', 'Endorsed candidates won most of the races on Tuesday.'],
    ['a byline', 'By Jane Smith and Omar Farouk'],
    ['adding things', 'Social media has added another link to the chain.'],
    ['maintaining something', 'The party maintained its majority in the state senate.'],
    ['an -ing noun after a modifier', 'Without a strong showing in South Carolina, the Bush campaign may struggle. The comments came with a tough warning about the rhetoric.'],
    ['maintaining a count', 'Con Edison maintains 4,300 miles of gas mains, and it maintains about 90,000 miles of cable.'],
    ['adding to something', 'The move could add to the pressure on the central bank.'],
    ['adding a sum', 'The package would add $95 billion to the deficit, and the economy added 200,000 jobs.'],
    ['a follow line', 'Follow Jane Smith on Twitter'],
    ['a correction note', 'Correction: An earlier version of this story said the mayor was 52. She is 53.'],
    ['licence boilerplate', 'Content created by The Example News Foundation is available without charge to any eligible news publisher that can provide a large audience.'],
  ])('ignores %s', (_what, text) => {
    expect(claimsOf(text)).toEqual([]);
  });

  it('still reads "said that," and "that said," as reports where someone or something said it', () => {
    const text = 'He said that, in his view, taxes were too low. Protesters carried a banner that said, “Enough.”';
    expect(claimsOf(text).map((claim) => claim.cue)).toEqual(['said', 'said']);
  });

  it('returns nothing for text that is not English', () => {
    const fr = 'Le président a déclaré lundi que les négociations avec les syndicats reprendraient la semaine prochaine. « Nous sommes prêts à discuter », a-t-il dit aux journalistes, selon le ministère. Les syndicats ont rejeté cette proposition et appellent à une nouvelle grève.';
    expect(detectClaims(fr).claims).toEqual([]);
    const de = 'Der Minister sagte am Montag, dass die Gespräche mit den Gewerkschaften in der nächsten Woche fortgesetzt werden. „Wir sind bereit“, sagte er den Journalisten. Die Gewerkschaften lehnten den Vorschlag ab und kündigten einen neuen Streik an.';
    expect(detectClaims(de).claims).toEqual([]);
  });
});

describe('output contract', () => {
  it('keeps offsets into the original string and paragraph starts', () => {
    const text = 'Intro line here.\n\nThe mayor said the road would reopen.';
    const r = detectClaims(text);
    expect(r.text).toBe(text);
    expect(r.blockStarts).toEqual([0, 18]);
    const c = r.claims[0]!;
    expect(text.slice(c.cue![0], c.cue![1])).toBe('said');
  });

  it('joins block input with the block separator', () => {
    const r = detectClaims(['A headline', 'The mayor said the road would reopen.']);
    expect(r.text).toBe('A headline\n\nThe mayor said the road would reopen.');
    expect(r.blockStarts).toEqual([0, 12]);
    expect(r.claims).toHaveLength(1);
  });

  it('gives the same ids for the same text and keeps ids when other paragraphs change', () => {
    const body = 'The mayor said the road would reopen.';
    const a = detectClaims(`Intro.\n\n${body}`).claims[0]!;
    const b = detectClaims(`Intro.\n\n${body}`).claims[0]!;
    const c = detectClaims(`A longer, edited introduction.\n\n${body}`).claims[0]!;
    expect(a.id).toBe(b.id);
    expect(a.id).toBe(c.id);
    const twice = detectClaims(`${body}\n\n${body}`).claims;
    expect(twice).toHaveLength(2);
    expect(twice[0]!.id).not.toBe(twice[1]!.id);
  });

  it('rates a saying verb with a source above a bare cognition verb', () => {
    const said = detectClaims('The mayor said the road would reopen.').claims[0]!;
    const thinks = detectClaims('The mayor thinks the road will reopen.').claims[0]!;
    expect(said.confidence).toBeGreaterThan(thinks.confidence);
    expect(said.confidence).toBeLessThanOrEqual(1);
    expect(thinks.confidence).toBeGreaterThan(0);
  });
});

describe('bad input', () => {
  const wellFormed = (input: string) => {
    const r = detectClaims(input);
    for (const c of r.claims) {
      for (const [s, e] of [...c.content, ...(c.cue ? [c.cue] : []), ...(c.source ? [c.source] : [])]) {
        expect(0 <= s && s < e && e <= r.text.length).toBe(true);
      }
    }
    return r;
  };

  it('returns nothing for empty and blank input', () => {
    expect(detectClaims('').claims).toEqual([]);
    expect(detectClaims([]).claims).toEqual([]);
    expect(detectClaims('\n\n \n').claims).toEqual([]);
  });

  it('survives binary-looking input', () => {
    let s = '';
    for (let i = 0; i < 20000; i++) s += String.fromCharCode((i * 7919) % 65536);
    wellFormed(s);
  });

  it('survives unbalanced quotes and 10,000 quote marks in a row', () => {
    wellFormed('“He said “it is fine, the officials said.'.repeat(200));
    wellFormed('"'.repeat(10000));
    wellFormed('“'.repeat(5000) + ' he said ' + '”'.repeat(5000));
    wellFormed("''".repeat(10000) + ' said Bob.');
  });

  it('survives a very long sentence without punctuation', () => {
    wellFormed('the officials said that '.repeat(40000));
  });

  it('handles a megabyte-sized article', { timeout: 60_000 }, () => {
    const para = '“The discussion has started now,” said Allawi. Officials said the talks would continue, according to the ministry.\n\n';
    const r = wellFormed(para.repeat(9000));
    expect(r.claims.length).toBeGreaterThan(9000);
  });
});
