import type { EntityType } from '@/lib/dataset/schema';
import { TYPE_LABELS, TYPE_ORDER } from '@/lib/popup/entities';
import { isSitePaused, type Settings, withSiteActive, withTypeShown } from '@/lib/settings';

export type SettingsChange = (settings: Settings) => Settings;

interface SettingsPanelProps {
  /** null until the stored settings are read. */
  settings: Settings | null;
  /** The host the "this site" switch pauses; null when the tab has none (browser pages, files, hidden URL). */
  site: string | null;
  /** Shown under the disabled "this site" switch when there is no site; null while the tab is still loading. */
  noSiteReason: string | null;
  onChange(change: SettingsChange): void;
}

/** The short state next to "Settings", so that a pause or a hidden type is visible with the disclosure closed. */
export function settingsHint(settings: Settings | null, site: string | null): string {
  if (!settings) return '';
  if (settings.pausedAll) return 'Paused on all sites';
  if (site && isSitePaused(settings, site)) return 'Paused on this site';
  const shown = TYPE_ORDER.filter((t) => settings.types[t]);
  if (shown.length === TYPE_ORDER.length) return '';
  if (shown.length === 0) return 'No types shown';
  return `${shown.map((t) => TYPE_LABELS[t].many).join(' and ')} only`;
}

const checkedOf = (e: Event) => (e.currentTarget as HTMLInputElement).checked;

/**
 * Pause on this site, pause everywhere, and the types shown: a disclosure at the foot of the popup. Changes are
 * written at once; the content script applies them and re-sends its summary, which the list follows.
 */
export function SettingsPanel({ settings, site, noSiteReason, onChange }: SettingsPanelProps) {
  const hint = settingsHint(settings, site);
  const loading = settings === null;
  // No site: shown off (and disabled), since nothing is highlighted on such a page.
  const allOn = !settings?.pausedAll;
  const siteOn = site !== null && !(settings && isSitePaused(settings, site));
  return (
    <details class="p-settings">
      <summary class="p-settings-summary">
        <span class="p-settings-title">Settings</span>
        {hint ? <span class="p-settings-hint">{hint}</span> : null}
      </summary>
      <div class="p-settings-body">
        <label class="p-toggle">
          <input
            id="p-set-site"
            type="checkbox"
            role="switch"
            checked={siteOn}
            aria-checked={siteOn}
            disabled={loading || !site}
            aria-describedby={!site && noSiteReason ? 'p-set-site-note' : undefined}
            onChange={(e) => {
              // Read now: the event's currentTarget is gone by the time the change function runs.
              const on = checkedOf(e);
              if (site) onChange((s) => withSiteActive(s, site, on));
            }}
          />
          <span class="p-toggle-label">Highlight names on {site ?? 'this site'}</span>
        </label>
        {!site && noSiteReason ? (
          <p id="p-set-site-note" class="p-settings-note">
            {noSiteReason}
          </p>
        ) : null}
        <label class="p-toggle">
          <input
            id="p-set-all"
            type="checkbox"
            role="switch"
            checked={allOn}
            aria-checked={allOn}
            disabled={loading}
            aria-describedby={settings?.pausedAll ? 'p-set-all-note' : undefined}
            onChange={(e) => {
              const on = checkedOf(e);
              onChange((s) => ({ ...s, pausedAll: !on }));
            }}
          />
          <span class="p-toggle-label">Highlight names on all sites</span>
        </label>
        {settings?.pausedAll ? (
          <p id="p-set-all-note" class="p-settings-note">
            Gloss is paused everywhere until this is switched back on.
          </p>
        ) : null}
        <fieldset class="p-types">
          <legend>Types shown</legend>
          <div class="p-types-row">
            {TYPE_ORDER.map((type: EntityType) => (
            <label class="p-type" key={type}>
              <input
                id={`p-set-type-${type}`}
                type="checkbox"
                checked={settings ? settings.types[type] : true}
                disabled={loading}
                onChange={(e) => {
                  const shown = checkedOf(e);
                  onChange((s) => withTypeShown(s, type, shown));
                }}
              />
              <span class="p-swatch" data-type={type} aria-hidden="true">
                Aa
              </span>
              <span>{TYPE_LABELS[type].many}</span>
            </label>
          ))}
          </div>
        </fieldset>
      </div>
    </details>
  );
}
