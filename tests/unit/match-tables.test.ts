// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { createMatcher, createMatcherFromTables, matcherSteps, matcherTables, newPageMemory } from '@/lib/match';
import { loadBundledDataset } from '@/scripts/dataset-files';
import { loadNamesFixtures, NAMES_FIXTURES_DIR } from '@/scripts/names-report';

describe('matcher tables made at build time', () => {
  const dataset = loadBundledDataset();
  const texts = loadNamesFixtures(NAMES_FIXTURES_DIR).flatMap((f) => f.passages.map((p) => p.text));
  const findAll = (m: ReturnType<typeof createMatcher>) => texts.map((t) => m.find(t, { memory: newPageMemory() }));

  it('are in the compiled dataset and survive JSON, giving the same mentions as building from the aliases', () => {
    expect(dataset.matcher?.aliases).toHaveLength(dataset.aliases.length);
    const shipped = JSON.parse(JSON.stringify(dataset));
    const expected = findAll(createMatcher(dataset.aliases));
    expect(expected.flat().length).toBeGreaterThan(500);
    expect(findAll(createMatcherFromTables(shipped.aliases, shipped.matcher))).toEqual(expected);
  });

  it('can be loaded in steps, giving the same matcher', () => {
    const steps = matcherSteps(dataset.aliases, dataset.matcher);
    let calls = 1;
    while (!steps.step(100)) calls++;
    expect(calls).toBe(Math.ceil(dataset.aliases.length / 100));
    expect(findAll(steps.matcher())).toEqual(findAll(createMatcher(dataset.aliases)));
  });

  it('are ignored when they do not fit the aliases (another version, another dataset)', () => {
    const aliases = dataset.aliases.filter((a) => /Khazali|Baghdad/.test(a.text));
    const text = 'Qais al-Khazali met Hadi al-Amiri in Baghdad.';
    const expected = createMatcher(aliases).find(text);
    expect(expected.map((m) => m.text)).toEqual(['Qais al-Khazali', 'Baghdad']);
    expect(createMatcherFromTables(aliases, { ...matcherTables(aliases), version: 999 }).find(text)).toEqual(expected);
    expect(createMatcherFromTables(aliases, dataset.matcher).find(text)).toEqual(expected);
    expect(createMatcherFromTables(aliases, undefined).find(text)).toEqual(expected);
  });
});
