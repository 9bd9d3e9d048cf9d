export {
  aliasKeySequences,
  createMatcher,
  createMatcherFromTables,
  type Matcher,
  type MatcherTables,
  matcherSteps,
  matcherTables,
  modeOf,
  newPageMemory,
} from './matcher';
export { heavyKey, lightKey } from './normalize';
export type { FindOptions, MatcherAlias, MatchRule, Mention, PageMemory } from './types';
