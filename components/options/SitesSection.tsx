import { useEffect, useState } from 'preact/hooks';
import { ENTITY_TYPES, type EntityType } from '@/lib/dataset/schema';
import { TYPE_LABELS } from '@/lib/popup/entities';
import {
  HIGHLIGHT_STYLES,
  type HighlightStyle,
  loadSettings,
  normalizeHost,
  type Settings,
  saveSettings,
  watchSettings,
  withSitePaused,
  withTypeShown,
} from '@/lib/settings';

const STYLE_LABELS: Record<HighlightStyle, string> = { both: 'Tint and underline', tint: 'Tint', underline: 'Underline' };

/** Paused sites and the entity types shown (browser.storage.local: every tab reads them at start and live). */
export function SitesSection() {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [site, setSite] = useState('');
  useEffect(() => {
    void loadSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  const change = async (f: (s: Settings) => Settings) => saveSettings(f(await loadSettings()));
  if (!settings) return null;
  return (
    <section class="o-section" aria-labelledby="o-sites-h">
      <h2 id="o-sites-h">Sites and types</h2>
      <fieldset class="o-types">
        <legend>Names shown</legend>
        {ENTITY_TYPES.map((t: EntityType) => (
          <label key={t}>
            <input
              type="checkbox"
              checked={settings.types[t]}
              onChange={(e) => void change((s) => withTypeShown(s, t, (e.currentTarget as HTMLInputElement).checked))}
            />{' '}
            {TYPE_LABELS[t].many}
          </label>
        ))}
      </fieldset>
      <fieldset class="o-types">
        <legend>Highlight style</legend>
        {HIGHLIGHT_STYLES.map((st) => (
          <label key={st}>
            <input type="radio" name="o-style" value={st} checked={settings.style === st} onChange={() => void change((s) => ({ ...s, style: st }))} />{' '}
            {STYLE_LABELS[st]}
          </label>
        ))}
      </fieldset>
      <label>
        <input
          type="checkbox"
          checked={settings.pausedAll}
          onChange={(e) => void change((s) => ({ ...s, pausedAll: (e.currentTarget as HTMLInputElement).checked }))}
        />{' '}
        Pause Gloss on all sites
      </label>
      <h3>Paused sites</h3>
      <ul class="o-list" aria-label="Paused sites">
        {settings.pausedSites.map((h) => (
          <li key={h}>
            {h}{' '}
            <button type="button" class="o-link" onClick={() => void change((s) => withSitePaused(s, h, false))}>
              Resume
            </button>
          </li>
        ))}
      </ul>
      <form
        class="o-row"
        onSubmit={(e) => {
          e.preventDefault();
          const host = normalizeHost(site);
          if (host) void change((s) => withSitePaused(s, host, true)).then(() => setSite(''));
        }}
      >
        <label>
          Pause a site{' '}
          <input type="text" value={site} placeholder="example.com" onInput={(e) => setSite((e.currentTarget as HTMLInputElement).value)} />
        </label>{' '}
        <button type="submit" class="o-button">
          Pause
        </button>
      </form>
    </section>
  );
}
