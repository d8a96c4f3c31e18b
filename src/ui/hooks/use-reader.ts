/**
 * The reader's state: the section rendered for the terminal (marked-terminal, loaded on first use) and
 * wrapped to the width, and how far it is scrolled.
 */
import { useEffect, useState } from 'react'
import type { KbIndex, Section } from '../../kb/types.js'
import { wrapText } from '../format/text.js'
import { baseId, subSections } from '../../kb/outline.js'

export function useSectionLines (index: KbIndex | undefined, id: string, width: number): { section?: Section, lines: string[], error?: string } {
  const section = index?.sections.find(s => s.id === id)
  const [rendered, setRendered] = useState<{ key: string, text: string } | undefined>()
  const key = `${id}@${width}`
  useEffect(() => {
    if (!section) return
    let live = true
    import('../../kb/render.js').then(
      ({ renderSection }) => { if (live) setRendered({ key, text: renderSection(section, { width, color: false }) }) },
      () => { if (live) setRendered({ key, text: section.text }) }
    )
    return () => { live = false }
  }, [section, width, key])
  if (!index) return { lines: ['Loading the knowledge base…'] }
  if (!section) return { lines: [], error: `no section "${id}" in the knowledge base` }
  // Until the renderer has loaded, the Markdown itself.
  const text = rendered?.key === key ? rendered.text : `${section.title}\n\n${section.text}`
  return { section, lines: [...wrapText(text, width), ...subSectionLines(index, section, width)] }
}

/**
 * Under the last passage of a section with sub-sections, their titles: "The Process" is two sentences and
 * its five steps, and the reader opens the n-th with its number key.
 */
export function subSectionLines (index: KbIndex, section: Section, width: number): string[] {
  const subs = section.part !== section.parts ? [] : subSections(index, section)
  if (subs.length === 0) return []
  const n = Math.min(9, subs.length)
  const keys = n === 1 ? '1 opens it' : `1–${n} open one`
  // The key's number before the title, unless the title is numbered so already ("1. Select an importer…").
  const label = (title: string, k: number) => (k >= 9 ? `     ${title}` : title.startsWith(`${k + 1}. `) ? `  ${title}` : `  ${k + 1}. ${title}`)
  return ['', ...wrapText(`In this section (${keys}):`, width), ...subs.flatMap((s, k) => wrapText(label(s.title, k), width))]
}

/** The next (`step` 1) or previous (-1) part of a section split into parts, if there is one. */
export function partOf (index: KbIndex, section: Section, step: 1 | -1): Section | undefined {
  if (!section.parts || !section.part) return undefined
  const want = section.part + step
  if (want < 1 || want > section.parts) return undefined
  const base = baseId(section.id)
  return index.sections.find(s => s.id === (want === 1 ? base : `${base}/part-${want}`))
}
