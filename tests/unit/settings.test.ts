import { describe, expect, it } from 'vitest';
import { defaultSettings, parseSettings, pauseReason, withSitePaused } from '@/lib/settings';

describe('settings', () => {
  it('defaults to everything on', () => {
    expect(parseSettings(undefined)).toEqual({
      pausedSites: [],
      pausedAll: false,
      types: { person: true, organization: true, place: true },
      style: 'both',
    });
  });
  it('keeps valid fields and replaces broken ones with defaults', () => {
    const s = parseSettings({
      pausedSites: ['WWW.Example.com', 42, 'news.example.org.', '', 'example.com'],
      pausedAll: 'yes',
      types: { person: false, place: 'no', __proto__: { organization: false } },
    });
    expect(s.pausedSites).toEqual(['example.com', 'news.example.org']);
    expect(s.pausedAll).toBe(false);
    expect(s.types).toEqual({ person: false, organization: true, place: true });
  });
  it('pauses a site and its subdomains, not look-alikes', () => {
    const s = parseSettings({ pausedSites: ['example.com'] });
    expect(pauseReason(s, 'example.com')).toBe('site');
    expect(pauseReason(s, 'www.example.com')).toBe('site');
    expect(pauseReason(s, 'news.example.com')).toBe('site');
    expect(pauseReason(s, 'badexample.com')).toBeNull();
    expect(pauseReason(s, 'example.org')).toBeNull();
    expect(pauseReason({ ...s, pausedAll: true }, 'example.org')).toBe('all');
  });
  it('keeps a known highlight style, and takes the default for anything else', () => {
    expect(parseSettings({ style: 'underline' }).style).toBe('underline');
    expect(parseSettings({ style: 'tint' }).style).toBe('tint');
    expect(parseSettings({ style: 'blink' }).style).toBe('both');
    expect(parseSettings({ style: { toString: () => 'tint' } }).style).toBe('both');
  });
  it('adds and removes a paused site without duplicates', () => {
    const a = withSitePaused(defaultSettings(), 'www.Example.com', true);
    expect(a.pausedSites).toEqual(['example.com']);
    expect(withSitePaused(a, 'example.com', true).pausedSites).toEqual(['example.com']);
    expect(withSitePaused(a, 'example.com', false).pausedSites).toEqual([]);
  });
});
