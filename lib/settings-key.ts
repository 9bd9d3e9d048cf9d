/**
 * The storage.local key of the settings, alone in its module: the content script's entry imports it, and importing
 * lib/settings.ts would bring that module's `browser` (webextension-polyfill) into the entry of every frame.
 */
export const SETTINGS_KEY = 'settings';
