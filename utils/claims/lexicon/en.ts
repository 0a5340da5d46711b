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
 * the months, one to ten) kept whole. A new word can go anywhere; the order is worth searching again
 * only when bytes run short.
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
const SAY = `say/said^:in_a_statement tell/told! write/wrote/written add note* report^* announce state* declare\
 explain claim* insist:on argue:for,against assert contend maintain acknowledge admit+ concede confirm deny reply*\
 respond answer* ask!:for warn!*:of,against caution predict^ suggest propose recommend urge! demand*\
 complain recall remark* comment*:on observe stress emphasize reiterate repeat testify tweet* disclose reveal\
 allege^ vow~ pledge~ promise~* threaten~ boast brag+ joke* quip+ muse speculate estimate^* conclude\
 counter retort protest lament whisper shout yell exclaim mention inform! assure! remind! hint affirm reaffirm\
 underscore highlight tout proclaim forecast/forecast* describe characterize cite quote* blog+* plead:for beg+ implore\
 posit opine wonder agree~:with,on disagree continue@ preach brief! signal indicate imply confide\
 recount publish rebut refute decry bemoan scoff mock chide scold rebuke reassure\
 speak/spoke/spoken&*:of,about,out,with,to talk&*:about,of,to discuss express echo offer*:up detail* outline* liken:to\
 reference* rail:against unveil chant sing/sang/sung retweet email* swear/swore/sworn guarantee apologize deplore\
 congratulate thank interject lash:out cry refer+&:to post* voice* charge*\
 make/made&:the_case,clear,it_clear,no_secret raise&:concerns,questions,doubts go/went/gone&:on_to_say,on_to_argue lay/laid&:out`;
const STANCE = `accuse!:of blame criticize condemn denounce slam+ blast attack* praise hail applaud welcome defend\
 dismiss reject question* dispute contradict support* endorse back* oppose credit* call*:for,on,upon label* dub+\
 brand* term* portray decline~= refuse~= decide~= seek/sought~= plan+~=* intend~= aim~= push:for,back lobby\
 advocate*:for champion favor favour lambaste knock ridicule deride laud commend embrace resist\
 encourage! promote view* weigh:in release* issue* sue+ appeal* order* cheer* herald fire*:back name*\
 appoint vote&:for,against side&:with`;
const THINK = `think/thought believe know/knew/known feel/felt expect^~ hope~*:for fear* worry* want~= wish~=*\
 suspect assume reckon imagine consider see/saw/seen understand/understood realize recognize learn doubt* anticipate\
 envision regret+ remember prefer+~`;
const EVIDENCE = `show/showed/shown find/found seem~ appear~ demonstrate project^* point&:to,out`;

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
const AUXILIARIES = 'been is are was were be could has would had will must shall even do also already might not can did just should never to then does have still may';

/** Auxiliaries, negation and adverbs that join a cue on its left: "has also said", "did not say". */
export const CUE_PREFIX = words(AUXILIARIES, `first generally simply being specifically frequently flatly further\
 later earlier previously repeatedly publicly privately recently again once separately immediately initially won't\
 sharply now couldn't continued reportedly allegedly didn't n't loudly angrily bluntly openly often doesn't continue\
 explicitly widely isn't wouldn't continues hasn't wasn't don't clearly always haven't long quickly similarly aren't\
 strongly weren't can't continuing`);

/** Auxiliary forms of "be" (for passive detection). */
export const BE_FORMS = words('been is are was were be am being');

/** "said goodbye", "pledged delegates": words after a cue form that make it something other than speech. */
export const NON_SPEECH_OBJECTS = words('farewell delegates goodbye amen hello prayers cheese thanks good-bye grace');

export const SUBJECT_PRONOUNS = words('he who i it they we whom she which you');
export const OBJECT_PRONOUNS = words('him me her it them us you');
const NUMBERS = 'hundreds thousands one two three four five six seven eight nine ten dozens';
export const DETERMINERS = words(`our every those the these this that a his their my no some her its many several few\
 most all each both other any such your another an`, NUMBERS);
/** Counts that head a subject: "two said", "two in three say". */
export const NUMBER_WORDS = words(NUMBERS, 'half');

/** Words that end a source noun phrase when scanning left from a cue. */
export const SOURCE_STOP = words(AUXILIARIES, `or but and because since while when whenever what via whom said between\
 onto than only against although though so here whether across in on at for with there whose if meanwhile over under\
 after before during within as which like maybe where why unlike say unless into through toward about per yet among\
 without by instead perhaps nor yesterday towards that how`);

/** Indefinite pronouns: with determiners and subject pronouns, the words that open a new noun phrase or clause. */
export const INDEFINITES = words('someone none much something everything everyone nothing anyone nobody more');

