/**
 * Splitting a Markdown document into sections at its headings, with marked's lexer (so headings inside
 * code or lists are never mistaken for sections). Each section gets a stable id — the document id and the
 * slugs of its heading path — its parent headings as a trail, and its own text. A heading with no text of
 * its own (only sub-sections) produces no section: it lives on in its children's trails. Table cells are
 * labels (checklist items, form fields), so they join the section's terms and weigh like glossary terms. A very long
 * section becomes passages of about PASSAGE_CHARS, split at paragraph boundaries, each keeping the trail.
 */
import { Lexer, type Tokens } from 'marked'
import { splitFrontMatter } from './frontmatter.js'
import type { Section } from './types.js'

export const PASSAGE_CHARS = 1600

const GLOSSARY_HEADING = /^(glossary|acronyms?|definitions)\b/i

export function slug (heading: string, max = 48): string {
  const s = heading.toLowerCase().replace(/[’']/g, '').replace(/^[ivx]+\.\s+|^\d+[.)]\s+|^[a-z][.)]\s+/i, '')
    .replace(/[^a-z0-9#]+/g, '-').replace(/#/g, '').replace(/^-+|-+$/g, '')
  if (s.length <= max) return s || 'section'
  return s.slice(0, max).replace(/-[^-]*$/, '') || s.slice(0, max)
}

export interface DocInput { markdown: string, fallbackId: string, local?: boolean }

export function splitSections ({ markdown, fallbackId, local }: DocInput): Section[] {
  const { meta, body } = splitFrontMatter(markdown)
  const doc = meta.id ?? fallbackId
  const tokens = new Lexer().lex(body)
  const h1 = tokens.find(t => t.type === 'heading' && (t as { depth: number }).depth === 1) as { text: string } | undefined
  const source = meta.title ?? h1?.text ?? doc
  const out: Section[] = []
  const stack: Array<{ depth: number, title: string, slug: string }> = []
  const used = new Set<string>()
  let current: { title: string, trail: string[], path: string[], text: string[], cells: string[] } = { title: source, trail: [], path: [], text: [], cells: [] }

  const flush = () => {
    const text = current.text.join('').trim()
    if (!text) return
    const base = current.path.length ? current.path.join('/') : uniqueId(doc, used)
    const inGlossary = current.trail.some(t => GLOSSARY_HEADING.test(t))
    const terms = [...(inGlossary ? [current.title] : []), ...new Set(current.cells)]
    const parts = passages(text)
    parts.forEach((part, i) => out.push({
      id: i === 0 ? base : `${base}/part-${i + 1}`,
      doc,
      source,
      title: current.title,
      trail: current.trail,
      text: part,
      terms,
      ...(inGlossary ? { glossary: true } : {}),
      ...(parts.length > 1 ? { part: i + 1, parts: parts.length } : {}),
      ...(local ? { local } : {})
    }))
  }

  for (const token of tokens) {
    if (token.type === 'heading') {
      const { depth, text } = token as { depth: number, text: string }
      flush()
      if (depth === 1) { stack.length = 0; current = { title: text, trail: [], path: [], text: [], cells: [] }; continue }
      while (stack.length && stack[stack.length - 1]!.depth >= depth) stack.pop()
      const trail = stack.map(s => s.title)
      // A repeated heading gets a suffix, and its sub-sections live under the suffixed id.
      const id = uniqueId([doc, ...stack.map(s => s.slug), slug(text)].join('/'), used)
      stack.push({ depth, title: text, slug: id.split('/').at(-1)! })
      current = { title: text, trail, path: [id], text: [], cells: [] }
    } else {
      current.text.push(token.raw)
      if (token.type === 'table') current.cells.push(...tableLabels(token as Tokens.Table))
    }
  }
  flush()
  return out
}

/** A table's cells are labels (checklist items, form fields): they count as the section's terms. */
function tableLabels (table: Tokens.Table): string[] {
  return [...table.header, ...table.rows.flat()].map(c => c.text.replace(/[*_`]/g, '').trim())
    .filter(t => /[A-Za-z]{2}/.test(t) && t.length <= 60)
}

function uniqueId (id: string, used: Set<string>): string {
  let candidate = id
  for (let n = 2; used.has(candidate); n++) candidate = `${id}-${n}`
  used.add(candidate)
  return candidate
}

/** Splits text at blank lines into chunks of at most PASSAGE_CHARS (a single longer paragraph stays whole). */
export function passages (text: string): string[] {
  if (text.length <= PASSAGE_CHARS) return [text]
  const paragraphs = text.split(/\n{2,}/)
  const out: string[] = []
  let chunk = ''
  for (const p of paragraphs) {
    if (chunk && chunk.length + p.length + 2 > PASSAGE_CHARS) { out.push(chunk); chunk = '' }
    chunk = chunk ? `${chunk}\n\n${p}` : p
  }
  if (chunk) out.push(chunk)
  return out
}
