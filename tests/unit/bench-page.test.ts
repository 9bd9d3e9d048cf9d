import { describe, expect, it } from 'vitest';
import { generatedPack, loadBundledDataset } from '../../bench/page/packs';
import { median, percentile, ratio } from '../../bench/page/stats';
import { parseMatchPack } from '../../lib/datasets/pack';
import { matcherSteps, newPageMemory } from '../../lib/match';

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

  it('stores a pack the content script accepts, with tables that fit and a type for every alias', () => {
    const made = generatedPack(bundled, 1_000);
    const pack = parseMatchPack(made.json);
    expect(pack).not.toBeNull();
    expect(pack?.aliases).toHaveLength(1_000);
    expect(pack?.matcher?.aliases).toHaveLength(1_000);
    for (const a of pack?.aliases ?? []) expect(pack?.types[a.entityId]).toBeDefined();
    // The bundled aliases come first, as an import joins after them.
    expect(pack?.aliases.slice(0, bundled.aliases.length)).toEqual(bundled.aliases);
  });

  it('finds a generated name with the matcher built from the stored tables', () => {
    const pack = parseMatchPack(generatedPack(bundled, 1_000).json);
    if (!pack) throw new Error('no pack');
    const name = pack.aliases.at(-1)?.text as string;
    const found = matcherSteps(pack.aliases, pack.matcher).matcher().find(`Officials said on Tuesday that ${name} had left.`, { memory: newPageMemory() });
    expect(found.map((m) => m.entityId)).toContain(pack.aliases.at(-1)?.entityId);
  });

  it('makes the smallest scale half bundled, half generated', () => {
    const made = generatedPack(bundled, 100);
    expect(made.aliases).toHaveLength(100);
    expect(made.aliases.filter((a) => a.entityId.startsWith('gen-'))).toHaveLength(50);
  });
});
