import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Card } from '@/components/card/Card';
import { cardModel } from '@/lib/page/card-model';
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
      expect(c.title).toBe(dataset.articles.find((a) => a.id === c.id)?.title);
    }
    const ex = model?.excerpt;
    expect(ex && ex.before + ex.mention + ex.after).toBe(best?.sentence);
    expect(ex?.mention).toBe(best?.exact);
    expect(ex?.articleId).toBe(best?.articleId);
  });
  it('is null for an unknown entity', () => {
    expect(cardModel(dataset, 'nobody-at-all', 1)).toBeNull();
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
    citations: [{ id: 'a1', title: 'Article one' }],
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
