import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '@/components/popup/App';
import type { TabState } from '@/lib/popup/host';
import { fakeHost, fixtureDataset, summary } from './popup-fixture';

afterEach(cleanup);

const data = fixtureDataset();
const ready = (counts: Record<string, number>, extra = {}): TabState => ({ status: 'ready', tabId: 7, summary: summary(counts, extra) });

function rowNames(): string[] {
  return [...document.querySelectorAll('.p-row .p-row-name')].map((e) => e.textContent ?? '');
}

async function renderApp(state: TabState, props: Partial<Parameters<typeof App>[0]> = {}) {
  const host = fakeHost(state);
  const onFirstRender = vi.fn();
  render(<App dataset={data} host={host} onFirstRender={onFirstRender} {...props} />);
  await waitFor(() => expect(onFirstRender).toHaveBeenCalledTimes(1));
  return { host, onFirstRender };
}

describe('popup list', () => {
  it('lists the entities of the page with counts, most mentioned first', async () => {
    await renderApp(ready({ 'qais-al-khazali': 2, baghdad: 5, 'mike-pompeo': 1 }));
    expect(rowNames()).toEqual(['Baghdad', 'Qais al-Khazali', 'Mike Pompeo']);
    const first = screen.getByRole('button', { name: /Baghdad/ });
    expect(first.textContent).toContain('5 mentions');
    expect(first.textContent).toContain('Capital of Iraq');
    expect(screen.getByRole('button', { name: /On this page \(3\)/ }).getAttribute('aria-pressed')).toBe('true');
  });

  it('groups by type on request', async () => {
    await renderApp(ready({ 'qais-al-khazali': 2, baghdad: 5, 'mike-pompeo': 1, 'kataib-hezbollah': 1 }));
    fireEvent.change(screen.getByRole('combobox', { name: /Sort/ }), { target: { value: 'type' } });
    const headings = screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual(['People (2)', 'Organizations (1)', 'Places (1)']);
    expect(rowNames()).toEqual(['Qais al-Khazali', 'Mike Pompeo', 'Kataib Hezbollah', 'Baghdad']);
  });

  it('filters by any alias, folding case and diacritics, and says when nothing matches', async () => {
    await renderApp(ready({ 'qais-al-khazali': 2, baghdad: 5, 'kataib-hezbollah': 1 }));
    const search = screen.getByRole('searchbox', { name: /Search names/ });
    fireEvent.input(search, { target: { value: 'QAYS AL KHAZʿALI' } });
    expect(rowNames()).toEqual(['Qais al-Khazali']);
    expect(screen.getByText(/also written “Qays al-Khazʿali”/)).toBeTruthy();
    fireEvent.input(search, { target: { value: 'hizballah' } });
    expect(rowNames()).toEqual(['Kataib Hezbollah']);
    fireEvent.input(search, { target: { value: 'zzz' } });
    expect(rowNames()).toEqual([]);
    expect(screen.getByRole('status').textContent).toContain('No name matches “zzz”');
  });

  it('follows the page live', async () => {
    const { host } = await renderApp(ready({ baghdad: 1 }));
    expect(rowNames()).toEqual(['Baghdad']);
    host.emit(ready({ baghdad: 1, 'mike-pompeo': 4 }));
    await waitFor(() => expect(rowNames()).toEqual(['Mike Pompeo', 'Baghdad']));
  });

  it('browses every entity in the "All" view, even on a page without names', async () => {
    await renderApp(ready({}));
    expect(screen.getByRole('status').textContent).toContain('No names from the dataset on this page');
    fireEvent.click(screen.getByRole('button', { name: 'Browse all 4 entities' }));
    expect(rowNames()).toEqual(['Mike Pompeo', 'Qais al-Khazali', 'Kataib Hezbollah', 'Baghdad']);
    expect(document.querySelector('.p-row-count')).toBeNull();
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'pomp' } });
    expect(rowNames()).toEqual(['Mike Pompeo']);
  });
});

