export { type AliasColumns, type AliasList, aliasColumns, aliasList, isAliasColumns } from './alias-columns';
export { AUTOMATON_VERSION, type PackedAutomaton } from './automaton';
export {
  aliasKeySequences,
  buildAutomaton,
  createMatcher,
  createMatcherFromTables,
  type Matcher,
  type MatcherTables,
  matcherFromAutomaton,
  matcherTables,
  modeOf,
  newPageMemory,
} from './matcher';
export { heavyKey, lightKey } from './normalize';
export type { FindOptions, MatcherAlias, MatchRule, Mention, PageMemory } from './types';
export { buildAutomatonOrShards, type BuiltAutomaton, isShardedHeader, type Shard, type ShardedHeader, ShardSet } from './shards';
