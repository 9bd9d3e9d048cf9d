import type { ArticleMeta } from '@/lib/dataset/schema';
import type { CompiledDataset, Excerpt } from '@/lib/dataset/types';
import type { PopupHost, TabState } from '@/lib/popup/host';
import type { TabSummary } from '@/lib/messaging';
import { defaultSettings, type Settings } from '@/lib/settings';
import { vi } from 'vitest';

const article = (id: string, extra: Partial<ArticleMeta> = {}): ArticleMeta => ({
  id,
  file: `${id}.txt`,
  title: `Title of ${id}`,
  titleIsEditorial: false,
  source: null,
  publisher: 'The Daily',
  date: '2020-01-03',
  dateBasis: 'stated',
  dateNote: null,
  language: 'en',
  ...extra,
});

function excerpt(entityId: string, articleId: string, sentence: string, exact: string): Excerpt {
  const mentionStart = sentence.indexOf(exact);
  return {
    entityId,
    articleId,
    sentence,
    mentionStart,
    mentionEnd: mentionStart + exact.length,
    exact,
    prefix: '',
    suffix: '',
    start: 100 + mentionStart,
    end: 100 + mentionStart + exact.length,
  };
}

/** A small dataset with diacritics, apostrophes, two types and an undated, editorial-title article. */
export function fixtureDataset(): CompiledDataset {
  return {
    version: 1,
    name: 'Fixture',
    entities: [
      {
        id: 'qais-al-khazali',
        name: 'Qais al-Khazali',
        type: 'person',
        descriptor: 'Leader of Asaib Ahl al-Haq',
        note: { text: 'Named by the US as an organizer of the embassy attack.', citations: ['a1', 'a2'] },
        aliases: ['Qais al-Khazali', 'Qays al-Khazʿali', 'Khazali'],
      },
      {
        id: 'kataib-hezbollah',
        name: 'Kataib Hezbollah',
        type: 'organization',
        descriptor: 'Iraqi armed group',
        note: { text: 'An armed group in Iraq.', citations: [] },
        aliases: ['Kataib Hezbollah', "Kata'ib Hizballah", 'Hezbollah Brigades'],
      },
      {
        id: 'baghdad',
        name: 'Baghdad',
        type: 'place',
        descriptor: 'Capital of Iraq',
        note: { text: 'The capital of Iraq.', citations: ['a1'] },
        aliases: ['Baghdad'],
      },
      {
        id: 'mike-pompeo',
        name: 'Mike Pompeo',
        type: 'person',
        descriptor: 'US Secretary of State',
        note: { text: 'US Secretary of State in 2019.', citations: ['a2'] },
        aliases: ['Mike Pompeo', 'Pompeo'],
      },
    ],
    aliases: [],
    excerpts: {
      'qais-al-khazali': [
        excerpt('qais-al-khazali', 'a1', 'Pompeo named Qais al-Khazali among the organizers.', 'Qais al-Khazali'),
        excerpt('qais-al-khazali', 'a2', 'Khazali <b>denied</b> it.', 'Khazali'),
      ],
      baghdad: [excerpt('baghdad', 'a1', 'Protesters gathered in Baghdad on Tuesday.', 'Baghdad')],
    },
    articles: [article('a1'), article('a2', { title: 'Untitled report', titleIsEditorial: true, date: null, dateBasis: null, publisher: null })],
  };
}

export function summary(counts: Record<string, number>, extra: Partial<TabSummary> = {}): TabSummary {
  return { url: 'https://news.example.com/story', title: 'Story', counts, paused: null, ...extra };
}

export interface FakeHost extends PopupHost {
  emit(state: TabState): void;
  showMention: ReturnType<typeof vi.fn<PopupHost['showMention']>>;
  resume: ReturnType<typeof vi.fn<PopupHost['resume']>>;
  updateSettings: ReturnType<typeof vi.fn<PopupHost['updateSettings']>>;
  /** The settings as "stored". */
  stored(): Settings;
  /** A change to the stored settings from elsewhere (another tab, the content script's storage event). */
  storeSettings(settings: Settings): void;
}

export function fakeHost(initial: TabState, settings: Settings = defaultSettings()): FakeHost {
  let listener: ((s: TabState) => void) | null = null;
  let stored = settings;
  const settingsListeners = new Set<(s: Settings) => void>();
  const store = (s: Settings) => {
    stored = s;
    for (const l of settingsListeners) l(s);
  };
  return {
    loadTab: async () => initial,
    watchTab: (_tabId, onChange) => {
      listener = onChange;
      return () => {
        listener = null;
      };
    },
    showMention: vi.fn<PopupHost['showMention']>(async () => ({ index: 0, total: 3 })),
    resume: vi.fn<PopupHost['resume']>(async () => {}),
    emit: (s) => listener?.(s),
    loadSettings: async () => stored,
    watchSettings: (onChange) => {
      settingsListeners.add(onChange);
      return () => settingsListeners.delete(onChange);
    },
    updateSettings: vi.fn<PopupHost['updateSettings']>(async (change) => {
      store(change(stored));
      return stored;
    }),
    stored: () => stored,
    storeSettings: store,
  };
}
