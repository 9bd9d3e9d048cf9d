// @vitest-environment node
/**
 * The sharded automaton (lib/match/shards.ts): after a tab's shard rounds (match, read the shards its words
 * reached, match again with a new matcher, until none is missing) it finds what the whole matcher finds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generatedAliases, generatedText } from '@/bench/lib';
import { buildAutomatonOrShards, createMatcher, type MatcherAlias, type Mention, newPageMemory, type Shard, ShardSet } from '@/lib/match';
import { Bloom } from '@/lib/match/shard-keys';
import { loadBundledDataset } from '@/scripts/dataset-files';
import { loadNamesFixtures } from '@/scripts/names-report';

function sharded(aliases: MatcherAlias[], targetBytes: number) {
  const built = buildAutomatonOrShards(aliases, undefined, { aboveBytes: 0, targetBytes });
  if ('whole' in built) throw new Error('not sharded');
  return built;
}

/** The tab's rounds, the shards given from memory; how many rounds it took and how many shards it read. */
function afterRounds(built: { header: ShardSet['header']; shards: Shard[] }, text: string) {
  const set = ShardSet.of(built.header);
  if (set instanceof Error) throw set;
  for (let round = 1; ; round++) {
    const found = set.matcher().find(text, { memory: newPageMemory() });
    if (set.missing.size === 0) return { found, round, read: built.shards.filter((s) => set.has(s.index)).length };
    for (const i of [...set.missing]) expect(set.add(i, JSON.parse(JSON.stringify(built.shards[i])))).toBe(true);
  }
}

const same = (m: Mention[]) => m.map(({ entityId, start, end, alias }) => ({ entityId, start, end, alias }));

describe('a sharded automaton', () => {
  const bundled = loadBundledDataset();
  const generated = generatedAliases(3_000).map((a) => ({ ...a, entityType: 'person' as const }));
  const aliases = [...bundled.aliases, ...generated];
  const whole = createMatcher(aliases);
  const built = sharded(aliases, 4_000);

  it('finds on every names-fixture passage what the whole matcher finds', () => {
    let passages = 0;
    let found = 0;
    for (const fixture of loadNamesFixtures()) {
      for (const p of fixture.passages) {
        const expected = whole.find(p.text, { memory: newPageMemory() });
        const { found: got, read } = afterRounds(built, p.text);
        expect(same(got), `${fixture.file} ${p.id}`).toEqual(same(expected));
        expect(read).toBeLessThan(built.header.shards);
        passages++;
        found += got.length;
      }
    }
    expect(passages).toBeGreaterThan(50);
    expect(found).toBeGreaterThan(50);
  });

  it('finds in generated text with generated names what the whole matcher finds, reading a part of the shards', () => {
    for (const seed of [1, 2, 3, 4]) {
      const names = generated.filter((_, i) => i % (37 + seed) === 0).map((a) => a.text);
      const text = generatedText(6_000, [...names, 'Qais al-Khazali', 'Kataib Hezbollah'], seed);
      const expected = whole.find(text, { memory: newPageMemory() });
      const { found, round, read } = afterRounds(built, text);
      expect(same(found)).toEqual(same(expected));
      expect(expected.length).toBeGreaterThan(5);
      expect(round).toBeLessThanOrEqual(3);
      expect(read).toBeLessThan(built.header.shards);
    }
  });

  it('keeps a whole automaton below the threshold', () => {
    expect('whole' in buildAutomatonOrShards(bundled.aliases, bundled.matcher)).toBe(true);
  });

  it('has a Bloom filter without false negatives', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), fc.string({ maxLength: 12 })), { minLength: 1, maxLength: 300 }), (keys) => {
        const bloom = Bloom.sized(keys.length);
        for (const [mode, key] of keys) bloom.add(mode, key);
        return keys.every(([mode, key]) => bloom.has(mode, key));
      }),
    );
  });
});
