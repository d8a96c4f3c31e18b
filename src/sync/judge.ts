/**
 * How an update from the other side — a peer (session.ts) or a hub (hub-room.ts) — is let in: only what it
 * brings that this side lacks (Y.diffUpdate against the document's state vector) is judged by the roster
 * rules (`accept`, store/sync-target.ts) and, when they let it in, applied. Yjs would otherwise park a
 * struct this side already has, sent again with an origin nobody has, in its pending structs for good.
 *
 * A document this side lacks is judged as ABSENT (an empty stand-in, never changed): the caller creates
 * the document only when that verdict lets the update in, and judges it again against the real one.
 */
import * as Y from 'yjs'

/** Undefined to apply, a refusal, or `{ wait }` / `{ skip }` (store/sync-target.ts: WAIT, SKIP). */
export type Verdict = string | undefined | { wait: true } | { skip: true }
export type Accept = (name: string, doc: Y.Doc, update: Uint8Array) => Verdict

/** Stands for a document this side does not have (judged against, answered from; never changed). */
export const ABSENT = new Y.Doc()

/**
 * Judges what `update` brings to `doc` and applies it, with the origin `origin(doc)` gives just before,
 * when the verdict is undefined and `doc` is not ABSENT. Returns the verdict; throws what Yjs throws on an
 * update that does not decode or apply (the caller names it as the protocol's error).
 */
export function judgeAndApply (name: string, doc: Y.Doc, update: Uint8Array, accept: Accept | undefined, origin: (doc: Y.Doc) => unknown): Verdict {
  const news = doc === ABSENT ? update : Y.diffUpdate(update, Y.encodeStateVector(doc))
  const verdict = accept?.(name, doc, news)
  if (verdict === undefined && doc !== ABSENT) Y.applyUpdate(doc, news, origin(doc))
  return verdict
}
