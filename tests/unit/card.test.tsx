import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Card } from '@/components/card/Card';
import { mergeDatasets } from '@/lib/datasets/merge';
import { type CardModel, cardModel } from '@/lib/page/card-model';
import { loadBundledDataset } from '../../scripts/dataset-files';

const dataset = loadBundledDataset();

describe('card model', () => {
  it('takes name, note, cited article titles and the best excerpt from the dataset', () => {
    const entity = dataset.entities.find((e) => e.note.citations.length > 0 && dataset.excerpts[e.id]?.length);
    expect(entity).toBeDefined();
    if (!entity) return;
    const model = cardModel(dataset, entity.id, 3);
    const best = dataset.excerpts[entity.id]?.[0];
    expect(model?.name).toBe(entity.name);
    expect(model?.note).toBe(entity.note.text);
    expect(model?.count).toBe(3);
    expect(model?.citations.map((c) => c.id)).toEqual(entity.note.citations);
    for (const c of model?.citations ?? []) {
      const meta = dataset.articles.find((a) => a.id === c.id);
      expect(c.title).toBe(meta?.title);
      expect(c.publisher).toBe(meta?.publisher ?? meta?.source);
      expect(c.date).toBe(meta?.date);
      expect(c.dateImplied).toBe(meta?.dateBasis === 'implied');
    }
    const ex = model?.excerpt;
    expect(ex && ex.before + ex.mention + ex.after).toBe(best?.sentence);
    expect(ex?.mention).toBe(best?.exact);
    expect(ex?.articleId).toBe(best?.articleId);
  });
  it('is null for an unknown entity', () => {
    expect(cardModel(dataset, 'nobody-at-all', 1)).toBeNull();
  });
  it('names the imported dataset a name comes from, and nothing for the bundled one', () => {
    const merged = mergeDatasets(dataset, [
      {
        id: 'newsroom',
        name: 'Newsroom officials',
        enabled: true,
        importedAt: 1,
        compiled: { ...dataset, entities: dataset.entities.slice(0, 1), aliases: [], excerpts: {}, articles: [] },
      },
    ]);
    const id = dataset.entities[0]?.id ?? '';
    const names = { bundled: dataset.name, newsroom: 'Newsroom officials' };
    expect(cardModel({ ...merged, datasetNames: names }, `newsroom/${id}`, 1)?.dataset).toBe('Newsroom officials');
    expect(cardModel({ ...merged, datasetNames: names }, id, 1)?.dataset).toBeUndefined();
    const { container } = render(
      <Card model={{ ...(cardModel(merged, `newsroom/${id}`, 1) as CardModel), dataset: 'Newsroom officials' }} onMore={() => {}} onArticle={() => {}} onClose={() => {}} />,
    );
    expect(container.querySelector('.card__dataset')?.textContent).toBe('From your dataset “Newsroom officials”');
    cleanup();
  });
});

describe('Card', () => {
  afterEach(cleanup);
  const model = {
    entityId: 'x',
    name: 'Example <b>Person</b>',
    type: 'person' as const,
    descriptor: 'An example.',
    note: 'A note.',
    citations: [
      { id: 'a1', title: 'Article one' },
      { id: 'a2', title: 'Article two', publisher: 'ncr-iran', date: '2019-12-31', dateImplied: true },
    ],
    excerpt: {
      articleId: 'a1',
      start: 10,
      end: 16,
      before: 'Before ',
      mention: 'Person',
      after: ' after.',
      title: 'Article one',
      publisher: null,
      date: 'undated',
    },
    count: 2,
  };
  it('renders data as text, with the mention in <mark>, as a labelled dialog', () => {
    const { container } = render(<Card model={model} onMore={() => {}} onArticle={() => {}} onClose={() => {}} />);
    const dialog = container.querySelector('[role="dialog"]');
    expect(dialog?.getAttribute('data-entity-id')).toBe('x');
    expect(dialog?.getAttribute('aria-label')).toBe('Example <b>Person</b>: Person');
    expect(container.querySelector('h2')?.textContent).toBe('Example <b>Person</b>');
    expect(container.querySelector('b')).toBeNull();
    expect(container.querySelector('mark')?.textContent).toBe('Person');
    expect(container.textContent).toContain('2 mentions on this page');
    expect(container.querySelector('figcaption')?.textContent).toBe('Article one, undated');
  });
  it('asks for the full entry, the article passage, and closing', () => {
    const onMore = vi.fn();
    const onArticle = vi.fn();
    const onClose = vi.fn();
    const { getByText, getByLabelText } = render(<Card model={model} onMore={onMore} onArticle={onArticle} onClose={onClose} />);
    fireEvent.click(getByText('More in Gloss'));
    expect(onMore).toHaveBeenCalledWith('x');
    fireEvent.click(getByText('Article one', { selector: 'figcaption cite' }));
    expect(onArticle).toHaveBeenCalledWith('a1', 10, 16);
    fireEvent.click(getByLabelText('Close'));
    expect(onClose).toHaveBeenCalled();
  });
});

