/**
 * The shape of a note's text: a lead saying who the entity is (well-documented facts), then, after
 * "In the article set:", the claims of the articles it cites, attributed. Quotations are in curly double
 * quotes, so that they can be checked against the articles.
 */

export const ARTICLE_SET_MARK = 'In the article set:';

/** The claims attributed to the article set: the text after the mark, or '' when the note has none. */
export function attributedPart(note: string): string {
  const at = note.indexOf(ARTICLE_SET_MARK);
  return at < 0 ? '' : note.slice(at + ARTICLE_SET_MARK.length).trim();
}

/**
 * The phrases quoted in a text (inside “…”), split at ellipses: "“the youths … are not”" quotes two phrases.
 * Apostrophes and straight quotes are not quotation marks here.
 */
export function quotedPhrases(text: string): string[] {
  return [...text.matchAll(/“([^”]*)”/g)].flatMap((m) =>
    (m[1] ?? '')
      .split(/…|\.\.\./)
      .map((part) => part.trim())
      .filter(Boolean),
  );
}

/** A text as compared with a quotation of it: typographic apostrophes, quotes and dashes plain, spaces collapsed. */
export function sourceForm(text: string): string {
  return text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}
