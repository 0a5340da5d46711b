import { fillOnFirstUse, words } from './hash';
import { hashWord, MONTH_ABBREVIATIONS, ROLE_ABBREVIATIONS } from '../tokens';

/**
 * English lexicon for the claim detector: cue lemmas by class, with a small inflection generator
 * so each verb is written once. Word lists here are the product's own, written by hand.
 *
 * A long list's lines end in \ (a line continuation), so the shipped string separates its words with
 * spaces only: a line break between words compresses worse (−80 B gzipped over these lists). A set's
 * order means nothing, so the words of every set here and in the other detector modules stand in the
 * order a search found to gzip smallest (−295 B against the hand-written order), natural runs (the days,
 * the months, one to ten) kept whole. So do the cue lists' lemmas (−133 B more): no two lemmas share a
 * form, the one case where the first listed would win, so their order within a class decides nothing.
 * A new word can go anywhere; the order is worth searching again only when bytes run short.
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
 */
const SAY = `write/wrote/written add urge! recall note* announce state* argue:for,against contend maintain admit+\
 confirm insist:on report^* answer* warn!*:of,against caution yell brag+ predict^ allege^ unveil wonder retweet\
 conclude hint reveal brief! propose recommend demand* tweet* comment*:on chant remark* continue@ observe stress\
 emphasize detail* repeat forecast/forecast* vow~ promise~* reply* pledge~ proclaim mock claim* boast joke* quip+\
 testify protest characterize estimate^* counter guarantee lament preach whisper rebuke lash:out shout signal exclaim\
 mention assure! reaffirm affirm speculate indicate tell/told! remind! recount assert email* reassure deny\
 say/said^:in_a_statement go/went/gone&:on_to_say,on_to_argue implore confide charge* quote* cry blog+* plead:for beg+\
 posit opine imply publish rebut speak/spoke/spoken&*:of,about,out,with,to bemoan threaten~ highlight tout scoff\
 suggest chide declare talk&*:about,of,to discuss express echo offer*:up sing/sang/sung explain ask!:for outline*\
 refute reference* disclose rail:against cite reiterate interject retort complain liken:to thank apologize decry\
 inform! respond muse deplore congratulate scold refer+&:to post* voice* swear/swore/sworn disagree lay/laid&:out\
 acknowledge make/made&:the_case,clear,it_clear,no_secret concede describe raise&:concerns,questions,doubts underscore\
 agree~:with,on`;
const STANCE = `dub+ accuse!:of laud blame oppose ridicule label* reject credit* commend deride denounce applaud blast\
 champion praise lobby knock criticize decline~= appoint embrace attack* contradict hail welcome defend question*\
 plan+~=* dismiss endorse term* brand* back* portray appeal* vote&:for,against cheer* call*:for,on,upon decide~= aim~=\
 advocate*:for favour favor lambaste view* dispute push:for,back slam+ refuse~= intend~= encourage! resist promote\
 seek/sought~= issue* sue+ herald release* support* fire*:back weigh:in name* side&:with order* condemn`;
const THINK = `doubt* expect^~ fear* worry* want~= envision anticipate learn think/thought remember believe recognize\
 realize regret+ consider hope~*:for prefer+~ feel/felt reckon assume see/saw/seen understand/understood wish~=*\
 suspect imagine know/knew/known`;
const EVIDENCE = `appear~ seem~ project^* find/found demonstrate point&:to,out show/showed/shown`;

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
 * Which low 16 bits some cue form's hash has: most words are no cue, and one byte read rules them
 * out before a map lookup, which cost ~30 ns per word (~500K words per 5 MB of news).
 */
