/**
 * Words that may stand right before a bare surname without making it part of a longer, different name:
 * titles and offices ("President Trump", "Ayatollah Khamenei") and nationalities ("Iraqi Maliki").
 * Any other capitalized word there ("Ivanka Trump", "Mojtaba Khamenei", "Leila Soleimani") means another person.
 */
export const TITLES = new Set(
  (
    'mr mrs ms miss dr prof gen general president ayatollah grand sheikh shaykh sheik sayyid sayed seyed seyyed imam hojatoleslam ' +
    'secretary minister leader commander chief prime vice premier senator sen rep representative gov governor lt col colonel maj major capt ' +
    'captain brig brigadier admiral adm ambassador envoy editor spokesman spokeswoman cleric haj hajj haji mullah judge justice king prince ' +
    'emir former late ex head founder chairman director deputy speaker mp lawmaker militia militiaman rival ally opponent sir lord ' +
    'us usa uk un eu iranian iraqi american lebanese syrian shiite shia sunni kurdish arab persian western tehran baghdad washington ' +
    'the a an and or but of to in on for with by from at as if when while after before since because says said told according'
  ).split(' '),
);

/** A capitalized word right after a bare name that still lets the name stand alone. */
export const FOLLOWERS = new Set(
  'said says told added wrote warned called denied vowed urged insisted stated noted claimed argued asked'.split(' '),
);

/** Name suffixes that make a different person of the same name (Donald Trump Jr.). */
export const GENERATION_SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);