describe('Card layout', () => {
  afterEach(cleanup);
  const base = {
    entityId: 'y',
    name: 'Someone',
    type: 'organization' as const,
    descriptor: 'Who this is.',
    note: 'Who this is, at length. In the article set: an article says something.',
    citations: [
      { id: 'a1', title: 'Article one', publisher: 'ncr-iran', date: '2019-12-31', dateImplied: true },
      { id: 'a2', title: 'Article two', publisher: null, date: null, dateImplied: false },
    ],
    excerpt: null,
    count: 1,
  };
  const noop = () => {};
  const show = (model: typeof base) => <Card model={model} onMore={noop} onArticle={noop} onClose={noop} />;
  const toggleOf = (container: Element) => container.querySelector<HTMLButtonElement>('button.card__toggle');

  it('shows descriptor, note, the "More" toggle, excerpt and "More in Gloss" in that order, sources folded', () => {
    const withExcerpt = {
      ...base,
      excerpt: {
        articleId: 'a1',
        start: 0,
        end: 4,
        before: '',
        mention: 'Some',
        after: ' one.',
        title: 'Article one',
        publisher: 'ncr-iran',
        date: '2019-12-31',
      },
    };
    const { container } = render(<Card model={withExcerpt} onMore={noop} onArticle={noop} onClose={noop} />);
    const order = ['.card__descriptor', '.card__note', '.card__toggle', 'figure', '.card__more'].map((sel) => container.querySelector(sel));
    expect(order.every(Boolean)).toBe(true);
    for (let i = 1; i < order.length; i++) {
      expect(order[i - 1]!.compareDocumentPosition(order[i]!) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    }
    expect(container.querySelector('.card__fold')?.classList.contains('card__fold--open')).toBe(false);
    expect(container.querySelector('.card__sources')).toBeNull();
    expect(container.querySelector('figcaption')?.textContent).toBe('Article one, ncr-iran, 31 December 2019');
  });

  it('unfolds the note and lists one source per line (title, publisher, date) behind a button that says its state', () => {
    const { container } = render(show(base));
    const toggle = toggleOf(container);
    expect(toggle?.tagName).toBe('BUTTON');
    expect(toggle?.textContent).toBe('More · 2 sources');
    expect(toggle?.getAttribute('aria-expanded')).toBe('false');
    const fold = container.querySelector(`#${toggle?.getAttribute('aria-controls')}`);
    expect(fold?.contains(container.querySelector('.card__note'))).toBe(true);
    fireEvent.click(toggle!);
    expect(toggle?.getAttribute('aria-expanded')).toBe('true');
    expect(toggle?.textContent).toBe('Less');
    expect(fold?.classList.contains('card__fold--open')).toBe(true);
    const lines = [...container.querySelectorAll('.card__sources li')].map((li) => [...li.children].map((c) => c.textContent));
    expect(lines).toEqual([
      ['Article one', 'ncr-iran, 31 December 2019 (date implied)'],
      ['Article two', 'undated'],
    ]);
    fireEvent.click(toggle!);
    expect(container.querySelector('.card__sources')).toBeNull();
  });

  it('folds again for another entity', () => {
    const { container, rerender } = render(show(base));
    fireEvent.click(toggleOf(container)!);
    expect(toggleOf(container)?.getAttribute('aria-expanded')).toBe('true');
    rerender(show({ ...base, entityId: 'z' }));
    expect(toggleOf(container)?.getAttribute('aria-expanded')).toBe('false');
  });

  it('has no toggle when a short note without sources has nothing to unfold', () => {
    const { container } = render(show({ ...base, note: 'A short note.', citations: [] }));
    expect(toggleOf(container)).toBeNull();
    expect(container.querySelector('.card__fold')?.classList.contains('card__fold--open')).toBe(true);
  });

  it('lists a source from an older model (title only) without a stray separator', () => {
    const { container } = render(show({ ...base, citations: [{ id: 'a1', title: 'Article one' }] as typeof base.citations }));
    fireEvent.click(toggleOf(container)!);
    expect([...container.querySelectorAll('.card__sources li')].map((li) => li.textContent)).toEqual(['Article one']);
  });
});
