import { lightKey } from './normalize';

/** Titles and honorifics: before a bare surname they do not make it part of a longer, different name. */
export const TITLES = new Set(
  (
    'mr mrs ms dr prof gen general president ayatollah sheikh shaykh sheik sayyid sayed seyed seyyed imam hojatoleslam ' +
    'secretary minister commander ambassador envoy editor spokesman spokeswoman senator sen governor gov lt col colonel maj major ' +
    'capt captain brig brigadier admiral adm judge mullah cleric haj hajj haji premier speaker chairman'
  ).split(' '),
);

/**
 * German writes every noun with a capital, so titles and the nouns that put a place ("in der Stadt Basra", "die
 * Provinz Anbar") stand before names as a capital word: they are titles or openers, not first names.
 */
const GERMAN_BEFORE = new Set(
  (
    'präsident präsidenten staatschef regierungschef ministerpräsident premierminister außenminister minister ' +
    'ajatollah großajatollah revolutionsführer führer anführer milizenführer milizenchef chef kommandeur general ' +
    'generalmajor generalleutnant sprecher sprecherin geistliche geistlichen herr frau ' +
    'stadt städte städten hauptstadt provinz provinzen region regionen raum nähe umgebung heiligen ' +
    'miliz milizen gruppe organisation partei zeitung sender'
  )
    .split(' ')
    .map(lightKey),
);

/**
 * Capitalized words that may stand right before a bare surname without making it part of a longer, different
 * name: titles and offices ("President Trump", "Ayatollah Khamenei"), nationalities ("Iraqi Maliki") and common
 * words that open a sentence ("Later Khazali said"). Any other capitalized word there ("Ivanka Trump",
 * "Mojtaba Khamenei", "Leila Soleimani") means another person.
 */
export const STANDALONE_BEFORE = new Set([
  ...TITLES,
  ...GERMAN_BEFORE,
  ...(
    'miss grand leader chief prime vice rep representative justice king prince ' +
    'emir former late ex head founder director deputy mp lawmaker militia militiaman rival ally opponent sir lord ' +
    'us usa uk un eu iranian iraqi american lebanese syrian shiite shia sunni kurdish arab persian western tehran baghdad washington ' +
    'the a an and or but of to in on for with by from at as if when while after before since because says said told according ' +
    'later then meanwhile also yesterday today tonight now still however earlier previously subsequently instead only even both here there ' +
    'where why how what who whom whose that this these those his her their its our my your we they he she it i you one two many some all ' +
    'several no not so thus hence indeed yet nor until unless although though whether like unlike including against between among during ' +
    'under over about above below without within through toward towards across around behind beyond upon via per ask asked meet met say ' +
    'into onto amid amidst near inside outside off out up down past beside throughout along alongside beneath ' +
    'see saw sources officials supporters followers loyalists men forces fighters thanks dear critics allies ' +
    // articles of the French, Spanish, Italian and German press, capitalized at the start of a sentence
    'le la les l un une des du el los las lo il gli uno una del della dei der die das den dem ein eine einer'
  ).split(' '),
]);

/** A capitalized word right after a bare name that still lets the name stand alone. */
export const FOLLOWERS = new Set(
  'said says told added wrote warned called denied vowed urged insisted stated noted claimed argued asked'.split(' '),
);

/** Name suffixes that make a different person of the same name (Donald Trump Jr.). */
export const GENERATION_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** "Battle of Badr", "Siege of Karbala": a name after these and "of" belongs to the name of an event. */
export const EVENTS_BEFORE_OF = new Set(['battle', 'battles', 'siege', 'sieges']);

/**
 * Offices, ranks and occupations: before a bare name they say who is meant. One that does not fit the entity (its
 * `titles` in the dataset) makes the name someone else's ("Vice President al-Hashimi", "Iranian diplomat Kazemi",
 * "nuclear scientist Amiri"). Honorifics (Mr, Dr, Sheikh, Sayyid, Ayatollah) say nothing of the office and are not
 * here: "Mr Khazali" after the full name is still Qais al-Khazali.
 */
