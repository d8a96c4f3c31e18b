/**
 * Escaping user text for the documents PAT Desk writes: Markdown (so recorded text can never become markup)
 * and HTML, plus the heading anchors a table of contents links to. Both show control characters as visible
 * symbols (domain/printable.ts): an export is read in terminals and browsers, and a teammate's escape
 * sequence must not reach either raw.
 */
import { printable } from '../domain/printable.js'
/**
 * Escapes text for Markdown: every character that could start markup inline (and `<`/`&`, so no HTML gets
 * through), plus what would make a line a heading, list item, quote or rule. The result reads the same
 * as the input once rendered; in the .md file the escapes are backslashes.
 */
export function mdEscape (value: unknown): string {
  if (value === undefined || value === null) return ''
  return printable(String(value))
    .replace(/[\\`*_[\]<>|~&]/g, c => '\\' + c)
    .replace(/^(\s*)(#{1,6})(?=\s|$)/gm, '$1\\$2')
    .replace(/^(\s*)([-+=])(?=\s|$|[-=\s]*$)/gm, '$1\\$2')
    .replace(/^(\s*)(\d{1,9})([.)])(?=\s|$)/gm, '$1$2\\$3')
}

/** Escapes text for HTML (element content and quoted attribute values). */
export function htmlEscape (value: unknown): string {
  return printable(String(value ?? '')).replace(/[&<>"']/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}

/** The anchor of a heading, as GitHub computes it (so the table of contents links work in both formats). */
export function slug (text: string): string {
  return text.toLowerCase().replace(/\\(.)/g, '$1').replace(/[^\p{L}\p{N}\s_-]/gu, '').trim().replace(/\s/g, '-')
}

// ---- the context -----------------------------------------------------------------------------------
