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
    'see saw sources officials supporters followers loyalists men forces fighters thanks dear critics allies'
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