export const ROLE_WORDS = new Set(
  (
    'president vice premier minister secretary ambassador envoy consul spokesman spokeswoman spokesperson senator sen ' +
    'governor gov mayor general gen colonel col lt lieutenant major maj captain capt brigadier brig admiral adm commander ' +
    'sergeant sgt officer chief director chairman chairwoman chair speaker judge prosecutor attorney lawyer diplomat ' +
    'scientist physicist chemist engineer professor doctor surgeon journalist reporter correspondent columnist analyst ' +
    'researcher businessman businesswoman tycoon footballer player striker midfielder defender goalkeeper coach manager ' +
    'actor actress singer musician rapper artist painter poet writer novelist author filmmaker architect athlete ' +
    'wrestler boxer fighter champion king queen prince princess emir sultan pope bishop rabbi pastor priest cardinal ' +
    'congressman congresswoman representative rep lawmaker mp deputy'
  ).split(' '),
);

/** Before a title, these make it another office: "Vice President" is not "President", nor "Deputy Minister" "Minister". */
export const OFFICE_QUALIFIERS = new Set(['vice', 'deputy', 'assistant', 'under']);

/** Titles of people: before a one-word name of an organization or place they make it a person's name ("Prince Badr"). */
export const PERSON_TITLES = new Set(
  'mr mrs ms miss dr prof sir lord lady prince princess king queen emir sheikh shaykh sayyid sayed imam haj hajj haji'.split(' '),
);

/** Words that introduce a person's given name: "a Sherpa named Dawa" is a man, not the Dawa Party. */
export const NAMING_WORDS = new Set(['named', 'nicknamed', 'aka']);

/** Arabic patronymics: "Badr bin Abdullah" is a man's given name, followed by his father's. */
export const PATRONYMICS = new Set(['bin', 'ibn', 'bint', 'ben']);

/**
 * Countries and nationalities: before an organization's name that has its own in the dataset (its `titles`), another
 * one makes it another country's body ("Libya's Revolutionary Guard", "the Libyan Revolutionary Guard").
 */
export const NATIONALITIES = new Set(
  (
    'afghan afghanistan algeria algerian america american bahrain bahraini britain british china chinese cuba cuban ' +
    'egypt egyptian france french germany german iran iranian iraq iraqi israel israeli italy italian japan japanese ' +
    'jordan jordanian kuwait kuwaiti lebanon lebanese libya libyan morocco moroccan nicaragua nicaraguan oman omani ' +
    'pakistan pakistani palestine palestinian qatar qatari russia russian saudi somalia somali sudan sudanese syria ' +
    'syrian tunisia tunisian turkey turkish uk us usa venezuela venezuelan yemen yemeni'
  ).split(' '),
);

/**
 * Common given names in Arabic and Persian script. Without capitals to tell a first name from a word, these before
 * a one-word name make it part of a longer, different name (مجتبی خامنه‌ای, Mojtaba Khamenei, is not Ali Khamenei).
 */
export const ARABIC_SCRIPT_GIVEN_NAMES = new Set(
  (
    'مجتبی مسعود مصطفی محمد محمود احمد علی حسن حسین حسینی رضا مهدی جواد جعفر قاسم ابراهیم اسماعیل یوسف عباس کاظم ' +
    'صادق هادی باقر عبدالله سعید سعد فاطمه زهرا مریم زینب معصومه لیلا نرگس میثم مرتضی امیر حمید مجید وحید'
  )
    .split(' ')
    .map(lightKey),
);

/**
 * Head nouns of institutions, places and events: capitalized right after the name of an organization or place,
 * they make it part of a longer name ("Department of State Development", "Department of State Health Services",
 * "Green Zone Hotel", "K-1 World Grand Prix").
 */
export const INSTITUTION_WORDS = new Set(
  (
    'development health services service affairs bureau office offices department council committee commission ' +
    'authority agency board division unit administration institute center centre fund foundation university college ' +
    'school academy hospital museum library park station airport road street avenue square building tower hotel mall ' +
    'market club team league cup prize award grand world games championship championships festival company ' +
    'corporation group bank press media network'
  ).split(' '),
);
