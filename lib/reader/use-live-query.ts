import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

/**
 * The current result of a Dexie query, kept up to date when the database changes (in this page or in the
 * background: Dexie tells same-origin contexts of every write). undefined until the first result.
 */
export function useLiveQuery<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    const subscription = liveQuery(query).subscribe({
      next: setValue,
      error: (e: unknown) => console.warn('Gloss: a stored value could not be read', e),
    });
    return () => subscription.unsubscribe();
    // The caller names what the query depends on (`deps`), as with useEffect.
  }, deps);
  return value;
}
