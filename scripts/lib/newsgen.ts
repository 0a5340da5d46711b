/**
 * Synthetic news-like text for benchmarks: invented names and clauses poured into the reporting
 * shapes real articles use (quotes before/after/around attribution, "according to", cognition
 * verbs, multi-paragraph quotes, narration, headlines, bylines, boilerplate). Deterministic for a
 * seed, so runs compare. No corpus text: every word list here is written for this file.
 */

/** mulberry32: small, fast, good enough to vary templates. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rng = () => number;
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[Math.floor(rng() * xs.length)] as T;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const FIRST = ['Marta', 'Jonas', 'Priya', 'Tomas', 'Leila', 'Owen', 'Hana', 'Rafael', 'Ingrid', 'Kwame', 'Sofia', 'Dmitri', 'Amara', 'Felix', 'Noor', 'Bruno'];
const LAST = ['Delgado', 'Okafor', 'Lindqvist', 'Haddad', 'Moreau', 'Castellano', 'Nakamura', 'Brennan', 'Adeyemi', 'Kowalczyk', 'Farrow', 'Varga', 'Quint', 'Ostrowski'];
const ROLES = ['the finance minister', 'a spokeswoman for the ministry', 'the mayor of Eastport', 'the company’s chief executive', 'a senior economist at Northbank', 'the union’s president', 'the state senator', 'an analyst at Greyfield Partners'];
const TITLES = ['Finance Minister', 'Senator', 'Mayor', 'Gov.', 'Chief Executive', 'Deputy Director', 'Judge', 'Commissioner'];
const ORGS = ['the ministry', 'the city council', 'the harbor authority', 'officials', 'a senior official', 'the report', 'a statement from the company', 'police', 'the central bank', 'two people familiar with the talks'];
const OUTLETS = ['the Tribune', 'reporters', 'the Morning Ledger', 'a radio station', 'lawmakers'];
const SUBJECTS = ['the new budget', 'the ferry service', 'the trade agreement', 'inflation', 'the bridge repairs', 'the hospital expansion', 'the water utility', 'the election count', 'the rail strike', 'housing prices', 'the pension plan', 'the court ruling'];
const MODALS = ['will', 'would', 'could', 'might', 'is expected to', 'is likely to', 'has begun to', 'should'];
const VERBS = ['reduce', 'delay', 'improve', 'double', 'undermine', 'expand', 'slow', 'reshape', 'threaten', 'support', 'complicate', 'stabilize'];
const OBJECTS = ['local services', 'the regional economy', 'public confidence', 'spending on schools', 'the coastal towns', 'tax revenue', 'the negotiations', 'small businesses', 'commuters in the north', 'the next harvest'];
const TAILS = ['by the end of the year', 'within months', 'next spring', 'for at least a decade', 'despite the objections', 'if nothing changes', 'before the summer recess', ''];
const WHEN = ['on Monday', 'on Tuesday', 'on Wednesday', 'last week', 'in a statement', 'at a news conference', 'in an interview', ''];
const SAY = ['said', 'says', 'added', 'noted', 'argued', 'warned', 'insisted', 'claimed', 'told reporters', 'explained', 'acknowledged', 'suggested'];
const THINK = ['believes', 'thinks', 'expects', 'fears', 'doubts', 'hopes', 'denied', 'predicted'];
const NARRATION = [
  'The vote is scheduled for next month',
  'Construction began in 2019 and was halted twice',
  'The river rose by nearly two meters overnight',
  'About 4,000 people attended the ceremony',
  'Shares closed 3 percent lower',
  'The committee meets again on Thursday',
];

function clause(rng: Rng): string {
  const tail = pick(rng, TAILS);
  return `${pick(rng, SUBJECTS)} ${pick(rng, MODALS)} ${pick(rng, VERBS)} ${pick(rng, OBJECTS)}${tail ? ' ' + tail : ''}`;
}

interface Person {
  full: string;
  last: string;
  role: string;
  title: string;
}

function person(rng: Rng): Person {
  const last = pick(rng, LAST);
  return { full: `${pick(rng, FIRST)} ${last}`, last, role: pick(rng, ROLES), title: pick(rng, TITLES) };
}

/** Quote marks as papers print them: mostly curly, sometimes straight, NYT '' or guillemets. */
function quoteMarks(rng: Rng): [string, string] {
  const r = rng();
  if (r < 0.7) return ['\u201C', '\u201D'];
  if (r < 0.9) return ['"', '"'];
  if (r < 0.95) return ["''", "''"];
  return ['\u00AB', '\u00BB'];
}

