import { z } from 'zod';

/**
 * The Gloss dataset format: the bundled `assets/entities.json` and every dataset a user imports.
 * Documented for people in docs/dataset-schema.md; keep the two in step.
 */

export const ENTITY_TYPES = ['person', 'organization', 'place'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/[\r\n]/.test(s), 'must be a single line');

/** Plain text only: notes are rendered as text, but markup in a dataset is a sign of a hostile or broken file. */
const plainText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => !/<\s*[a-z!/?]/i.test(s), 'must be plain text (no HTML)');

export const aliasSchema = z.strictObject({
  /** A spelling as the press writes it. Matching folds case, diacritics, apostrophes, hyphens and transliteration variants. */
  text: oneLine(120),
  /**
   * How freely the alias may match on its own:
   * - `always`: a distinctive name, matched anywhere (full names, unique surnames like "Khamenei").
   * - `after-full-name`: only after a full (`always`) alias of the same entity appeared earlier on the page ("Khazali").
   * - `context`: only when one of `context` appears in the same block, or after a full alias appeared on the page ("Badr").
   * Default: `always` for aliases of two or more words, `after-full-name` for a single word.
   */
  match: z.enum(['always', 'after-full-name', 'context']).optional(),
  /** Words (any case) that make a `context` alias refer to this entity when they appear in the same block. */
  context: z.array(oneLine(60)).max(50).optional(),
  /** Acronyms and other case-sensitive spellings ("IRGC", "PMF", "KH"): matched exactly as written, no folding. */
  caseSensitive: z.boolean().optional(),
  /** The alias is knowingly shared with another entity of the dataset; the first entity that lists it wins. */
  ambiguous: z.boolean().optional(),
  /** BCP 47 script or language tag for names not in Latin script ("fa", "ar"). */
  lang: z.string().max(20).optional(),
});

/** What a surname of a person may do on its own; see `surnames`. */
export const SURNAME_RULES = ['stands-alone', 'needs-full-name', 'not-a-surname'] as const;

export const surnameDecisionSchema = z.strictObject({
  /** The surname as a one-word alias has it, or as the compiler derives it from a full name ("Soleimani"). */
  text: oneLine(60),
  /**
   * - `stands-alone`: distinctive in news, a mention anywhere ("Pompeo", "Soleimani").
   * - `needs-full-name`: shared by many people; a mention when the full name is on the page or a fitting title
   *   (`titles`) stands before it ("Kadhimi").
   * - `not-a-surname`: not to be used alone at all, e.g. a father's name in a full name ("Osama" in "Tahseen Osama").
   */
  rule: z.enum(SURNAME_RULES),
  /** Why: what the decision rests on (how the press uses the name, who else bears it). */
  evidence: plainText(600),
});

export const citedTextSchema = z.strictObject({
  /** One to three neutral sentences; claims of the articles are attributed ("The NCRI says ..."). */
  text: plainText(1200),
  /** Ids of the articles the note relies on; each must exist in the article set. Empty for general knowledge. */
  citations: z.array(z.string().min(1).max(80)).max(20),
});

export const entitySchema = z.strictObject({
  /** Stable id: lowercase words joined by hyphens. */
  id: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens')
    .max(80),
  name: oneLine(120),
  type: z.enum(ENTITY_TYPES),
  /** One line that answers "who is this?". */
  descriptor: plainText(160),
  note: citedTextSchema,
  aliases: z.array(aliasSchema).min(1).max(200),
  /**
   * Titles, offices and roles that fit the entity, as the press writes them before a bare surname ("Prime Minister",
   * "Gen."): one of them lets a `needs-full-name` surname stand alone, and an office that is not here makes the
   * surname someone else's ("Vice President al-Hashimi"). For an organization: the country words that fit it
   * ("Iranian", "Iran's"), so that another country's ("Libya's Revolutionary Guard") is not it.
   */
  titles: z.array(oneLine(60)).max(50).optional(),
  /**
   * Longer names that hold one of the entity's names but name someone or something else ("Trump Tower", "Mojtaba
   * Khamenei"): where they stand, the name inside them is not a mention of the entity.
   */
  lookalikes: z.array(oneLine(120)).max(200).optional(),
  /** Per surname of a person, whether it may stand alone, with the evidence (see SURNAME_RULES). */
  surnames: z.array(surnameDecisionSchema).max(20).optional(),
});

export const datasetSchema = z.strictObject({
  $schema: z.string().optional(),
  /** Format version of this schema. */
  version: z.literal(1),
  name: oneLine(120),
  description: plainText(2000).optional(),
  entities: z.array(entitySchema).min(1).max(100_000),
});

export type AliasInput = z.infer<typeof aliasSchema>;
export type SurnameDecision = z.infer<typeof surnameDecisionSchema>;
export type EntityInput = z.infer<typeof entitySchema>;
export type DatasetInput = z.infer<typeof datasetSchema>;

export const articleMetaSchema = z.strictObject({
  /** The seed file name without extension, e.g. "001_099a10ef6d6aad87"; also the citation id. */
  id: z.string().min(1).max(80),
  file: z.string().min(1),
  title: oneLine(300),
  /** true when the article has no headline of its own and the title was written by the Gloss editors. */
  titleIsEditorial: z.boolean(),
  /** As the article states it ("ncr-iran" from its `Source » ncr-iran` line), or null when it does not say. */
  source: z.string().nullable(),
  publisher: z.string().nullable(),
  /** ISO date (YYYY-MM-DD or YYYY-MM) or null when unknown. */
  date: z.string().nullable(),
  /** `stated`: the article states it as its own date; `implied`: inferred from the text (dateNote says from what, and any outside knowledge it needs). */
  dateBasis: z.enum(['stated', 'implied']).nullable(),
  dateNote: z.string().nullable(),
  language: z.string().min(2).max(20),
});
export type ArticleMeta = z.infer<typeof articleMetaSchema>;
export const articleIndexSchema = z.array(articleMetaSchema).min(1);
