/**
 * How an update from the other side — a peer (session.ts) or a hub (hub/room.ts) — is let in: only what it
 * brings that this side lacks (Y.diffUpdate against the document's state vector) is judged by the roster
 * rules (`accept`, store/sync-target.ts) and, when they let it in, applied. Yjs would otherwise park a
 * struct this side already has, sent again with an origin nobody has, in its pending structs for good.
 *
 * A refused update never blocks the rest of what it brings: it is split into parts, one per writer (client
 * id) plus one with its deletions (store/update-parts.ts), and each part is judged on its own on a scratch
 * copy — again and again while parts are let in, since one part may build on another. The parts let in must
 * then hold together, judged as one update against the document (a part alone can pass where the whole
 * could not: a roster entry signed by an owner whom another part removes); one that breaks that is refused
 * too, and the rest is applied as one update. Parts refused are handed
 * to `setAside` (kept, reported once: store/set-aside.ts); parts still waiting once nothing more applies
 * build on a refused part or on changes this side lacks, and are WAIT (held, or offered again next time).
 *
 * A document this side lacks is judged as `absent()` (an empty stand-in, never changed): the caller creates
 * the document only when that verdict lets something of the update in, and judges it again against the
 * real one.
 */
import * as Y from 'yjs'
import { WAIT } from '../store/sync-target.js'
import { splitUpdate, type UpdatePart } from '../store/update-parts.js'

/**
 * Undefined to apply, a refusal, `{ wait }` / `{ skip }` (store/sync-target.ts: WAIT, SKIP), or `{ held }`:
 * no member who may write vouches for it (a hub's structs, store/vouches.ts) — split like a refusal, its
 * parts handed to `hold`, which sets one aside once it has waited long enough.
 */
export type Verdict = string | undefined | { wait: true } | { skip: true } | { held: string }
export type Accept = (name: string, doc: Y.Doc, update: Uint8Array) => Verdict
/** Where a refused part goes (the target keeps it and reports it once). */
export type SetAside = (name: string, part: UpdatePart, reason: string) => void
/** Where a part no member vouches for goes: held, or set aside (then it returns why). */
export type Hold = (name: string, part: UpdatePart, reason: string) => string | undefined

const isHeld = (v: Verdict): v is { held: string } => typeof v === 'object' && 'held' in v

let absentDoc: Y.Doc | undefined
/**
 * Stands for a document this side does not have (judged against, answered from; never changed). Made when
 * first needed: a document draws a random client id, and the first random number loads node:crypto, which
 * the app's first frame otherwise does without.
 */
export const absent = (): Y.Doc => (absentDoc ??= new Y.Doc())

/**
 * Judges what `update` brings to `doc` and applies it — whole, or the parts the rules allow — with the
 * origin `origin(doc)` gives just before, unless `doc` is `absent()`. Returns undefined when something was
 * applied (for `absent()`: would be), the refusal when every part was refused (each set aside), WAIT when
 * parts wait, or the whole update's SKIP. Throws what Yjs throws on an update that does not decode or
 * apply (the caller names it as the protocol's error).
 */
export function judgeAndApply (name: string, doc: Y.Doc, update: Uint8Array, accept: Accept | undefined, origin: (doc: Y.Doc) => unknown, setAside?: SetAside, hold?: Hold): Verdict {
  const fresh = news(doc, update)
  const verdict = accept?.(name, doc, fresh)
  if (verdict === undefined && doc !== absent()) Y.applyUpdate(doc, fresh, origin(doc))
  if (typeof verdict !== 'string' && (verdict === undefined || !isHeld(verdict))) return verdict
  const whole = typeof verdict === 'string' ? verdict : verdict.held
  const parts = splitUpdate(fresh)
  if (parts.length <= 1) return unapplied(name, parts, verdict, setAside, hold)
  return judgeParts(name, doc, parts, whole, accept!, origin, setAside, hold)
}

/** One part, refused (set aside) or held: the verdict to return. */
function unapplied (name: string, parts: UpdatePart[], verdict: string | { held: string }, setAside?: SetAside, hold?: Hold): Verdict {
  if (typeof verdict === 'string') {
    for (const p of parts) setAside?.(name, p, verdict)
    return verdict
  }
  const setAsideNow = parts.map(p => hold?.(name, p, verdict.held)).find(r => r !== undefined)
  return setAsideNow ?? { wait: true }
}

// Longer than most: the fixed point over parts, then the check that the chosen parts hold together, share
// the scratch copy and the lists of accepted, refused and held parts.
function judgeParts (name: string, doc: Y.Doc, parts: UpdatePart[], whole: string, accept: Accept, origin: (doc: Y.Doc) => unknown, setAside?: SetAside, hold?: Hold): Verdict {
  // Which parts the rules let in, one by one, on a scratch copy (a part may build on another).
  const trial = doc === absent() ? absent() : copyOf(doc)
  let pending = parts
  const accepted: UpdatePart[] = []
  const refused: Array<[UpdatePart, string]> = []
  const held: Array<[UpdatePart, string]> = []
  for (let progress = true; progress && pending.length > 0;) {
    progress = false
    const next: UpdatePart[] = []
    for (const part of pending) {
      const v = accept(name, trial, news(trial, part.update))
      if (v === undefined) {
        if (doc === absent()) return undefined // something gets in: the caller opens the document and judges again
        Y.applyUpdate(trial, news(trial, part.update))
        accepted.push(part)
        progress = true
      } else if (typeof v === 'string') refused.push([part, v])
      else if (isHeld(v)) next.push(part)
      else if ('wait' in v) next.push(part)
    }
    pending = next
  }
  // Parts still waiting that no member vouches for are held (a vouch may come), the others wait as before.
  for (const part of pending) {
    const v = accept(name, trial, news(trial, part.update))
    if (v !== undefined && isHeld(v)) held.push([part, v.held])
  }
  if (trial !== absent()) trial.destroy()
  // The parts let in must also hold together, judged as one update against the document as it is: one part
  // alone can pass where the whole could not (changes signed by an owner whom another part removes).
  let chosen = accepted
  for (let v = chosen.length > 0 ? accept(name, doc, together(doc, chosen)) : undefined; typeof v === 'string'; v = chosen.length > 0 ? accept(name, doc, together(doc, chosen)) : undefined) {
    const without = (p: UpdatePart) => chosen.filter(q => q !== p)
    const drop = chosen.find(p => typeof accept(name, doc, together(doc, without(p))) !== 'string') ?? chosen[chosen.length - 1]!
    refused.push([drop, v])
    chosen = without(drop)
  }
  for (const [part, reason] of refused) setAside?.(name, part, reason)
  const setAsideNow = held.map(([part, reason]) => hold?.(name, part, reason)).find(r => r !== undefined)
  if (chosen.length > 0) {
    Y.applyUpdate(doc, together(doc, chosen), origin(doc))
    return undefined
  }
  return pending.length > held.length || (held.length > 0 && setAsideNow === undefined) ? WAIT : refused[0]?.[1] ?? setAsideNow ?? whole
}

/** What `update` brings that `doc` lacks. */
function news (doc: Y.Doc, update: Uint8Array): Uint8Array {
  return doc === absent() ? update : Y.diffUpdate(update, Y.encodeStateVector(doc))
}

/** Parts merged into one update, of what `doc` lacks. */
function together (doc: Y.Doc, parts: UpdatePart[]): Uint8Array {
  return news(doc, Y.mergeUpdates(parts.map(p => p.update)))
}

function copyOf (doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: false })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}
