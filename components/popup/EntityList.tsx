import type { RowGroup } from '@/lib/popup/entities';
import { TYPE_LABELS } from '@/lib/popup/entities';
import { matchedAlias } from '@/lib/popup/search';
import { TypeLabel } from '../entity/TypeLabel';

interface EntityListProps {
  groups: RowGroup[];
  query: string;
  onOpen(entityId: string): void;
  /** Accessible name of the list. */
  label: string;
}

const ROW = 'button.p-row';

/** Arrow keys, Home and End move between rows; Tab leaves the list. Enter/Space open (native buttons). */
export function moveFocus(container: HTMLElement, key: string): boolean {
  const rows = [...container.querySelectorAll<HTMLButtonElement>(ROW)];
  if (!rows.length) return false;
  const at = rows.indexOf(document.activeElement as HTMLButtonElement);
  let next: number;
  if (key === 'ArrowDown') next = at < 0 ? 0 : Math.min(at + 1, rows.length - 1);
  else if (key === 'ArrowUp') next = at <= 0 ? 0 : at - 1;
  else if (key === 'Home') next = 0;
  else if (key === 'End') next = rows.length - 1;
  else return false;
  rows[next]?.focus();
  return true;
}

function mentions(n: number): string {
  return n === 1 ? '1 mention' : `${n} mentions`;
}

export function EntityList({ groups, query, onOpen, label }: EntityListProps) {
  const onKeyDown = (e: KeyboardEvent) => {
    if (moveFocus(e.currentTarget as HTMLElement, e.key)) e.preventDefault();
  };
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: arrow-key roving between the row buttons inside.
    <div class="p-list" onKeyDown={onKeyDown}>
      {groups.map((g) => (
        <section key={g.type ?? 'all'} aria-label={g.type ? TYPE_LABELS[g.type].many : label}>
          {g.type ? (
            <h2 class="p-group">
              {TYPE_LABELS[g.type].many} <span class="g-muted">({g.rows.length})</span>
            </h2>
          ) : null}
          <ul class="p-rows">
            {g.rows.map(({ entity, count }) => {
              const alias = matchedAlias(entity, query);
              return (
                <li key={entity.id}>
                  <button type="button" class="p-row" data-entity-id={entity.id} onClick={() => onOpen(entity.id)}>
                    <span class="p-row-line">
                      <span class="p-row-name">{entity.name}</span>
                      {count !== null ? (
                        <span class="p-row-count" title={mentions(count)}>
                          {count}
                          <span class="g-visually-hidden">{count === 1 ? ' mention' : ' mentions'}</span>
                        </span>
                      ) : null}
                    </span>
                    <span class="p-row-line p-row-sub">
                      {g.type ? null : <TypeLabel type={entity.type} />}
                      <span class="p-row-descriptor">{entity.descriptor}</span>
                    </span>
                    {alias ? <span class="p-row-alias">also written “{alias}”</span> : null}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