export const CUE_LOW_BITS = new Uint8Array(65536);
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
  CUE_LOW_BITS[h & 65535] = 1;
}
// Runs once per article page, in code not compiled yet: plain loops and a scan for the marks instead of
// a regex split, per-form closures and a second map keyed by string (median of 25 cold runs in Node:
// 7.6 → 5.2 ms).
fillOnFirstUse(() => {
  // A list's place is its CueClass: Say, Stance, Think, Evidence.
  [SAY, STANCE, THINK, EVIDENCE].forEach((list, cls: CueClass) => {
    for (const raw of list.split(' ')) {
      // A split gives one string at least: the casts say so, with no default to ship.
      const [head, phrases] = raw.split(':') as [string, string?];
      // Each mark's bit is its CueFlag: the marks are listed in the order of the flags.
      let flags = 0;
      let end = head.length;
      for (let m; (m = '!~^@&+*='.indexOf(head.charAt(end - 1))) >= 0 && end > 1; end--) flags |= 1 << m;
      const dbl = flags & CueFlag.Doubled;
      const [lemma, pastIrr, ppIrr] = head.slice(0, end).split('/') as [string, string?, string?];
      if (phrases) (PARTICLES as Map<string, (readonly number[])[]>).set(lemma, phrases.split(',').map((p) => p.split('_').map(hashWord)));
      const past = pastIrr ?? regularPast(lemma, dbl);
      // Base and -s forms (which double as nouns), past, participle, -ing form.
      const forms = [lemma, thirdPerson(lemma), past, ppIrr ?? past, ingForm(lemma, dbl)];
      for (let k = 0; k < 5; k++) {
        const form = forms[k]!;
        const entry = { lemma, cls, flags, nounLike: k < 2, past: k === 2 || k === 3, ing: k === 4 };
        addForm(form, entry);
        // -ize verbs also read as -ise.
        if (form.includes('iz')) addForm(form.replace('iz', 'is'), entry);
      }
    }
  });
});

/** In both CUE_PREFIX and SOURCE_STOP: auxiliaries, negation and adverbs join a cue and end a source. */
const AUXILIARIES = 'been is are was were do should has would had must also shall not can just already might even did will never be to then does could have still may';

/** Auxiliaries, negation and adverbs that join a cue on its left: "has also said", "did not say". */
export const CUE_PREFIX = words(AUXILIARIES, `hasn't wouldn't now generally specifically flatly frequently further\
 later earlier previously repeatedly publicly privately recently again once separately immediately initially couldn't\
 continued first allegedly bluntly didn't loudly being clearly angrily simply often doesn't continue explicitly wasn't\
 widely isn't reportedly haven't long quickly similarly aren't strongly weren't n't continues won't continuing can't\
 sharply openly don't always`);

/** Auxiliary forms of "be" (for passive detection). */
export const BE_FORMS = words('been is are was were be being am');

/** "said goodbye", "pledged delegates": words after a cue form that make it something other than speech. */
export const NON_SPEECH_OBJECTS = words('hello thanks prayers cheese delegates farewell good-bye goodbye grace amen');

export const SUBJECT_PRONOUNS = words('he who i they we it whom she which you');
export const OBJECT_PRONOUNS = words('her it us them me him you');
const NUMBERS = 'hundreds thousands one two three four five six seven eight nine ten dozens';
export const DETERMINERS = words(`some his those this that the our a her its no my their every these many several few\
 most all each both other any such your another an`, NUMBERS);
/** Counts that head a subject: "two said", "two in three say". */
export const NUMBER_WORDS = words(NUMBERS, 'half');

/** Words that end a source noun phrase when scanning left from a cue. */
export const SOURCE_STOP = words(AUXILIARIES, `how maybe which or but and because since while when whenever whom said\
 between onto than only against although though so here where whether via about across in on at for with there as\
 whose meanwhile over under after before during within like what unlike why say unless into through toward per yet\
 among without by instead perhaps nor yesterday towards that if`);

/** Indefinite pronouns: with determiners and subject pronouns, the words that open a new noun phrase or clause. */
export const INDEFINITES = words('someone none nobody much more something everything everyone nothing anyone');

/** Days, months and relative times that can sit between a cue and its content ("said Monday that"). */
export const TIME_WORDS = words(`weekend month this monday tuesday wednesday thursday friday saturday sunday early\
 night today yesterday tonight tomorrow morning evening last afternoon year later earlier previously repeatedly\
 publicly privately recently again once separately january february march april may june july august september october\
 november december ago then next also week late`, `${MONTH_ABBREVIATIONS.replace(/ /g, '. ')}.`);

