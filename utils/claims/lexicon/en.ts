import { fillOnFirstUse, W_ACCORDING, words } from './hash';
import { addToLexicon, hashWord, MONTH_ABBREVIATIONS, ROLE_ABBREVIATIONS } from '../tokens';

/**
 * English lexicon for the claim detector: cue lemmas by class, with a small inflection generator
 * so each verb is written once. Word lists here are the product's own, written by hand.
 *
 * A long list's lines end in \ (a line continuation), so the shipped string separates its words with
 * spaces only: a line break between words compresses worse (−80 B gzipped over these lists). A set's
 * order means nothing, so the words of every set here and in the other detector modules stand in the
 * order a search found to gzip smallest, natural runs (the days, the months, one to ten) kept whole. So do
 * the cue lists' lemmas, their particles and their marks: no two lemmas share a form (the one case where
 * the first listed would win it), no particle phrase begins another of its lemma (a test checks it), and
 * the marks are read in any order. Together about −580 B gzipped against the hand-written orders. A new word
 * can go anywhere; the orders are worth searching again only when bytes run short.
 */

export const enum CueClass {
  /** Verbs of saying: fire on their own ("said", "told", "wrote"). */
  Say = 0,
  /** Stance and evaluation: need a source ("criticized", "endorsed", "called for"). */
  Stance = 1,
  /** Cognition and attitude: need an agentive source and a clause ("believes that…"). */
  Think = 2,
  /** Evidential: need a clause ("the report shows that…", "seems to"). */
  Evidence = 3,
  /** Prepositional: "according to". */
  Prep = 4,
  /** A colon after a speaker: "Smith: “…”". */
  Colon = 5,
}

export const enum CueFlag {
  /** Takes a person object before the content: told Reuters (that) …, asked her whether … */
  Object = 1,
  /** Complement may be an infinitive: expects to, hopes to, vowed to. */
  Infinitive = 2,
  /** Passive use is still an attribution: "is expected to", "was reported". */
  Passive = 4,
  /** Only a cue after its content: "“…,” he continued." */
  AfterContent = 8,
  /** Only a cue with its particle: "spoke about", "talked of". */
  NeedsParticle = 16,
  /** Spelling: the final consonant doubles before -ed and -ing (admit → admitted). */
  Doubled = 32,
  /** The base and -s forms are mostly nouns in news text ("swing states", "sales targets"). */
  NounHeavy = 64,
  /** An attribution only with an infinitive: "wants to", "decided to". */
  InfinitiveOnly = 128,
}

export interface CueEntry {
  readonly lemma: string;
  readonly cls: CueClass;
  readonly flags: number;
  /** Form is the base or -s form, which doubles as a noun (report, claims, states). */
  readonly nounLike: boolean;
  /** Form is a past participle/past tense (for passive and "the reported deal" checks). */
  readonly past: boolean;
  /** Form is the -ing participle ("adding", "saying"). */
  readonly ing: boolean;
}

/**
 * Lemma lists. Syntax per item: lemma[/past[/participle]][+][!][~][^][@][&][*][=][:particle,…]
 *   + doubles the final consonant (admit → admitted), ! Object, ~ Infinitive, ^ Passive, @ AfterContent, & NeedsParticle,
 *   * NounHeavy, = InfinitiveOnly.
 *   Particles and phrases belong to the cue: "called for", "pointed to", "made the case", "said in a statement";
 *   words of a phrase are joined by _.
 *   Without a participle, the past stands for it: "know/knew" leaves out "known", whose news uses are nearly all
 *   names ("X, formerly known as Twitter", "the contests known as Super Tuesday").
 */
const SAY = `write/wrote/written add urge! recall note* announce state* quote* argue:for,against contend deny maintain\
 admit+ underscore declare wonder insist:on report^* answer* warn*!:of,against caution yell brag+ unveil rail:against\
 conclude hint reveal recommend demand* opine raise&:concerns,doubts,questions comment*:on remark* continue@ read/read/read@ put/put&@:it\
 talk&*:about,of make/made&:clear,it_clear,the_case,no_secret observe highlight emphasize describe detail* reply*\
 repeat forecast* vow~ promise~* pledge~ proclaim mock affirm claim* boast confirm joke* quip+ guarantee\
 chant email* refute characterize estimate^* assert reiterate whisper predict^ sing/sang/sung tout lash:out\
 lay/laid&:out speak/spoke/spoken&*:about,of,out shout stress exclaim mention assure! retort reaffirm cry speculate\
 inform! retweet implore confide charge* plead:for beg+ imply publish remind! rebut allege^ threaten~ rebuke preach\
 blog+* suggest concede chide tweet* discuss express echo offer*:up explain ask!:for tell/told! reassure muse signal\
 go/went/gone&:on_to_say,on_to_argue reference* disclose protest cite interject complain liken:to thank apologize\
 decry say/said^:in_a_statement propose posit recount respond deplore congratulate indicate outline* acknowledge scold\
 refer+&:to testify lament post* voice* disagree scoff agree~:on,with counter bemoan swear/swore/sworn`;
