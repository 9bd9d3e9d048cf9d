// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { aliasColumns, aliasList, buildAutomaton, createMatcher, createMatcherFromTables, matcherFromAutomaton, matcherTables, newPageMemory } from '@/lib/match';
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

  it('pack into an automaton that survives JSON and matches as the matcher built from the aliases', () => {
    const stored = JSON.parse(JSON.stringify(buildAutomaton(dataset.aliases, dataset.matcher)));
    const matcher = matcherFromAutomaton(dataset.aliases, stored);
    if (matcher instanceof Error) throw matcher;
    expect(findAll(matcher)).toEqual(findAll(createMatcher(dataset.aliases)));
    expect(matcher.size).toBe(createMatcher(dataset.aliases).size);
  });

  it('store the aliases by column, and give back every field of every alias', () => {
    const stored = JSON.parse(JSON.stringify(aliasColumns(dataset.aliases)));
    const list = aliasList(stored);
    expect(list.length).toBe(dataset.aliases.length);
    expect(dataset.aliases.map((_, i) => list.at(i))).toEqual(dataset.aliases);
    for (const field of ['context', 'titles', 'caseSensitive', 'lookalike'] as const) {
      expect(dataset.aliases.some((a) => a[field])).toBe(true);
    }
    expect(list.at(dataset.aliases.length)).toBeUndefined();
    expect(list.at(-1)).toBeUndefined();
    // Only the fields an alias may have are read from the columns: nothing else reaches the alias object.
    const hostile = JSON.parse('{"entityIds":["x"],"texts":["X Y"],"rules":"a","types":"p","more":{"0":{"__proto__":{"match":"context"},"polluted":1}}}');
    expect(aliasList(hostile).at(0)).toEqual({ entityId: 'x', text: 'X Y', match: 'always', entityType: 'person' });
  });

  it('give the same automaton, byte for byte, whatever order the tries were filled in', () => {
    const once = buildAutomaton(dataset.aliases, dataset.matcher);
    expect(buildAutomaton(dataset.aliases, undefined)).toEqual(once);
    expect(once.keys).toEqual([...once.keys].sort());
  });

  it('refuse an automaton that does not fit: another layout, cut arrays, aliases it does not have', () => {
    const aliases = dataset.aliases.slice(0, 40);
    const packed = buildAutomaton(aliases, undefined);
    expect(matcherFromAutomaton(aliases, packed)).not.toBeInstanceOf(Error);
    expect(String(matcherFromAutomaton(aliases, { ...packed, version: 2 }))).toMatch(/version 2/);
    expect(String(matcherFromAutomaton(aliases, { ...packed, arrays: packed.arrays.slice(0, -8) }))).toMatch(/bytes/);
    expect(String(matcherFromAutomaton(aliases, { ...packed, arrays: '%%%' }))).toMatch(/not base64/);
    expect(String(matcherFromAutomaton(aliases.slice(0, 10), packed))).toMatch(/built for 40 aliases, given 10/);
    expect(String(matcherFromAutomaton(aliases, { ...packed, nodes: 1.5 }))).toMatch(/not counts/);
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
