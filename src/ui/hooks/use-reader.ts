/**
 * The reader's state: the section rendered for the terminal (marked-terminal, loaded on first use) and
 * wrapped to the width, and how far it is scrolled.
 */
import { useEffect, useState } from 'react'
import type { KbIndex, Section } from '../../kb/types.js'
import { wrapText } from '../format/text.js'

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
  return { section, lines: wrapText(text, width) }
}

/** The next (`step` 1) or previous (-1) part of a section split into parts, if there is one. */
export function partOf (index: KbIndex, section: Section, step: 1 | -1): Section | undefined {
  if (!section.parts || !section.part) return undefined
  const want = section.part + step
  if (want < 1 || want > section.parts) return undefined
  const base = section.id.replace(/\/part-\d+$/, '')
  return index.sections.find(s => s.id === (want === 1 ? base : `${base}/part-${want}`))
}
