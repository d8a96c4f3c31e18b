// Workspace updates passed by hand between replicas, judged as the sync session judges a member's (sync/judge.ts
// with the store's workspace target), and forged copies of a workspace, as a member or a hub could send them.
import * as Y from 'yjs'
import { workspaceSyncTarget, type MemberRecord, type Role, type Store } from '../../src/store/index.js'
import { workspaceRoots } from '../../src/store/schema.js'
import { judgeAndApply, type Verdict } from '../../src/sync/judge.js'

/** How the workspace target's refusal of a roster or team change begins; the reason follows. */
export const REFUSED = 'only an owner may change the team or its roster: '

/**
 * What `from` has of the workspace that `to` lacks, judged by `to` as coming from a member with `role` and
 * applied if let in: undefined when taken, else the refusal.
 */
export function relay (from: Y.Doc, to: Store, role: Role = 'editor'): Verdict {
  const update = Y.encodeStateAsUpdate(from, Y.encodeStateVector(to.ws.wsDoc))
  return judgeAndApply('workspace', to.ws.wsDoc, update, workspaceSyncTarget(to.ws, () => role).accept, () => ({ origin: 'remote' }))
}

/** A copy of `store`'s workspace document changed by `tamper`, as a member or a hub could send it. */
export function forged (store: Store, tamper: (doc: Y.Doc) => void): Y.Doc {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(store.ws.wsDoc))
  tamper(doc)
  return doc
}

/** `forged`, for a tamper with the roster: it is handed the copy's members map (and the copy). */
export function forgedRoster (store: Store, tamper: (members: Y.Map<MemberRecord>, doc: Y.Doc) => void): Y.Doc {
  return forged(store, doc => tamper(workspaceRoots(doc).members, doc))
}
