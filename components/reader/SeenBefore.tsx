import type { SeenElsewhere } from '@/lib/db/sightings';

function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function seenText(count: number): string {
  return count === 1 ? 'Seen on 1 other page' : `Seen on ${count} other pages`;
}

/** "Seen on N other pages" and the most recent of them (title, site, date); a click opens the page. */
export function SeenBefore({ seen, classPrefix: c, onClear }: { seen: SeenElsewhere; classPrefix: string; onClear?: () => void }) {
  if (!seen.count) return null;
  return (
    <div class={`${c}-seen`}>
      <p class={`${c}-seen-count`}>{seenText(seen.count)}</p>
      <ul class={`${c}-seen-list`}>
        {seen.recent.map((r) => (
          <li key={r.url}>
            <a href={r.url} target="_blank" rel="noopener noreferrer" class={`${c}-seen-link`}>
              {r.title || r.url}
            </a>
            <span class={`${c}-seen-meta`}>
              {' '}
              {siteOf(r.url)}, {day(r.lastSeen)}
            </span>
          </li>
        ))}
      </ul>
      {onClear ? (
        <button type="button" class={`${c}-note-button`} onClick={onClear}>
          Clear this name’s history
        </button>
      ) : null}
    </div>
  );
}
