// A three-section handbook the meaning and intent tests rank: money and freight, people, time — each section
// in words of one direction of their small word-vector tables.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { writeWordVectors } from '../../src/kb/word-vectors.js'

export const HANDBOOK = `# Handbook

## Delays

Transportation costs are reduced.

## Staffing

Officers are trained.

## Reviews

The team meets monthly to review.
`

/** Writes a word-vector table of these words (4 numbers each) into `dir`; returns its path. */
export function writeTable (dir: string, vectors: Array<[string, number[]]>): string {
  const path = join(dir, 'words.bin')
  writeFileSync(path, writeWordVectors(vectors, 4))
  return path
}