/** Quantifiers that stand alone as a subject: "all agreed", "many say". */
export const QUANTIFIER_SUBJECTS = words('some many several few most all each both others none half');

/** Words that open a new clause: a reporting verb after them starts a new claim, and content never ends on one. */
export const CLAUSE_LINKS = words('yet as or but and because since while when whereas after although though so');

/** Prepositions linking a person to a place, employer or outlet: "John McCain of Arizona", "a spokesman for the ministry". */
export const AFFILIATIONS = words('in on at for with of from');

/** Prepositions that start a phrase between a cue and its content ("said in a statement that"). */
export const CUE_PP = words('in on while over under after before during within at following amid through to via with of from');

/** Courtesy titles: part of how a person is addressed, not a role. The value is the gender they mark, if any. */
export const COURTESY_TITLES: ReadonlyMap<string, 'm' | 'f' | ''> = new Map(
  'mr.:m mrs:f mrs.:f ms:f ms.:f mr:m miss:f mx.: dr.: dr:'.split(' ').map((item) => item.split(':') as [string, 'm' | 'f' | '']),
);

/**
 * Titles and roles: the part of a source before the name ("Iraqi Vice President Ayad Allawi"), abbreviations included:
 * the courtesy titles, and the tokenizer's abbreviated roles with their period (written once, there: −28 B gzipped).
 */
export const TITLES = words(...COURTESY_TITLES.keys(), `${ROLE_ABBREVIATIONS.replace(/ /g, '. ')}.`, `actor admiral\
 federal king analyst associate major businessman candidate treasurer premier professor chair chairman councilman\
 comedian official mayor author auditor advisor anchor ambassador chief congressman coach billionaire columnist\
 princess congresswoman commander spokeswoman communications prime defense colonel executive editor former inspector\
 acting captain attorney director press house judge journalist prince assistant speaker queen reporter lawyer\
 lieutenant sheriff secretary minister lawmaker economist superintendent pollster nominee governor president pastor\
 adviser activist officer foreign white vice leader spokesperson chancellor chairwoman commissioner sergeant aide\
 deputy representative head interim delegate consultant strategist pope correspondent sheikh top singer spokesman\
 councilwoman legislator actress national general justice state manager senior campaign founder senator ceo`);

/** Common first names whose gender is clear, so "she" can skip a man named more recently. */
export const FEMALE_NAMES = words(`kamala emma angela emily nikki susan jennifer lisa sarah elizabeth theresa laura\
 nancy mary marta anne hillary michelle julia ann maria anna rachel jane`);
export const MALE_NAMES = words(`peter ali vladimir chris mohammed tom ted bernie marco thomas david barack jack jim\
 daniel george jonas donald ben mark james andrew mitch bill michael jeb mike omar steve richard william joe sam john\
 robert paul`);

/** Words that mark an organisation rather than a person. */
export const ORG_WORDS = words(`board navy agency federation bank alliance state journal service republicans congress\
 cia army institute cabinet co. house group fbi states police league embassy ministry fund times administration\
 organization organisation bbc company firm inc. commission council corp. committee office un church ap post eu senate\
 union cnn magazine kremlin coalition bureau association court parliament party reuters centers centre department gop\
 government pentagon foundation club military network center campaign university news democrats nato ltd.`);

/** Nouns that make a plausible nominal source when no name is given ("officials said"). */
export const GROUP_NOUNS = words(`witnesses police lawmakers protesters authorities officials legislators reports\
 critics experts investigators records democrats residents aides advisors republicans economists documents workers\
 prosecutors activists opponents members supporters scientists diplomats researchers sources advisers studies officers\
 people leaders doctors teachers surveys analysts observers data voters polls`);

/** Paragraph openings that mark page furniture and boilerplate rather than article text, as word hashes. */
export const BOILERPLATE_OPENERS: readonly (readonly number[])[] = `by|follow|content created by|copyright|all rights reserved|send tips|photo|image|font size|sign up|subscribe|click here\
|read more|correction|related|advertisement|share this|contact|email|the associated press contributed|this material may not|for licensing|a version of this`
  .split('|').map((opener) => opener.split(' ').map(hashWord));
