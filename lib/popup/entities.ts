import type { EntityType } from '../dataset/schema';
import type { CompiledDataset, CompiledEntity } from '../dataset/types';
import { matchesQuery, type SearchKeys, searchKeysOf } from './search';

export interface EntityRow {
  entity: CompiledEntity;
  /** Mentions on the current page; null in the all-entities view. */
  count: number | null;
}

export type SortMode = 'count' | 'type';

export interface RowGroup {
  /** null: one flat list (sorted by count or by name). */
  type: EntityType | null;
  rows: EntityRow[];
}

export const TYPE_ORDER: readonly EntityType[] = ['person', 'organization', 'place'];

export const TYPE_LABELS: Record<EntityType, { one: string; many: string }> = {
  person: { one: 'Person', many: 'People' },
  organization: { one: 'Organization', many: 'Organizations' },
  place: { one: 'Place', many: 'Places' },
};

/** Dataset lookup built once: entities by id and their search keys. */
export class EntityIndex {
  readonly byId = new Map<string, CompiledEntity>();
  private readonly keys = new Map<string, SearchKeys>();

  constructor(readonly dataset: CompiledDataset) {
    for (const e of dataset.entities) this.byId.set(e.id, e);
  }

  keysOf(entity: CompiledEntity): SearchKeys {
    let k = this.keys.get(entity.id);
    if (!k) {
      k = searchKeysOf(entity);
      this.keys.set(entity.id, k);
    }
    return k;
  }

  /** Rows for the entities counted on a page; ids unknown to the dataset are dropped. */
  pageRows(counts: Record<string, number>): EntityRow[] {
    const rows: EntityRow[] = [];
    for (const [id, count] of Object.entries(counts)) {
      const entity = this.byId.get(id);
      if (entity && count > 0) rows.push({ entity, count });
    }
    return rows;
  }

  allRows(): EntityRow[] {
    return this.dataset.entities.map((entity) => ({ entity, count: null }));
  }

  filter(rows: EntityRow[], query: string): EntityRow[] {
    if (!query.trim()) return rows;
    return rows.filter((r) => matchesQuery(this.keysOf(r.entity), query));
  }
}

const byName = (a: EntityRow, b: EntityRow) => a.entity.name.localeCompare(b.entity.name, 'en', { sensitivity: 'base' });

/** Most mentioned first; ties (and the all-entities view) by name. */
export function sortRows(rows: readonly EntityRow[]): EntityRow[] {
  return [...rows].sort((a, b) => (b.count ?? 0) - (a.count ?? 0) || byName(a, b));
}

/** Rows in display groups: one flat list sorted by count, or one group per type in TYPE_ORDER (empty groups left out). */
export function groupRows(rows: readonly EntityRow[], mode: SortMode): RowGroup[] {
  const sorted = sortRows(rows);
  if (mode === 'count') return [{ type: null, rows: sorted }];
  return TYPE_ORDER.map((type) => ({ type, rows: sorted.filter((r) => r.entity.type === type) })).filter((g) => g.rows.length > 0);
}

/** The all-entities view in "recently seen" order: last seen first (lib/db/sightings.ts), never-seen ones after, by name. */
export function recentRows(rows: readonly EntityRow[], lastSeen: ReadonlyMap<string, number>): RowGroup[] {
  const seen = (r: EntityRow) => lastSeen.get(r.entity.id) ?? 0;
  return [{ type: null, rows: [...rows].sort((a, b) => seen(b) - seen(a) || byName(a, b)) }];
}
