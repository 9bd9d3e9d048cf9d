export { aliasKeySequences, createMatcher, type Matcher, modeOf, newPageMemory } from './matcher';
export { heavyKey, lightKey } from './normalize';
export type { FindOptions, MatcherAlias, MatchRule, Mention, PageMemory } from './types';