function sentence(rng: Rng, p: Person, pronoun: string): string {
  const [o, c] = quoteMarks(rng);
  const when = pick(rng, WHEN);
  const w = when ? ' ' + when : '';
  switch (Math.floor(rng() * 16)) {
    case 0: return `${p.full}, ${p.role}, said${w} that ${clause(rng)}.`;
    case 1: return `${cap(clause(rng))}, ${p.last} said${w}.`;
    case 2: return `${o}${cap(clause(rng))},${c} said ${p.full}, ${p.role}.`;
    case 3: return `${o}${cap(clause(rng))},${c} ${p.last} ${pick(rng, SAY)}. ${o}${cap(clause(rng))}.${c}`;
    case 4: return `${o}${cap(clause(rng))},${c} ${p.last} said, ${o}and ${clause(rng)}.${c}`;
    case 5: return `According to ${pick(rng, ORGS)}, ${clause(rng)}.`;
    case 6: return `${cap(clause(rng))}, according to ${pick(rng, ORGS)}.`;
    case 7: return `${p.last} told ${pick(rng, OUTLETS)}${w} that ${clause(rng)}.`;
    case 8: return `${cap(pronoun)} ${pick(rng, THINK)} that ${clause(rng)}.`;
    case 9: return rng() < 0.5 ? `It was reported that ${clause(rng)}.` : `${p.title} ${p.full} is said to favor a compromise.`;
    case 10: return `${cap(pick(rng, ORGS))} ${pick(rng, SAY)}${w} ${clause(rng)}.`;
    case 11: return `The so-called ${o}green corridor${c} plan was unveiled${w}.`;
    case 12: return `${p.full}: ${o}${cap(clause(rng))}.${c}`;
    case 13: return `${p.last} said goodbye to colleagues after ${NARRATION.length} years.`;
    default: return `${pick(rng, NARRATION)}.`;
  }
}

function paragraph(rng: Rng, p: Person, pronoun: string): string {
  const [o, c] = quoteMarks(rng);
  if (rng() < 0.06) {
    // A quote running over two paragraphs: the first opens without closing.
    return `${o}${cap(clause(rng))}. ${cap(clause(rng))}.\n\n${o}${cap(clause(rng))},${c} ${pronoun} said.`;
  }
  const n = 1 + Math.floor(rng() * 3);
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(sentence(rng, p, pronoun));
  return out.join(' ');
}

/** One article of about `chars` characters: headline, byline, paragraphs, boilerplate. */
export function generateArticle(rng: Rng, chars: number): string {
  const cast = [person(rng), person(rng), person(rng)];
  const reporter = person(rng);
  const parts = [
    `${cap(pick(rng, SUBJECTS))} ${pick(rng, ['Faces', 'Could Reshape', 'Draws Fire Over', 'Tests'])} ${cap(pick(rng, OBJECTS))}`,
    `By ${reporter.full}`,
  ];
  let size = parts.join('\n\n').length;
  while (size < chars - 200) {
    const i = Math.floor(rng() * cast.length);
    const speaker = cast[i] as Person;
    const para = paragraph(rng, speaker, i === 1 ? 'she' : 'he');
    parts.push(para);
    size += para.length + 2;
  }
  parts.push(`Follow ${reporter.full} on Twitter. Content created by the Eastport News Service is available without charge to any eligible news publisher.`);
  return parts.join('\n\n');
}

/** Articles joined by blank lines until the text reaches `chars` characters (then cut there). */
export function generateNews(chars: number, seed = 1, articleChars = 30_000): string {
  const rng = seededRandom(seed);
  const parts: string[] = [];
  let size = 0;
  while (size < chars) {
    const a = generateArticle(rng, Math.min(articleChars, chars - size + 200));
    parts.push(a);
    size += a.length + 2;
  }
  // Cut before joining: a slice of the joined text would be a V8 sliced string, each character read
  // through its parent, where the detector's real input is flat (the page's blocks joined, a file
  // the CLI read). Per 1 MB that cost the detector 4% more instructions, and the regex pass nothing.
  const last = parts.length - 1;
  if (last < 0) return '';
  // An article is added only while the text is short of `chars`, so the cut falls inside the last one,
  // which starts where the others end: `size` counts each article with the blank line after it.
  parts[last] = parts[last]!.slice(0, chars - (size - parts[last]!.length - 2));
  return parts.join('\n\n');
}

function repeatTo(unit: string, chars: number): string {
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars);
}

/** Inputs built to hit worst cases: quote floods, no sentence ends, noise, one huge paragraph. */
export const ADVERSARIAL: Record<string, (chars: number, seed?: number) => string> = {
  'quote flood "': (n) => '"'.repeat(n),
  'mixed quote flood': (n) => repeatTo('\u201C\u201D"\u00AB\u00BB\'\u2018\u2019', n),
  'one sentence, no punctuation': (n, seed = 2) => {
    const rng = seededRandom(seed);
    const words = [...SUBJECTS, ...OBJECTS, ...FIRST, ...LAST, ...SAY, ...THINK, 'that', 'according to'].join(' ').split(' ');
    const out: string[] = [];
    let size = 0;
    while (size < n) {
      const w = pick(rng, words);
      out.push(w);
      size += w.length + 1;
    }
    return out.join(' ').slice(0, n);
  },
  'binary-looking noise': (n, seed = 3) => {
    const rng = seededRandom(seed);
    const codes = new Array<number>(n);
    for (let i = 0; i < n; i++) codes[i] = rng() < 0.8 ? Math.floor(rng() * 256) : Math.floor(rng() * 0xffff);
    let s = '';
    for (let i = 0; i < n; i += 8192) s += String.fromCharCode(...codes.slice(i, i + 8192));
    return s;
  },
  'unbalanced quotes': (n, seed = 4) => generateNews(n, seed).replace(/[\u201D"]/g, ''),
  'said said said': (n) => repeatTo('said ', n),
  'Name said, Name said': (n) => repeatTo('Marta Delgado said, ', n),
  'blank-line flood': (n) => repeatTo('\n\n\n\nHe said.', n),
};
