/** The shapes the knowledge base passes around, and the serialised index format (versioned). */

export interface Section {
  /** Stable slug path, e.g. `sop/establish-the-account/relationships`; a long section's later passages add `/part-N`. */
  id: string
  /** Short id of the source document (`sop`, `strategy`, …; `local/<file>` for a team's own Markdown). */
  doc: string
  /** The source document's title. */
  source: string
  title: string
  /** Parent headings, outermost first (the document title not included). */
  trail: string[]
  /** The section's Markdown, without its heading. */
  text: string
  /**
   * Its sentences' terms (space-separated, one sentence a line): on a section of an index loaded from its
   * file, read with `text` when first asked for (index-file.ts); an index built in memory has `sentenceTerms`.
   */
  sentenceTerms?: string
  /** Glossary terms and acronyms this section defines. */
  terms: string[]
  /** How team members ask for what the section says, in their words (content/asked.json; shipped sections only). */
  asked?: string[]
  /** A glossary entry (it only defines its title): it takes a result slot only when a question asks what the term means. */
  glossary?: boolean
  /** Of a long section split into passages: this passage's number (1-based) and how many there are. */
  part?: number
  parts?: number
  local?: boolean
}

export type Field = 'title' | 'trail' | 'terms' | 'text' | 'asked'
/**
 * A field's postings: per term, its [record index, term frequency] pairs encoded as one string (`postings.ts`),
 * stored as "term⇥encoded" lines sorted by term and looked up by halving (`sorted-text.ts`).
 */
export type Postings = string

export interface Acronym { acronym: string, expansion: string }

export interface KbIndex {
  version: 7
  /** Fingerprint of the content files the index was built from (names, sizes, modification times). */
  fingerprint: string
  sections: Section[]
  postings: Record<Field, Postings>
  lengths: Record<Field, number[]>
  /** Every term, sorted, joined by spaces (`vocabulary.ts`). */
  vocabulary: string
  acronyms: Acronym[]
  /**
   * Per section: its sentences' terms (space-separated, one sentence a line), so a query stems only its own
   * words. Built in memory; an index loaded from its file has them on its sections instead, read lazily.
   */
  sentenceTerms?: string[]
  /** Word families of the vocabulary (`forms.ts` familyTable): key → its stems, space-separated. */
  families?: Record<string, string>
  /** How many asked phrases the shipped passages have (content/asked.json): the asked field's postings number them. */
  phrases?: number
}

export interface Hit {
  id: string
  source: string
  title: string
  trail: string[]
  score: number
  /** The best-matching sentence with its neighbours, matched words marked **like this** (no other Markdown). */
  excerpt: string
  text: string
  /** When the section is split into passages: which one this is, and how many there are ("part 2 of 3"). */
  part?: number
  partOf?: number
  local?: boolean
}

/** A one-line definition of a term the query names, shown above the results (a glossary entry or an acronym). */
export interface Definition { term: string, text: string, id?: string }
