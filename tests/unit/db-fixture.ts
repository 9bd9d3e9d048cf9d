import { GlossDatabase } from '@/lib/db/database';

let n = 0;

/** A database of its own for each test (fake-indexeddb, set up in vitest.config.ts). */
export function freshDb(): GlossDatabase {
  n += 1;
  return new GlossDatabase(`gloss-test-${n}-${Math.random().toString(36).slice(2)}`);
}

/** A small valid dataset file in the documented format. */
export function datasetFile(overrides: Record<string, unknown> = {}, entities?: unknown[]): Record<string, unknown> {
  return {
    version: 1,
    name: 'Newsroom officials',
    entities: entities ?? [
      {
        id: 'jane-roe',
        name: 'Jane Roe',
        type: 'person',
        descriptor: 'Minister of Testing',
        note: { text: 'Appointed in 2024.', citations: [] },
        aliases: [{ text: 'Jane Roe' }, { text: 'J. Roe' }],
        // Fields that reach the compiled aliases (titles, lookalikes): the backup must carry them too.
        titles: ['Minister'],
        lookalikes: ['Jane Roe Foundation'],
      },
      {
        id: 'acme-corp',
        name: 'Acme Corp',
        type: 'organization',
        descriptor: 'A maker of everything',
        note: { text: 'Founded long ago.', citations: [] },
        aliases: [{ text: 'Acme Corp' }, { text: 'Acme Corporation' }],
      },
    ],
    ...overrides,
  };
}
