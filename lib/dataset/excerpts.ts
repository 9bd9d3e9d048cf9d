import type { Matcher, Mention } from '../match';
import { newPageMemory } from '../match';
import type { Excerpt } from './types';

const QUOTE_CONTEXT = 32;
const MAX_EXCERPTS_PER_ENTITY = 20;
const ABBREVIATION_END = /(?:^|[\s(])(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sen|Rep|Gov|Prof|St|Jr|Sr|[A-Z](?:\.[A-Z])*)\.$/;

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
    let joinNext = false;
    for (const s of segmenter.segment(line)) {
      const raw = s.segment;
      const lead = raw.length - raw.trimStart().length;
      const trimmed = raw.trim();
      if (!trimmed) continue;
      const span: [number, number] = [lineStart + s.index + lead, lineStart + s.index + lead + trimmed.length];
      const prev = spans[spans.length - 1];
      if (joinNext && prev) prev[1] = span[1];
      else spans.push(span);
      // The segmenter ends a sentence after "Mr." or "U.S."; the sentence goes on.
      joinNext = ABBREVIATION_END.test(trimmed);
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

/** A sentence of readable length that names the entity in full, early, reads best on a card. */
function score(e: Excerpt, fullName: boolean): number {
  const len = e.sentence.length;
  const lengthPenalty = len < 60 ? (60 - len) * 2 : len > 320 ? (len - 320) / 2 : 0;
  return lengthPenalty + e.mentionStart / 20 + (fullName ? 0 : 40);
}

/** Runs the matcher over the article set: every excerpt is a real sentence with a real mention. */
export function deriveExcerpts(
  matcher: Matcher,
  articles: readonly ArticleText[],
  isFullName: (alias: string) => boolean = () => true,
): Record<string, Excerpt[]> {
  const byEntity: Record<string, Excerpt[]> = {};
  const scores = new Map<Excerpt, number>();
  for (const article of articles) {
    const spans = sentenceSpans(article.text);
    const seenInArticle = new Set<string>();
    for (const m of matcher.find(article.text, { memory: newPageMemory() })) {
      const e = excerptFor(article, m, spans);
      // One excerpt per sentence and entity: a sentence naming someone twice says it once.
      const key = `${m.entityId}\u0000${e.sentence}`;
      if (seenInArticle.has(key)) continue;
      seenInArticle.add(key);
      scores.set(e, score(e, isFullName(m.alias)));
      byEntity[m.entityId] ??= [];
      byEntity[m.entityId]!.push(e);
    }
  }
  for (const [id, list] of Object.entries(byEntity)) {
    // The same quotation appears in several articles; keep the first of identical sentences.
    const unique = list.filter((e, i) => list.findIndex((o) => o.sentence === e.sentence) === i);
    byEntity[id] = unique.sort((x, y) => (scores.get(x) ?? 0) - (scores.get(y) ?? 0)).slice(0, MAX_EXCERPTS_PER_ENTITY);
  }
  return byEntity;
}