const STANCE = `issue* accuse!:of lambaste order* weigh:in lobby laud brand* oppose portray label* reject credit*\
 view* dismiss support* dispute commend deride champion denounce seek/sought~= aim~= applaud blast criticize decline~=\
 appoint embrace attack* contradict slam+ blame cheer* welcome defend dub+ knock back* name* praise favour favor term*\
 refuse~= appeal* vote&:for,against call*:for,on,upon hail ridicule decide~= endorse advocate*:for promote intend~=\
 encourage! resist push:for,back herald release* plan+~=* sue+ side&:with fire*:back question* condemn`;
const THINK = `feel/felt reckon remember believe hope~*:for prefer+~ realize envision assume see/saw/seen doubt*\
 consider understand/understood wish~=* suspect recognize expect~^ think/thought learn fear* want~= anticipate worry*\
 regret+ imagine know/knew`;
const EVIDENCE = `find/found demonstrate point&:to,out show/showed/shown seem~ project^* appear~`;

/** A consonant before a final "y": "deny" → "denies", "denied"; "say" and "pray" keep theirs. */
const CONSONANT_Y = /[^aeiou]y$/;

function thirdPerson(w: string): string {
  if (/([sxzo]|[cs]h)$/.test(w)) return w + 'es';
  return CONSONANT_Y.test(w) ? w.slice(0, -1) + 'ies' : w + 's';
}

/** No lemma ends in -ie: "lie" would need "lying". */
function ingForm(w: string, dbl: number): string {
  // "argue" → "arguing"; "agree", "eye" and "toe" keep their "e".
  if (/.[^eyo]e$/.test(w)) return w.slice(0, -1) + 'ing';
  return w + (dbl ? w.at(-1) : '') + 'ing';
}

/**
 * Every inflected cue form by word hash (hashWord), so a token is looked up without building its string.
 * Readonly to every reader: the fill below writes it and PARTICLES through a cast, since a second,
 * writable name for each map survived minification (9 B gzipped).
 */
export const CUE_BY_HASH: ReadonlyMap<number, CueEntry> = new Map();
/**
 * The lexicon bit (Tokens.lex) of the cue forms: most words are no cue, and one bit test rules them
 * out before a map lookup, which cost ~30 ns per word (~500K words per 5 MB of news).
 */
export const CUE_FORM = 1;
/**
 * A lemma's particles and phrases as word-hash sequences (filled with CUE_BY_HASH). The first that
 * matches is taken, so none may begin another of its lemma (a lexicon test checks it).
 */
export const PARTICLES: ReadonlyMap<string, readonly (readonly number[])[]> = new Map();

function regularPast(w: string, dbl: number): string {
  if (w.endsWith('e')) return w + 'd';
  if (CONSONANT_Y.test(w)) return w.slice(0, -1) + 'ied';
  return w + (dbl ? w.at(-1) : '') + 'ed';
}

/** The first entry listing a form's hash wins, so saying verbs take precedence over later classes. */
function addForm(form: string, entry: CueEntry): void {
  const h = hashWord(form);
  if (CUE_BY_HASH.has(h)) return;
  (CUE_BY_HASH as Map<number, CueEntry>).set(h, entry);
  addToLexicon(h, CUE_FORM);
}
/** The cue lists; a list's place is its CueClass: Say, Stance, Think, Evidence. */
export const CUE_LISTS: readonly string[] = [SAY, STANCE, THINK, EVIDENCE];