/** Days, months and relative times that can sit between a cue and its content ("said Monday that"). */
export const TIME_WORDS = words(`last week late also weekend month this monday tuesday wednesday thursday friday\
 saturday sunday early night today yesterday tonight tomorrow morning evening january february march april may june\
 july august september october november december afternoon year later earlier previously repeatedly publicly privately\
 recently again once separately ago then next`, `${MONTH_ABBREVIATIONS.replace(/ /g, '. ')}.`);

/** Quantifiers that stand alone as a subject: "all agreed", "many say". */
export const QUANTIFIER_SUBJECTS = words('some many several few most all each both others none half');

/** Words that open a new clause: a reporting verb after them starts a new claim, and content never ends on one. */
export const CLAUSE_LINKS = words('yet as after or but and because since while when whereas although though so');

/** Prepositions linking a person to a place, employer or outlet: "John McCain of Arizona", "a spokesman for the ministry". */
export const AFFILIATIONS = words('in on at for with of from');

/** Prepositions that start a phrase between a cue and its content ("said in a statement that"). */
export const CUE_PP = words('in while over under after before during with via on at following within amid through to of from');

/** Courtesy titles: part of how a person is addressed, not a role. The value is the gender they mark, if any. */
export const COURTESY_TITLES: ReadonlyMap<string, 'm' | 'f' | ''> = new Map(
  'mr.:m mr:m mrs.:f mrs:f ms.:f ms:f miss:f dr.: dr: mx.:'.split(' ').map((item) => item.split(':') as [string, 'm' | 'f' | '']),
);

/**
 * Titles and roles: the part of a source before the name ("Iraqi Vice President Ayad Allawi"), abbreviations included:
 * the courtesy titles, and the tokenizer's abbreviated roles with their period (written once, there: −28 B gzipped).
 */
export const TITLES = words(...COURTESY_TITLES.keys(), `${ROLE_ABBREVIATIONS.replace(/ /g, '. ')}.`, `actor admiral\
 king analyst assistant associate author businessman candidate treasurer premier senior professor chair chairman\
 councilman comedian justice official mayor aide auditor advisor chief general congressman coach billionaire columnist\
 princess congresswoman commander spokeswoman communications prime defense colonel executive editor former inspector\
 major attorney director press house judge journalist prince governor speaker queen reporter lawyer lieutenant sheriff\
 minister lawmaker superintendent pollster nominee officer acting anchor president federal correspondent pastor\
 adviser activist foreign white vice leader spokesperson chancellor ambassador chairwoman commissioner deputy\
 representative secretary head interim delegate councilwoman consultant strategist legislator pope sergeant sheikh top\
 state singer spokesman captain actress national manager economist campaign founder senator ceo`);

/** Common first names whose gender is clear, so "she" can skip a man named more recently. */
export const FEMALE_NAMES = words(`nancy susan jennifer sarah lisa emma angela emily nikki kamala elizabeth theresa\
 anne hillary mary michelle laura rachel julia ann maria anna marta jane`);
export const MALE_NAMES = words(`peter ben mark chris mohammed thomas david jim jack daniel jonas donald omar sam\
 james andrew mitch bill michael jeb mike marco richard bernie ali william joe barack vladimir tom john ted robert\
 paul steve george`);

/** Words that mark an organisation rather than a person. */
export const ORG_WORDS = words(`fbi house navy agency government federation inc. corp. co. commission cia army gop\
 cabinet journal association bank institute parliament company service ltd. foundation bbc police league eu ministry\
 fund times administration organisation firm senate pentagon council committee office campaign un church ap union cnn\
 magazine kremlin coalition organization board bureau court party reuters centers center centre group university\
 department club military network state embassy news congress post alliance states republicans democrats nato`);

/** Nouns that make a plausible nominal source when no name is given ("officials said"). */
export const GROUP_NOUNS = words(`witnesses lawmakers protesters workers authorities officials leaders legislators\
 republicans democrats residents reports activists economists aides advisors polls analysts documents members\
 supporters scientists diplomats researchers sources advisers studies officers prosecutors people critics experts\
 doctors teachers surveys police opponents investigators records observers voters data`);

/** Paragraph openings that mark page furniture and boilerplate rather than article text, as word hashes. */
export const BOILERPLATE_OPENERS: readonly (readonly number[])[] = `by|follow|content created by|copyright|all rights reserved|send tips|photo|image|font size|sign up|subscribe|click here\
|read more|correction|related|advertisement|share this|contact|email|the associated press contributed|this material may not|for licensing|a version of this`
  .split('|').map((opener) => opener.split(' ').map(hashWord));
