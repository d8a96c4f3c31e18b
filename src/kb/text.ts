/**
 * A section's Markdown as plain text and as sentences: the units search scores (the best sentence answers)
 * and excerpts show. Used when the index is built (each sentence's terms are stored) and at query time.
 */
import { terms } from './tokens.js'

/**
 * Markdown reduced to plain text for excerpts: emphasis, code and link markup dropped, table rows joined with
 * " · ", list bullets and heading marks removed — so marking matches with ** can never nest or break.
 */
export function plain (markdown: string): string {
  return markdown.split('\n').map(line => {
    let l = line.trim()
    if (/^\|?\s*:?-{3,}/.test(l)) return ''
    if (l.startsWith('|')) l = l.replace(/^\||\|$/g, '').split('|').map(c => c.trim()).filter(c => c && c !== '☐').join(' · ')
    return l.replace(/^(?:[-*+]|\d+[.)]|#+)\s+/, '').replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/\*\*|__|[*_`]/g, '').replace(/\\([\\*_#|])/g, '$1')
  }).join('\n')
}

/** The text split into sentences: at line ends and at a full stop, question or exclamation mark before a space. */
export function sentences (text: string): string[] {
  return text.split('\n').flatMap(l => l.split(/(?<=[.!?])\s+(?=[A-Z("])/)).map(t => t.trim()).filter(Boolean)
}

/** Each sentence's index terms, space-separated, one sentence a line: stored in the index at build time. */
export function sentenceTerms (markdown: string): string {
  return sentences(plain(markdown)).map(t => terms(t).join(' ')).join('\n')
}
