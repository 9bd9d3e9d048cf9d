import { describe, expect, it } from 'vitest';
import { generatedPack, loadBundledDataset } from '../../bench/page/packs';
import { median, percentile, ratio } from '../../bench/page/stats';
import { isShardedPack, matcherOfPack, parseMatchPack } from '../../lib/datasets/pack';
import { aliasList, newPageMemory } from '../../lib/match';

describe('bench:page statistics', () => {
  it('takes the median of what was measured, leaving out what was not', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([null, 5, undefined, Number.NaN])).toBe(5);
    expect(median([null])).toBeNull();
  });

  it('takes nearest-rank percentiles', () => {
    const xs = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(percentile(xs, 90)).toBe(9);
    expect(percentile(xs, 100)).toBe(10);
    expect(percentile([7], 90)).toBe(7);
  });

  it('has no ratio over zero or a missing value', () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(3, 0)).toBeNull();
    expect(ratio(null, 2)).toBeNull();
  });
});

describe('bench:page dataset-scale packs', () => {
  const bundled = loadBundledDataset();

  it('stores a pack the content script accepts, with an automaton for its aliases and a type for every alias', () => {
    const made = generatedPack(bundled, 1_000);
    const pack = parseMatchPack(made.json);
    expect(pack).not.toBeNull();
    if (!pack || isShardedPack(pack)) throw new Error('no whole pack');
    const aliases = aliasList(pack.aliases);
    expect(aliases.length).toBe(1_000);
    expect(matcherOfPack(pack)).not.toBeInstanceOf(Error);
    expect(pack.aliases.types).toMatch(/^[pol]{1000}$/);
    // The bundled aliases come first, as an import joins after them.
    expect(bundled.aliases.map((_, i) => aliases.at(i))).toEqual(bundled.aliases);
  });

  it('finds a generated name with the matcher of the stored automaton', () => {
    const pack = parseMatchPack(generatedPack(bundled, 1_000).json);
    if (!pack || isShardedPack(pack)) throw new Error('no whole pack');
    const last = aliasList(pack.aliases).at(999);
    const name = last?.text as string;
    const matcher = matcherOfPack(pack);
    if (matcher instanceof Error) throw matcher;
    const found = matcher.find(`Officials said on Tuesday that ${name} had left.`, { memory: newPageMemory() });
    expect(found.map((m) => m.entityId)).toContain(last?.entityId);
    expect(matcher.typeOf(last?.entityId as string)).toBe('person');
  });

  it('makes the smallest scale half bundled, half generated', () => {
    const made = generatedPack(bundled, 100);
    expect(made.aliases).toHaveLength(100);
    expect(made.aliases.filter((a) => a.entityId.startsWith('gen-'))).toHaveLength(50);
  });
});