/** One list item read: its lemma, flag bits, particle phrases, and its base, -s, past, participle and -ing forms. */
export function readCueItem(raw: string): { lemma: string; flags: number; phrases?: string; forms: string[] } {
  // A split gives one string at least: the casts say so, with no default to ship.
  const [head, phrases] = raw.split(':') as [string, string?];
  // Each mark's bit is its CueFlag: the marks are listed in the order of the flags.
  let flags = 0;
  let end = head.length;
  for (let m; (m = '!~^@&+*='.indexOf(head.charAt(end - 1))) >= 0 && end > 1; end--) flags |= 1 << m;
  const dbl = flags & CueFlag.Doubled;
  const [lemma, pastIrr, ppIrr] = head.slice(0, end).split('/') as [string, string?, string?];
  const past = pastIrr ?? regularPast(lemma, dbl);
  return { lemma, flags, phrases, forms: [lemma, thirdPerson(lemma), past, ppIrr ?? past, ingForm(lemma, dbl)] };
}

// Runs once per article page, in code not compiled yet: plain loops and a scan for the marks, not a
// regex split, per-form closures and a second map keyed by string. The fill itself went from 6.4 to
// 4.1 ms (medians of 40 cold Node runs each), but the first detection as a whole did not get faster
// (13.7 and 13.9 ms): the time moved, most likely a garbage collection that now falls later.
fillOnFirstUse(() => {
  CUE_LISTS.forEach((list, cls: CueClass) => {
    for (const raw of list.split(' ')) {
      const { lemma, flags, phrases, forms } = readCueItem(raw);
      if (phrases) (PARTICLES as Map<string, (readonly number[])[]>).set(lemma, phrases.split(',').map((p) => p.split('_').map(hashWord)));
      for (let k = 0; k < 5; k++) {
        const form = forms[k]!;
        // A base form that is also the past ("read") is taken for the past: "“…,” the statement read".
        const past = k === 3 || form === forms[2];
        const entry = { lemma, cls, flags, nounLike: k < 2 && !past, past, ing: k === 4 };
        addForm(form, entry);
        // -ize verbs also read as -ise.
        if (form.includes('iz')) addForm(form.replace('iz', 'is'), entry);
      }
    }
  });
  // Not a cue form, but nextCue's one bit test lets it through to be read with the "to" after it.
  addToLexicon(W_ACCORDING!, CUE_FORM);
});

/** In both CUE_PREFIX and SOURCE_STOP: auxiliaries, negation and adverbs join a cue and end a source. */
const AUXILIARIES = 'been is are was were do should has would had must also shall not just already even did will never be might to then does can could have still may';

/** Auxiliaries, negation and adverbs that join a cue on its left: "has also said", "did not say". */
export const CUE_PREFIX = words(AUXILIARIES, `haven't wouldn't didn't continued hasn't weren't won't continues\
 generally specifically frequently flatly later earlier previously repeatedly publicly privately recently again once\
 separately loudly aren't wasn't bluntly isn't widely clearly couldn't don't first reportedly n't further being\
 allegedly now explicitly initially strongly simply often doesn't continue quickly similarly can't continuing angrily\
 sharply openly immediately long always`);

/** Auxiliary forms of "be" (for passive detection). */
export const BE_FORMS = words('been is are was were being am be');

/** "said goodbye", "pledged delegates": words after a cue form that make it something other than speech. */
export const NON_SPEECH_OBJECTS = words('hello thanks prayers cheese farewell goodbye good-bye grace amen delegates');

export const SUBJECT_PRONOUNS = words('he who i whom it they she which you we');
export const OBJECT_PRONOUNS = words('him me her it them you us');
const NUMBERS = 'hundreds thousands one two three four five six seven eight nine ten dozens';
export const DETERMINERS = words(`his this that their the no a these my every some her its those many several few most\
 all each both other any such your another our an`, NUMBERS);
/** Counts that head a subject: "two said", "two in three say". */
export const NUMBER_WORDS = words(NUMBERS, 'half');

/** Words that end a source noun phrase when scanning left from a cue. */
export const SOURCE_STOP = words(AUXILIARIES, `how or but and because since while when where which against between\
 whether as than only among although though towards about in on at for with there whose maybe meanwhile over\
 under after before during via within like whenever unlike why so unless into that said through toward per here\
 yet without by instead perhaps nor what yesterday say whom if`);

/** Indefinite pronouns: with determiners and subject pronouns, the words that open a new noun phrase or clause. */
export const INDEFINITES = words('everyone someone nobody everything anyone something much none nothing more');

/** Days, months and relative times that can sit between a cue and its content ("said Monday that"). */
export const TIME_WORDS = words(`evening morning month this monday tuesday wednesday thursday friday saturday sunday\
 weekend night today yesterday tonight tomorrow week january february march april may june july august september\
 october november december later early ago afternoon year late earlier previously repeatedly publicly privately\
 recently again once separately last also next then`, `${MONTH_ABBREVIATIONS.replace(/ /g, '. ')}.`);

