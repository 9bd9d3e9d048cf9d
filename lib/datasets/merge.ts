import type { CompiledDataset, Excerpt } from '../dataset/types';

/** The bundled dataset's id. Its entity ids stay as written: URLs, tests and stored notes use them. */
export const BUNDLED_DATASET_ID = 'bundled';

/** An imported dataset as stored (Dexie, in the background) and published to tabs. */
export interface ImportedDataset {
  /** Chosen at import, unique among imported datasets; never `bundled`. */
  id: string;
  name: string;
  enabled: boolean;
  /** Epoch ms. */
  importedAt: number;
  compiled: CompiledDataset;
}

/**
 * An imported entity's id everywhere outside its own file. Two datasets may both have an entity "acme": they
 * stay two entities (never merged silently), and the prefix tells the card which dataset a name comes from.
 */
export function namespacedId(datasetId: string, entityId: string): string {
  return datasetId === BUNDLED_DATASET_ID ? entityId : `${datasetId}/${entityId}`;
}

/** The dataset id an entity id belongs to (the inverse of namespacedId). */
export function datasetOf(entityId: string): string {
  const slash = entityId.indexOf('/');
  return slash === -1 ? BUNDLED_DATASET_ID : entityId.slice(0, slash);
}

/** A compiled dataset with every entity id (entities, aliases, excerpts) put in its dataset's namespace. */
export function namespaced(datasetId: string, compiled: CompiledDataset): CompiledDataset {
  if (datasetId === BUNDLED_DATASET_ID) return compiled;
  const id = (entityId: string) => namespacedId(datasetId, entityId);
  const excerpts: Record<string, Excerpt[]> = {};
  for (const [entityId, list] of Object.entries(compiled.excerpts)) {
    excerpts[id(entityId)] = list.map((x) => ({ ...x, entityId: id(entityId) }));
  }
  return {
    ...compiled,
    entities: compiled.entities.map((e) => ({ ...e, id: id(e.id) })),
    aliases: compiled.aliases.map((a) => ({ ...a, entityId: id(a.entityId) })),
    excerpts,
  };
}

/**
 * The bundled dataset followed by the enabled imported ones, as one dataset (namespaced ids; the bundled one
 * first, so that it wins an alias that an import also claims). Matcher tables are kept when every part has
 * them in the same version, since they are per alias and in alias order.
 */
export function mergeDatasets(bundled: CompiledDataset, imported: readonly ImportedDataset[]): CompiledDataset {
  const parts = [bundled, ...imported.filter((d) => d.enabled).map((d) => namespaced(d.id, d.compiled))];
  if (parts.length === 1) return bundled;
  const version = bundled.matcher?.version;
  const tablesFit = parts.every((p) => p.matcher && p.matcher.version === version && p.matcher.aliases.length === p.aliases.length);
  const merged: CompiledDataset = {
    version: 1,
    name: bundled.name,
    entities: parts.flatMap((p) => p.entities),
    aliases: parts.flatMap((p) => p.aliases),
    excerpts: Object.assign({}, ...parts.map((p) => p.excerpts)),
    articles: parts.flatMap((p) => p.articles),
  };
  if (tablesFit && version !== undefined) {
    merged.matcher = { version, aliases: parts.flatMap((p) => p.matcher?.aliases ?? []) };
  }
  return merged;
}
