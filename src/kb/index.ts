/**
 * The knowledge base: the SOP and strategy documents in content/ (and a team's own Markdown in the
 * workspace's kb/ folder), split at their headings into sections with marked's lexer, indexed at build
 * time, and searched in a few milliseconds — exact and typo-tolerant terms, acronyms and their spelled-out
 * forms, weighted towards titles, headings and glossary terms. Nothing here touches the workspace database.
 */
export type { Section, KbIndex, Hit } from './types.js'
export { loadIndex, contentDir } from './load.js'
export { search, suggestTerms } from './search.js'
export { findSection, nearestIds } from './lookup.js'
export { renderSection } from './render.js'
