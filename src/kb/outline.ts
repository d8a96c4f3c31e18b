/**
 * A section's place in its document: its sub-sections, found by id. Sections are in document order, so a
 * section's sub-sections follow it (after its own other parts): only those are read, not the whole index.
 * The reader and `pat show` list them under "In this section"; search reads them to tell a parent's list of
 * its sub-sections from an answer, and to count what a section lists.
 */
import { oncePerIndex } from './memo.js'
import type { KbIndex, Section } from './types.js'

/** A section's id without its `/part-N`: the id of the section its passages belong to. */
export const baseId = (id: string): string => id.replace(/\/part-\d+$/, '')

/** Per section, the index of its passage's first part (a passage's parts stand together, in order). */
export function firstPartsOf (sections: ReadonlyArray<Pick<Section, 'id'>>): Int32Array {
  const first = new Int32Array(sections.length)
  let base = ''
  sections.forEach((s, i) => {
    const b = baseId(s.id)
    first[i] = b === base ? first[i - 1]! : i
    base = b
  })
  return first
}

/** `firstPartsOf` the index's sections, worked out once per index. */
export const firstParts = oncePerIndex((idx: KbIndex): Int32Array => firstPartsOf(idx.sections))

/** The positions in the index of a section's direct sub-sections (the first passage of each), in document order. */
export function subSectionIndices (idx: KbIndex, i: number): number[] {
  const base = baseId(idx.sections[i]!.id)
  const out: number[] = []
  let j = i
  while (j > 0 && baseId(idx.sections[j - 1]!.id) === base) j--
  let last = ''
  for (j++; j < idx.sections.length; j++) {
    const id = baseId(idx.sections[j]!.id)
    if (id === base) continue
    if (!id.startsWith(`${base}/`)) break
    if (id.lastIndexOf('/') === base.length && id !== last) { out.push(j); last = id }
  }
  return out
}

/** A section's direct sub-sections (the first passage of each), in document order. */
export function subSections (idx: KbIndex, section: Section): Section[] {
  const i = idx.sections.indexOf(section)
  return i < 0 ? [] : subSectionIndices(idx, i).map(j => idx.sections[j]!)
}
