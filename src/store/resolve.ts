/**
 * Finding the thing a person means: an account, contact or plan item named by id, by unique id prefix, by
 * its number in the listed order, or by its name. An unknown or ambiguous reference is an InputError that
 * names the nearest candidates (fuzzy-matched), so a typo costs one more keystroke, not a lookup.
 */
import Fuse from 'fuse.js'
import { InputError } from '../domain/index.js'
import { clip, quote } from '../domain/printable.js'

interface Named { id: string, name?: string, title?: string, deficiency?: string }

export interface ResolveOptions<T> {
  noun: string
  listHint: string
  /** Accept 1-based positions in `items` (the order a list command prints). */
  numbered?: boolean
  label?: (item: T) => string
}

const defaultLabel = (x: Named) => x.name ?? x.title ?? x.deficiency ?? x.id

export function resolveRef<T extends Named> (ref: string, items: readonly T[], opts: ResolveOptions<T>): T {
  const label = opts.label ?? defaultLabel
  const want = ref.trim()
  if (want === '') throw new InputError(`empty ${opts.noun} reference: give an id, a number or a name; see ${opts.listHint}`)
  const named = (item: T) => `${clip(label(item), 40)} [${item.id}]`
  const lower = want.toLowerCase()
  const exact = items.find(i => i.id === want)
  if (exact) return exact
  if (opts.numbered && /^#?\d+$/.test(want)) {
    const n = Number(want.replace('#', ''))
    const hit = items[n - 1]
    if (hit) return hit
    throw new InputError(`no ${opts.noun} number ${n}: there are ${items.length}; see ${opts.listHint}`)
  }
  const candidates = [
    items.filter(i => i.id.startsWith(lower)),
    items.filter(i => label(i).toLowerCase() === lower),
    items.filter(i => label(i).toLowerCase().includes(lower))
  ]
  for (const found of candidates) {
    if (found.length === 1) return found[0]!
    if (found.length > 1) {
      throw new InputError(`${quote(want)} matches ${found.length} ${opts.noun}s (${found.slice(0, 4).map(named).join(', ')}): give the id`)
    }
  }
  const near = new Fuse(items as T[], { keys: [{ name: 'id', getFn: (i: T) => i.id }, { name: 'label', getFn: (i: T) => label(i) }], threshold: 0.5 })
    .search(want, { limit: 3 }).map(r => named(r.item))
  const hint = near.length ? `; did you mean ${near.join(', ')}?` : `; see ${opts.listHint}`
  throw new InputError(`unknown ${opts.noun} ${quote(want)}${hint}`)
}