/** Quantifiers that stand alone as a subject: "all agreed", "many say". */
export const QUANTIFIER_SUBJECTS = words('some many several few most all each both others none half');

/** Words that open a new clause: a reporting verb after them starts a new claim, and content never ends on one. */
export const CLAUSE_LINKS = words('so or but and because since while when whereas yet as after although though');

/** Prepositions linking a person to a place, employer or outlet: "John McCain of Arizona", "a spokesman for the ministry". */
export const AFFILIATIONS = words('in on at for with of from across');

/** Prepositions that start a phrase between a cue and its content ("said in a statement that"). */
export const CUE_PP = words('in on at following amid through while over under after before during via within to with of from');

/** Courtesy titles: part of how a person is addressed, not a role. The value is the gender they mark, if any. */
export const COURTESY_TITLES: ReadonlyMap<string, 'm' | 'f' | ''> = new Map(
  'miss:f mrs:f mr.:m mrs.:f mr:m ms:f ms.:f mx.: dr.: dr:'.split(' ').map((item) => item.split(':') as [string, 'm' | 'f' | '']),
);

/**
 * Titles and roles: the part of a source before the name ("Iraqi Vice President Ayad Allawi"), abbreviations included:
 * the courtesy titles, and the tokenizer's abbreviated roles with their period (written once, there: −28 B gzipped).
 */
export const TITLES = words(...COURTESY_TITLES.keys(), `${ROLE_ABBREVIATIONS.replace(/ /g, '. ')}.`, `ambassador white\
 inspector chancellor king analyst reporter advisor chair chief major professor chairman councilman comedian assistant\
 governor official mayor officer nominee congressman coach billionaire speaker adviser businessman columnist princess\
 congresswoman communications economist prime defense colonel general captain admiral top executive editor former\
 lawmaker director actor acting auditor interim journalist prince queen delegate leader premier lawyer lieutenant\
 secretary minister press activist house judge superintendent pollster president pastor foreign commander spokesperson\
 associate state councilwoman strategist head author chairwoman commissioner deputy representative singer spokeswoman\
 consultant senator federal candidate correspondent pope attorney sheriff justice manager spokesman vice legislator\
 actress aide treasurer national campaign sergeant senior founder anchor ceo sheikh`);

/** Common first names whose gender is clear, so "she" can skip a man named more recently. */
export const FEMALE_NAMES = words(`susan kamala emma angela emily sarah julia maria marta anne jennifer nancy nikki\
 elizabeth theresa mary laura anna ann hillary lisa michelle rachel jane`);
export const MALE_NAMES = words(`peter ali vladimir chris mohammed bernie jeb omar ted barack jack james david thomas\
 daniel jim john marco george sam jonas donald ben mark tom andrew mitch bill michael mike richard william joe steve\
 robert paul`);

/** Words that mark an organisation rather than a person. */
export const ORG_WORDS = words(`bureau house alliance senate state cabinet company service army embassy institute\
 league republicans congress states police military ministry fund times eu fbi federation bank administration\
 organization organisation bbc campaign un commission council association corp. nato post office committee church ap\
 foundation coalition cia magazine kremlin union court parliament government group party reuters centers cnn\
 department gop board pentagon co. center journal firm club ltd. navy agency network university news democrats inc.\
 centre`);

/** Nouns that make a plausible nominal source when no name is given ("officials said"). */
export const GROUP_NOUNS = words(`people legislators democrats investigators critics observers economists authorities\
 officials activists protesters workers residents doctors diplomats scientists prosecutors data leaders witnesses\
 police analysts voters aides advisors reports republicans teachers researchers records opponents documents members\
 polls experts lawmakers supporters sources advisers studies officers surveys`);

/**
 * Paragraph openings that mark page furniture and boilerplate rather than article text, as word hashes.
 * Only whether one matches is read, so their order too is the one that gzips smallest.
 */
export const BOILERPLATE_OPENERS: readonly (readonly number[])[] = `by|subscribe|this material may not|correction\
|sign up|font size|follow|image|for licensing|share this|read more|a version of this|related|email|click here\
|the associated press contributed|content created by|send tips|all rights reserved|contact|copyright|photo\
|advertisement`
  .split('|').map((opener) => opener.split(' ').map(hashWord));
