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
  /** Glossary terms and acronyms this section defines. */
  terms: string[]
  local?: boolean
}

export type Field = 'title' | 'trail' | 'terms' | 'text'
/** term → [record index, term frequency] pairs. */
export type Postings = Record<string, Array<[number, number]>>

export interface Acronym { acronym: string, expansion: string }

export interface KbIndex {
  version: 1
  /** Fingerprint of the content files the index was built from (names, sizes, modification times). */
  fingerprint: string
  sections: Section[]
  postings: Record<Field, Postings>
  lengths: Record<Field, number[]>
  vocabulary: string[]
  acronyms: Acronym[]
}

export interface Hit {
  id: string
  source: string
  title: string
  trail: string[]
  score: number
  excerpt: string
  text: string
  local?: boolean
}
