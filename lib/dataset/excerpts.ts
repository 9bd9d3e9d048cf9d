import type { Matcher, Mention } from '../match';
import { newPageMemory } from '../match';
import type { Excerpt } from './types';

const QUOTE_CONTEXT = 32;
const MAX_EXCERPTS_PER_ENTITY = 20;

export interface ArticleText {
  id: string;
  text: string;
}

/** Sentence spans of an article, never crossing a line break (the seed articles put headlines and captions on lines of their own). */
function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });
  let lineStart = 0;
  for (const line of text.split('\n')) {
    for (const s of segmenter.segment(line)) {
      const raw = s.segment;
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (trimmed) spans.push([lineStart + s.index + lead, lineStart + s.index + lead + trimmed.length]);
    }
    lineStart += line.length + 1;
  }
  return spans;
}

function excerptFor(article: ArticleText, m: Mention, spans: Array<[number, number]>): Excerpt {
  const span = spans.find(([a, b]) => a <= m.start && m.end <= b) ?? [m.start, m.end];
  const [a, b] = span;
  return {
    entityId: m.entityId,
    articleId: article.id,
    sentence: article.text.slice(a, b),
    mentionStart: m.start - a,
    mentionEnd: m.end - a,
    exact: m.text,
    prefix: article.text.slice(Math.max(0, m.start - QUOTE_CONTEXT), m.start),
    suffix: article.text.slice(m.end, m.end + QUOTE_CONTEXT),
    start: m.start,
    end: m.end,
  };
}

/** A sentence of readable length that names the entity early reads best on a card. */
function score(e: Excerpt): number {
  const len = e.sentence.length;
  const lengthPenalty = len < 60 ? (60 - len) * 2 : len > 320 ? (len - 320) / 2 : 0;
  return lengthPenalty + e.mentionStart / 20;
}

/** Runs the matcher over the article set: every excerpt is a real sentence with a real mention. */
export function deriveExcerpts(matcher: Matcher, articles: readonly ArticleText[]): Record<string, Excerpt[]> {
  const byEntity: Record<string, Excerpt[]> = {};
  for (const article of articles) {
    const spans = sentenceSpans(article.text);
    const seenInArticle = new Set<string>();
    for (const m of matcher.find(article.text, { memory: newPageMemory() })) {
      const e = excerptFor(article, m, spans);
      // One excerpt per sentence and entity: a sentence naming someone twice says it once.
      const key = `${m.entityId}\u0000${e.sentence}`;
      if (seenInArticle.has(key)) continue;
      seenInArticle.add(key);
      byEntity[m.entityId] ??= [];
      byEntity[m.entityId]!.push(e);
    }
  }
  for (const [id, list] of Object.entries(byEntity)) {
    // The same quotation appears in several articles; keep the first of identical sentences.
    const unique = list.filter((e, i) => list.findIndex((o) => o.sentence === e.sentence) === i);
    byEntity[id] = unique.sort((x, y) => score(x) - score(y)).slice(0, MAX_EXCERPTS_PER_ENTITY);
  }
  return byEntity;
}
