import { cleanup, render } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceLine } from '@/components/entity/SourceLine';
import type { ArticleMeta } from '@/lib/dataset/schema';

const meta = (extra: Partial<ArticleMeta>): ArticleMeta => ({
  id: 'a1',
  file: 'a1.txt',
  title: 'A report',
  titleIsEditorial: false,
  source: 'ncr-iran',
  publisher: null,
  date: '2019-12-31',
  dateBasis: 'implied',
  dateNote: 'From the attack of Tuesday, December 31.',
  language: 'en',
  ...extra,
});

describe('SourceLine', () => {
  afterEach(cleanup);
  it('gives title, publisher and date, marks an implied date and says what it rests on', () => {
    const { container } = render(<SourceLine meta={meta({})} />);
    expect(container.textContent).toBe('A report — ncr-iran, 31 December 2019 (date implied)');
    expect(container.querySelector('.g-source-meta [title]')?.getAttribute('title')).toBe('From the attack of Tuesday, December 31.');
  });
  it('says "undated" for an unknown date, with the reason it is unknown', () => {
    const { container } = render(<SourceLine meta={meta({ date: null, dateBasis: null, dateNote: 'The page’s signals disagree.' })} />);
    expect(container.textContent).toBe('A report — ncr-iran, undated');
    expect(container.querySelector('.g-undated')?.getAttribute('title')).toBe('The page’s signals disagree.');
  });
});
