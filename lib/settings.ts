import type { EntityType } from './dataset/schema';
import { extensionApi, watchLocalStorage } from './extension-api';

/**
 * The few settings the content script needs at start, in `extensionApi().storage.local` (one key) so that
 * every tab reads them without a round trip to the background, and sees changes live via storage.onChanged.
 */
export interface Settings {
  /** Hostnames where Gloss shows nothing; a listed host also pauses its subdomains. */
  pausedSites: string[];
  pausedAll: boolean;
  /** Which entity types are highlighted. */
  types: Record<EntityType, boolean>;
  /** How names are highlighted: a tint behind them, a coloured underline, or both. */
  style: HighlightStyle;
}

export const HIGHLIGHT_STYLES = ['both', 'tint', 'underline'] as const;
export type HighlightStyle = (typeof HIGHLIGHT_STYLES)[number];

export const SETTINGS_KEY = 'settings';

export function defaultSettings(): Settings {
  return { pausedSites: [], pausedAll: false, types: { person: true, organization: true, place: true }, style: 'both' };
}

/** Normalizes a hostname as typed or read from a URL: lowercase, no trailing dot, no leading "www.". */
export function normalizeHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/\.$/, '')
    .replace(/^www\./, '');
}

/**
 * Reads stored settings leniently: anything missing or of the wrong type takes its default,
 * so a damaged or older stored value never stops the content script.
 */
export function parseSettings(raw: unknown): Settings {
  const out = defaultSettings();
  if (!raw || typeof raw !== 'object') return out;
  const r = raw as Record<string, unknown>;
  if (Array.isArray(r.pausedSites)) {
    const hosts = r.pausedSites.filter((h): h is string => typeof h === 'string').map(normalizeHost);
    out.pausedSites = [...new Set(hosts.filter((h) => h.length > 0))];
  }
  if (typeof r.pausedAll === 'boolean') out.pausedAll = r.pausedAll;
  if (HIGHLIGHT_STYLES.includes(r.style as HighlightStyle)) out.style = r.style as HighlightStyle;
  if (r.types && typeof r.types === 'object') {
    const t = r.types as Record<string, unknown>;
    for (const key of Object.keys(out.types) as EntityType[]) {
      // Own properties only: a stored value must not switch a type through its prototype.
      if (Object.hasOwn(t, key) && typeof t[key] === 'boolean') out.types[key] = t[key];
    }
  }
  return out;
}

/** Why Gloss shows nothing on `host`, or null when it is active there. */
export function pauseReason(settings: Settings, host: string): 'site' | 'all' | null {
  if (settings.pausedAll) return 'all';
  return isSitePaused(settings, host) ? 'site' : null;
}

/** Whether `host` is in the paused sites, itself or through a parent domain (the global pause aside). */
export function isSitePaused(settings: Settings, host: string): boolean {
  const h = normalizeHost(host);
  if (!h) return false;
  return settings.pausedSites.some((site) => h === site || h.endsWith(`.${site}`));
}

/**
 * Returns settings with Gloss on or off for `host`, as the popup's "this site" switch means it: switching on
 * also lifts a parent domain's pause (or the page would stay paused), switching off adds nothing when a parent
 * domain already pauses it. The global pause is left alone.
 */
export function withSiteActive(settings: Settings, host: string, active: boolean): Settings {
  const h = normalizeHost(host);
  if (!h) return settings;
  if (active) return { ...settings, pausedSites: settings.pausedSites.filter((s) => !(h === s || h.endsWith(`.${s}`))) };
  return isSitePaused(settings, h) ? settings : { ...settings, pausedSites: [...settings.pausedSites, h] };
}

/** Returns settings with one entity type shown or hidden. */
export function withTypeShown(settings: Settings, type: EntityType, shown: boolean): Settings {
  return { ...settings, types: { ...settings.types, [type]: shown } };
}

/** Returns settings with `host` paused or resumed (for the popup and options pages). */
export function withSitePaused(settings: Settings, host: string, paused: boolean): Settings {
  const h = normalizeHost(host);
  const rest = settings.pausedSites.filter((s) => s !== h);
  return { ...settings, pausedSites: paused && h ? [...rest, h] : rest };
}

export async function loadSettings(): Promise<Settings> {
  const stored = await extensionApi().storage.local.get(SETTINGS_KEY);
  return parseSettings(stored[SETTINGS_KEY]);
}

export async function saveSettings(settings: Settings): Promise<void> {
  await extensionApi().storage.local.set({ [SETTINGS_KEY]: parseSettings(settings) });
}

/** Calls `onChange` with the new settings whenever they change in storage; returns the unsubscribe function. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  return watchLocalStorage((changes) => {
    if (SETTINGS_KEY in changes) onChange(parseSettings(changes[SETTINGS_KEY]?.newValue));
  });
}
