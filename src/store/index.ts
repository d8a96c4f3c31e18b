/**
 * The store layer: the Yjs schema (schema.ts — the only code that knows the documents' Y.Map/Y.Array
 * shapes), persistence in y-leveldb with its errors surfaced (database.ts, docs.ts), the append-only
 * activity log, undo of one's own edits, the local summary cache and the derived files read in place of
 * whole parts of the database (generations.ts, range-aggregate.ts, directory-snapshot.ts), backup/restore
 * and repair. Callers get a `Store` of named actions and plain snapshots; nothing outside this folder
 * imports Yjs documents.
 */
export { Store, type StoreChange } from './store.js'
export type { ChunkWriter, OutputKey } from './output-cache.js'
export { Workspace, iorDuplicateLine, refuseOrphanDatabase, type IorDuplicate, type Member, type WorkspaceOptions } from './workspace.js'
export { StoreError, type StoreErrorKind } from './errors.js'
export { resolveHome, homePaths, type HomePaths } from './home.js'
export { readConfig, writeConfig, type WorkspaceConfig } from './config.js'
export type { AccountRecord, Entity } from './snapshot.js'
export type { AccountListRow } from './actions/accounts.js'
export type { DueQuery } from './actions/workflow.js'
export { IMPORT_BATCH, type AccountWrite, type ContactWrite, type ApplyOptions } from './actions/import.js'
export type { MemberRecord, Role } from './schema.js'
export { Roster, ROLES, parseRole } from './roster.js'
export type { Signer } from './member-signature.js'
export { InviteBook, type Invite } from './invites.js'
export { workspaceSyncTarget, setAsideBook, bringsChanges, SKIP, WAIT, type WorkspaceSyncTarget, type SyncSource } from './sync-target.js'
export { SetAsideBook, type SetAsideEntry } from './set-aside.js'
export { parseKeep, type Keep, type AccountConflicts } from './actions/conflicts.js'
export type { AccountChanges } from './actions/changes.js'
export type { Conflict, ConflictSide } from './conflict-read.js'
export type { Change, HistoryEntry } from './changes.js'
