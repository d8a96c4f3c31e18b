/**
 * Every ranking weight of the knowledge-base search in one typed table, so the tuner
 * (`bench/relevance/tune.js`) can try values on the tuning half of the relevance set and write the best
 * ones back here, and a reader sees in one place what the ranking trades against what. `search.ts` explains
 * what each weight does where it is used; the values between the markers are written by the tuner.
 */
import type { Field } from './types.js'

export interface Weights {
  /** BM25 weight of a match in each field (title, glossary terms and table labels, parent headings, text). */
  field: Record<Field, number>
  /** BM25 term-frequency saturation. */
  k1: number
  /** BM25 length normalisation per field: a long list of table labels should not bury the one that matches. */
  b: Record<Field, number>
  /** The BM25 score is multiplied by (coverageBase + the share of the query's own words the section matches). */
  coverageBase: number
  /**
   * An acronym named beside other words ("how does NASC pick accounts") matches a heading or label at this
   * share of its weight: the section naming the office describes it; the one on what it does answers.
   */
  actorHeading: number
  /** A thesaurus word for a query word the documents also use: it only nudges. */
  thesaurus: number
  /** The documents' word standing in for a query word they never use ("picks" → select). */
  standIn: number
  /** Another form of a query word (`forms.ts`: "notify" → notification, "chose" → choose): counts as the word. */
  form: number
  /** Words a question form is answered with ("how often" → annually, every…). */
  question: number
  /** A sentence holding a figure counts this much more for a "how much / how many" question (× 1 + quantity). */
  quantity: number
  /** A sentence stating a condition ("If your account is on the CA list, …") counts this much more for "what if …". */
  condition: number
  /** A sentence saying how brief or full a thing is counts this much more for "how long should the plan be". */
  extent: number
  /** The documents' role names, for a "who …" question. */
  role: number
  /** An acronym alone in the query looks up its spelled-out form at this weight; beside other words at `acronymBeside`. */
  acronymAlone: number
  acronymBeside: number
  /** A typo correction at edit distance 1 and 2 (the nearest one; further candidates weigh half). */
  typo1: number
  typo2: number
  /** How many BM25 candidates are re-scored by their best sentence. */
  rerankSentences: number
  /**
   * A candidate's score is BM25^bm25Power × (sentenceBase + the share of the query its best sentence
   * holds)^sentencePower: below 1, a long section's larger BM25 counts for less against one sentence
   * holding the question.
   */
  bm25Power: number
  sentenceBase: number
  sentencePower: number
  /** The share of the query a sentence can hold (phrase bonuses can take it above 1). */
  sentenceCap: number
  /** Two neighbouring sentences read as one count at this share of what they hold together (0: single sentences only). */
  window: number
  /** Two neighbouring query words side by side in a sentence, against the two words alone. */
  phrase: number
  /** Added to the sentence factor of a passage defining what a "what is …" question asks about. */
  defines: number
  /** Added to the sentence factor of a passage listing as many things as "what are the 5 steps of …" asks for. */
  lists: number
  /** A query close to a section's title lifts it by up to this share of the top score. */
  title: number
  /** A query naming one of a section's labels whole (a checklist item, a form field) lifts it by this share. */
  label: number
  /**
   * The nearest asked phrase (`nearest-asked.ts`): a candidate's score, as a share of the best candidate's,
   * plus this × the share of the query one phrase asked for it holds.
   */
  nearest: number
  /** Nearness in meaning (`meaning.ts`): a candidate's share of the best score plus this × (1 + cosine). */
  meaning: number
  /** The intent model (`intent.ts`): a candidate's share of the best score plus this × the model's probability for its passage. */
  intent: number
}

// tuned:begin (written by bench/relevance/tune.js)
export const WEIGHTS: Weights = {
  field: { title: 2.5, trail: 1, terms: 1, text: 1, asked: 3 },
  k1: 1.2,
  b: { title: 0.5, trail: 0.5, terms: 0.2, text: 0.75, asked: 0.75 },
  coverageBase: 0.5,
  actorHeading: 0.3,
  thesaurus: 0.6,
  standIn: 0.9,
  form: 0.8,
  question: 0.2,
  quantity: 0.5,
  condition: 0.5,
  extent: 0.5,
  role: 0.1,
  acronymAlone: 0.8,
  acronymBeside: 0.3,
  typo1: 0.85,
  typo2: 0.6,
  rerankSentences: 10,
  bm25Power: 0.85,
  sentenceBase: 0.1,
  sentencePower: 3,
  sentenceCap: 2,
  window: 0.9,
  phrase: 1,
  defines: 2,
  lists: 1,
  title: 0.1,
  label: 0.35,
  nearest: 2.5,
  meaning: 1,
  intent: 0.1
}
// tuned:end
