import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReaderPanel } from '@/components/reader/ReaderPanel';
import type { NoteRecord } from '@/lib/db/database';
import type { ReaderApi } from '@/lib/reader/api';

function fakeApi(initial: string | null, seenCount = 0): ReaderApi & { saved: string[] } {
  const saved: string[] = [];
  const note = (text: string): NoteRecord => ({ entityId: 'e', text, updatedAt: 1 });
  return {
    saved,
    getNote: async () => (initial === null ? null : note(initial)),
    setNote: async (_id, text) => {
      saved.push(text);
      return text ? note(text) : null;
    },
    seenElsewhere: async () => ({
      count: seenCount,
      recent: Array.from({ length: Math.min(seenCount, 5) }, (_, i) => ({
        entityId: 'e',
        url: `https://news.example/${i}`,
        title: `Story ${i}`,
        firstSeen: 0,
        lastSeen: Date.UTC(2026, 0, i + 1),
        count: 1,
      })),
    }),
  };
}

describe('the reader panel (card and popup)', () => {
  afterEach(cleanup);

  it('offers an empty note when there is none', async () => {
    render(<ReaderPanel entityId="e" pageUrl="" api={fakeApi(null)} classPrefix="t" />);
    expect(((await screen.findByLabelText('Your note')) as HTMLTextAreaElement).value).toBe('');
  });

  it('shows the stored note as text and saves what is typed, without a Save button', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const api = fakeApi('<b>not bold</b>');
    render(<ReaderPanel entityId="e" pageUrl="" api={api} classPrefix="t" />);
    const area = (await screen.findByLabelText('Your note')) as HTMLTextAreaElement;
    expect(area.value).toBe('<b>not bold</b>');
    fireEvent.input(area, { target: { value: 'New text' } });
    await act(async () => {
      await vi.advanceTimersByTimeAsync(1000);
    });
    expect(api.saved).toEqual(['New text']);
    expect(screen.queryByRole('button', { name: /save/i })).toBeNull();
    vi.useRealTimers();
  });

  it('deletes the note with an undo', async () => {
    const api = fakeApi('Keep me');
    render(<ReaderPanel entityId="e" pageUrl="" api={api} classPrefix="t" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Delete note' }));
    await waitFor(() => expect(api.saved).toEqual(['']));
    expect(screen.getByText('Note deleted.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(api.saved).toEqual(['', 'Keep me']));
    expect((screen.getByLabelText('Your note') as HTMLTextAreaElement).value).toBe('Keep me');
  });

  it('says on how many other pages the name was seen and lists the latest', async () => {
    render(<ReaderPanel entityId="e" pageUrl="https://news.example/now" api={fakeApi(null, 7)} classPrefix="t" />);
    expect(await screen.findByText('Seen on 7 other pages')).toBeTruthy();
    const links = screen.getAllByRole('link');
    expect(links).toHaveLength(5);
    expect(links[0]?.getAttribute('href')).toBe('https://news.example/0');
    expect(links[0]?.textContent).toBe('Story 0');
    expect(screen.queryByRole('button', { name: /clear/i })).toBeNull();
  });

  it('clears one name’s history where the page may (the popup)', async () => {
    const cleared: string[] = [];
    const api = { ...fakeApi(null, 2), clearHistory: async (id: string) => cleared.push(id) };
    render(<ReaderPanel entityId="e" pageUrl="" api={api} classPrefix="t" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Clear this name’s history' }));
    await waitFor(() => expect(screen.queryByText('Seen on 2 other pages')).toBeNull());
    expect(cleared).toEqual(['e']);
  });

  it('in the card, is one line of buttons that open the note and the list', async () => {
    render(<ReaderPanel entityId="e" pageUrl="" api={fakeApi('Mine', 1)} classPrefix="t" compact />);
    const note = await screen.findByRole('button', { name: 'Your note' });
    expect(screen.queryByLabelText('Your note')).toBeNull();
    fireEvent.click(note);
    expect((screen.getByLabelText('Your note') as HTMLTextAreaElement).value).toBe('Mine');
    fireEvent.click(await screen.findByRole('button', { name: 'Seen on 1 other page' }));
    expect(screen.queryByLabelText('Your note')).toBeNull();
    expect(screen.getByRole('link').textContent).toBe('Story 0');
  });

  it('in the card, offers to add a note when there is none', async () => {
    render(<ReaderPanel entityId="e" pageUrl="" api={fakeApi(null)} classPrefix="t" compact />);
    expect(await screen.findByRole('button', { name: 'Add a note' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Seen on/ })).toBeNull();
  });
});
