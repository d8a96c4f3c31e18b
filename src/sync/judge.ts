/**
 * How an update from the other side — a peer (session.ts) or a hub (hub-room.ts) — is let in: only what it
 * brings that this side lacks (Y.diffUpdate against the document's state vector) is judged by the roster
 * rules (`accept`, store/sync-target.ts) and, when they let it in, applied. Yjs would otherwise park a
 * struct this side already has, sent again with an origin nobody has, in its pending structs for good.
 *
 * A refused update never blocks the rest of what it brings: it is split into parts, one per writer (client
 * id) plus one with its deletions (store/update-parts.ts), and each part is judged and applied on its own —
 * again and again while parts are applied, since one part may build on another. Parts refused are handed
 * to `setAside` (kept, reported once: store/set-aside.ts); parts still waiting once nothing more applies
 * build on a refused part or on changes this side lacks, and are WAIT (held, or offered again next time).
 *
 * A document this side lacks is judged as ABSENT (an empty stand-in, never changed): the caller creates
 * the document only when that verdict lets something of the update in, and judges it again against the
 * real one.
 */
import * as Y from 'yjs'
import { WAIT } from '../store/sync-target.js'
import { splitUpdate, type UpdatePart } from '../store/update-parts.js'

/** Undefined to apply, a refusal, or `{ wait }` / `{ skip }` (store/sync-target.ts: WAIT, SKIP). */
export type Verdict = string | undefined | { wait: true } | { skip: true }
export type Accept = (name: string, doc: Y.Doc, update: Uint8Array) => Verdict
/** Where a refused part goes (the target keeps it and reports it once). */
export type SetAside = (name: string, part: UpdatePart, reason: string) => void

/** Stands for a document this side does not have (judged against, answered from; never changed). */
export const ABSENT = new Y.Doc()

/**
 * Judges what `update` brings to `doc` and applies it — whole, or the parts the rules allow — with the
 * origin `origin(doc)` gives just before, unless `doc` is ABSENT. Returns undefined when something was
 * applied (for ABSENT: would be), the refusal when every part was refused (each set aside), WAIT when
 * parts wait, or the whole update's SKIP. Throws what Yjs throws on an update that does not decode or
 * apply (the caller names it as the protocol's error).
 */
export function judgeAndApply (name: string, doc: Y.Doc, update: Uint8Array, accept: Accept | undefined, origin: (doc: Y.Doc) => unknown, setAside?: SetAside): Verdict {
  const news = doc === ABSENT ? update : Y.diffUpdate(update, Y.encodeStateVector(doc))
  const verdict = accept?.(name, doc, news)
  if (verdict === undefined && doc !== ABSENT) Y.applyUpdate(doc, news, origin(doc))
  if (typeof verdict !== 'string') return verdict
  return judgeParts(name, doc, splitUpdate(news), verdict, accept!, origin, setAside)
}

function judgeParts (name: string, doc: Y.Doc, parts: UpdatePart[], whole: string, accept: Accept, origin: (doc: Y.Doc) => unknown, setAside?: SetAside): Verdict {
  if (parts.length <= 1) {
    for (const p of parts) setAside?.(name, p, whole)
    return whole
  }
  let pending = parts
  let applied = false
  const refused: Array<[UpdatePart, string]> = []
  for (let progress = true; progress && pending.length > 0;) {
    progress = false
    const next: UpdatePart[] = []
    for (const part of pending) {
      const news = doc === ABSENT ? part.update : Y.diffUpdate(part.update, Y.encodeStateVector(doc))
      const v = accept(name, doc, news)
      if (v === undefined) {
        if (doc === ABSENT) return undefined // something gets in: the caller opens the document and judges again
        Y.applyUpdate(doc, news, origin(doc))
        applied = progress = true
      } else if (typeof v === 'string') refused.push([part, v])
      else if ('wait' in v) next.push(part)
    }
    pending = next
  }
  for (const [part, reason] of refused) setAside?.(name, part, reason)
  if (applied) return undefined
  return pending.length > 0 ? WAIT : refused[0]?.[1] ?? whole
}