describe('popup keyboard', () => {
  it('moves through rows with arrows, opens with Enter in search, returns with Escape', async () => {
    await renderApp(ready({ 'qais-al-khazali': 2, baghdad: 5 }));
    const search = screen.getByRole('searchbox');
    search.focus();
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toContain('Baghdad');
    fireEvent.keyDown(document.activeElement as Element, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toContain('Qais al-Khazali');
    fireEvent.keyDown(document.activeElement as Element, { key: 'Home' });
    expect(document.activeElement?.textContent).toContain('Baghdad');

    fireEvent.click(screen.getByRole('button', { name: /Qais al-Khazali/ }));
    const heading = await screen.findByRole('heading', { level: 2, name: 'Qais al-Khazali' });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    fireEvent.keyDown(document, { key: 'Escape' });
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Qais al-Khazali'));
    expect(rowNames()).toEqual(['Baghdad', 'Qais al-Khazali']);

    fireEvent.input(search, { target: { value: 'bagh' } });
    fireEvent.keyDown(screen.getByRole('searchbox'), { key: 'Enter' });
    expect(await screen.findByRole('heading', { level: 2, name: 'Baghdad' })).toBeTruthy();
  });
});

describe('entity detail', () => {
  it('shows names, note with citations and every excerpt with the mention marked', async () => {
    await renderApp(ready({ 'qais-al-khazali': 3 }));
    fireEvent.click(screen.getByRole('button', { name: /Qais al-Khazali/ }));
    const detail = await screen.findByRole('article');
    const d = within(detail);
    expect(d.getByText('Leader of Asaib Ahl al-Haq')).toBeTruthy();
    expect([...detail.querySelectorAll('.g-aliases li')].map((li) => li.textContent)).toEqual(['Qays al-Khazʿali', 'Khazali']);
    expect(d.getByText('Named by the US as an organizer of the embassy attack.')).toBeTruthy();
    const citations = detail.querySelectorAll('.g-citation-list li');
    expect(citations).toHaveLength(2);
    expect(citations[0]?.textContent).toContain('Title of a1');
    expect(citations[0]?.textContent).toContain('The Daily, 3 January 2020');
    expect(citations[1]?.textContent).toContain('[editorial title]');
    expect(citations[1]?.textContent).toContain('undated');

    const marks = [...detail.querySelectorAll('.g-excerpt mark')].map((m) => m.textContent);
    expect(marks).toEqual(['Qais al-Khazali', 'Khazali']);
    // Sentences are text: markup in them is shown, not interpreted.
    expect(detail.querySelector('.g-excerpt b')).toBeNull();
    expect(detail.textContent).toContain('<b>denied</b>');

    const link = within(detail.querySelector('.g-excerpt') as HTMLElement).getByRole('link', { name: 'Title of a1' });
    expect(link.getAttribute('href')).toMatch(/\/article\.html\?id=a1#\d+-\d+$/);
    expect(link.getAttribute('target')).toBe('_blank');
  });

  it('"Show on page" asks the tab and reports which mention it shows', async () => {
    const { host } = await renderApp(ready({ baghdad: 3 }));
    fireEvent.click(screen.getByRole('button', { name: /Baghdad/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Show on page' }));
    expect(host.showMention).toHaveBeenCalledWith(7, 'baghdad');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Mention 1 of 3'));
  });

  it('opens directly on an entity (?entity=ID) and goes back to all entities', async () => {
    await renderApp({ status: 'unavailable', tabId: null, url: null, kind: 'extension' }, { initialEntityId: 'kataib-hezbollah' });
    expect(screen.getByRole('heading', { level: 2, name: 'Kataib Hezbollah' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show on page' })).toBeNull();
    expect(screen.getByText('General background; not drawn from an article in the set.')).toBeTruthy();
    expect(screen.getByText('No article in the set mentions this name.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Back/ }));
    expect(screen.getByRole('button', { name: 'All (4)' }).getAttribute('aria-pressed')).toBe('true');
    expect(rowNames()).toHaveLength(4);
  });

  it('says so when the entity is unknown', async () => {
    await renderApp(ready({}), { initialEntityId: 'nobody' });
    expect(screen.getByRole('status').textContent).toContain('There is no entity “nobody”');
  });
});

describe('empty states', () => {
  it.each([
    ['browser', 'Gloss does not run on browser pages'],
    ['store', 'Extensions cannot run on this page'],
    ['pdf', 'Gloss cannot read PDF files'],
    ['file', 'Gloss cannot read local files yet'],
    [null, 'Gloss cannot read this page'],
    ['web', 'Gloss cannot read this page'],
  ] as const)('explains a page without content script (%s)', async (kind, title) => {
    await renderApp({ status: 'unavailable', tabId: 3, url: null, kind });
    expect(screen.getByRole('status').textContent).toContain(title);
    fireEvent.click(screen.getByRole('button', { name: /Browse all 4 entities/ }));
    expect(rowNames()).toHaveLength(4);
  });

  it('shows a paused site with a switch that resumes it', async () => {
    const { host } = await renderApp(ready({ baghdad: 2 }, { paused: 'site' }));
    expect(screen.getByRole('status').textContent).toContain('Gloss is paused on news.example.com');
    expect(rowNames()).toEqual([]);
    const toggle = screen.getByRole('switch', { name: 'Highlight names on this site' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(toggle);
    expect(host.resume).toHaveBeenCalledWith(expect.objectContaining({ paused: 'site' }));
    host.emit(ready({ baghdad: 2 }));
    await waitFor(() => expect(rowNames()).toEqual(['Baghdad']));
  });

  it('reports the first render once, after the tab state arrived', async () => {
    const { onFirstRender, host } = await renderApp(ready({ baghdad: 1 }));
    host.emit(ready({ baghdad: 2 }));
    await waitFor(() => expect(document.querySelector('.p-row-count')?.textContent).toContain('2'));
    expect(onFirstRender).toHaveBeenCalledTimes(1);
  });
});
