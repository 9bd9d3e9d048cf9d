import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, readBundledSources, loadBundledDataset } from '../../scripts/dataset-files';

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8').replace(/\s+/g, ' ');
const number = (re: RegExp) => Number(re.exec(readme)?.[1] ?? Number.NaN);

describe('README', () => {
  it('counts the dataset’s entities, written aliases, derived surnames and matcher spellings as they are', () => {
    const { dataset } = readBundledSources() as { dataset: { entities: { type: string; aliases: unknown[] }[] } };
    const compiled = loadBundledDataset();
    const written = dataset.entities.reduce((n, e) => n + e.aliases.length, 0);
    const ofType = (t: string) => dataset.entities.filter((e) => e.type === t).length;
    expect({
      entities: number(/(\d+) entities \(/),
      people: number(/(\d+) people, \d+ organizations/),
      organizations: number(/(\d+) organizations, \d+ places\)/),
      places: number(/(\d+) places\) with/),
      aliases: number(/places\) with (\d+) aliases/),
      derived: number(/compiler adds (\d+) surnames/),
      spellings: number(/work with (\d+) spellings/),
    }).toEqual({
      entities: dataset.entities.length,
      people: ofType('person'),
      organizations: ofType('organization'),
      places: ofType('place'),
      aliases: written,
      derived: compiled.aliases.length - written,
      spellings: compiled.aliases.length,
    });
  });
});
