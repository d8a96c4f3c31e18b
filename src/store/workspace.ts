/**
 * A workspace opened from its home: the config, the database, the open documents, and the one path every
 * edit takes — `edit()` runs a change in a LOCAL transaction, appends its activity entry, records it for
 * undo, and resolves only once it is on disk. Reads return plain snapshots (store/snapshot.ts); the
 * per-entity actions live in store/actions/.
 *
 * Every time an edit records (activity entries, creation and answer stamps) comes from `now()`: the
 * system clock, or the one given at open (tests of clock skew between members, the bench's year of history).
 *
 * Opened `accountsOnly` (commands that only read accounts), the account directory comes from its stored
 * snapshot when that is current (store/directory-snapshot.ts), and the workspace document is not loaded at
 * all; otherwise it is loaded as usual. Whoever had it loaded refreshes the snapshot on closing.
 *
 * Opened `deferWorkspace` (the app), the directory comes from a current snapshot the same way, and the
 * workspace document is loaded later: by `workspaceDoc()`, which the app calls once it is live and idle, and
 * which every edit and roster change awaits first. At 10,000 accounts decoding that document is ~0.6 s of a
 * start that need not wait for it: the first screen and every read come from the snapshot, which is the
 * document's directory as long as it is current — and nothing can change the document before it is loaded
 * (this process holds the database; sync and routed commands wait for the load).
 */
import { mkdir, rm, stat } from 'node:fs/promises'
import * as Y from 'yjs'
import { InputError, type AccountHeader } from '../domain/index.js'
import { openDatabase, type Database } from './database.js'
import { DocSet } from './docs.js'
import { StoreError } from './errors.js'
import { homePaths, type HomePaths } from './home.js'
import { readConfig, writeConfig, type WorkspaceConfig } from './config.js'
import { recordManifest } from './db-manifest.js'
import { writeSignedMember, type MemberContent, type Signer } from './member-signature.js'
import { teamName } from './team-name.js'
import { isRemote, LOCAL } from './origins.js'
import { OwnClients } from './set-aside.js'
import { setAside } from './debug.js'
import { addRecords, watchConflicts, watchDirectoryConflicts, type ValueRecord } from './conflicts.js'
import { recordFieldChanges } from './fields.js'
import { accountDocName, accountIdOf, undoableAccountTypes, workspaceRoots, WORKSPACE_DOC, type MemberRecord } from './schema.js'
import { appendActivity, readActivity } from './activity-log.js'
import { UndoStack, type UndoInfo } from './undo.js'
import { resolveRef } from './resolve.js'
import { SummaryCache } from './summary-cache.js'
import { writeMark } from './seen-marks.js'
import { AccountDirectory } from './directory.js'
import { newAccountId } from './ids.js'
import { readDirectorySnapshot, writeDirectorySnapshot, type DirectorySnapshot } from './directory-snapshot.js'

export interface Member { id: string, name: string }

export interface WorkspaceOptions {
  /** The clock edits are stamped with; the system clock by default. */
  now?: () => Date
  /**
   * Only accounts will be read (the directory, account documents): no edits, no roster. The workspace
   * document is then loaded only if the directory snapshot is out of date.
   */
  accountsOnly?: boolean
  /**
   * The directory comes from a current snapshot and the workspace document is loaded later, by
   * `workspaceDoc()` (an edit or a roster change loads it first). Reads work at once.
   */
  deferWorkspace?: boolean
}

export interface EditResult<T> { result: T, summary: string | undefined }

/** One IR# that several accounts list (it must be in one only). */
export interface IorDuplicate { ior: string, accounts: Array<{ id: string, name: string }> }

/** The line that says what is wrong and how to resolve it (`pat account check`, `pat doctor`). */
export function iorDuplicateLine (d: IorDuplicate): string {
  const names = d.accounts.map(a => `"${a.name}" (${a.id})`).join(', ')
  return `IR# ${d.ior} is in ${d.accounts.length} accounts: ${names}; keep it in one: pat account set ACCOUNT --remove-ior ${d.ior}`
}

export class Workspace {
  readonly undoStack = new UndoStack()
  readonly ownClients: OwnClients
  readonly summaries: SummaryCache
  private directory: AccountDirectory
  /** The load of a workspace document opened deferred (`workspaceDoc()`), once started. */
  private loading: Promise<Y.Doc> | undefined
  private readonly clock: () => Date
  /** The member's or the team's name changed in the document since workspace.json was written. */
  private namesChanged = false
  private lastStamp = 0
  private constructor (
    readonly paths: HomePaths,
    readonly config: WorkspaceConfig,
    readonly database: Database,
    readonly docs: DocSet,
    /** Undefined when opened accountsOnly or deferWorkspace with a current directory snapshot (until loaded). */
    private loadedWsDoc: Y.Doc | undefined,
    /** The directory snapshot as it was at open (store/directory-snapshot.ts). */
    private readonly snapshot: DirectorySnapshot,
    opts: WorkspaceOptions
  ) {
    this.summaries = new SummaryCache(database, docs, paths.aggregates)
    // Which Yjs clients are this member's own: a viewer's own changes are set aside rather than sent (sync-target.ts).
    this.ownClients = new OwnClients(paths.ownClients)
    docs.onChange((_name, doc, origin) => { if (!isRemote(origin)) this.ownClients.note(doc.clientID) })
    // Conflicts are recorded as a peer's update is merged, while the values it replaced are still in memory.
    docs.onOpen((name, doc) => { if (accountIdOf(name)) watchConflicts(doc) })
    // The workspace document is loaded before the workspace is made, or later (deferWorkspace), or not at
    // all (reading accounts only).
    this.directory = loadedWsDoc ? AccountDirectory.live(workspaceRoots(loadedWsDoc).accounts) : AccountDirectory.fixed(snapshot.headers!)
    this.clock = opts.now ?? (() => new Date())
    if (loadedWsDoc) this.follow(loadedWsDoc)
  }

  /** What follows the workspace document once it is loaded: directory conflicts, undo, the names. */
  private follow (wsDoc: Y.Doc): void {
    watchDirectoryConflicts(wsDoc, (id, found) => this.recordDirectoryConflicts(id, found))
    this.undoStack.track(wsDoc, [workspaceRoots(wsDoc).accounts as Y.AbstractType<unknown>])
    // The names are the team's (a rename here, or from a peer since the last open): the config follows
    // at open and after a rename here, so activity entries and the status bar show the new name. (Not on
    // every update: a listener there slowed the app's form under a stream of remote updates.)
    this.followNames()
  }

  /** Whether the workspace document is loaded (it is not yet in a workspace opened deferred). */
  get hasWorkspaceDoc (): boolean { return this.loadedWsDoc !== undefined }

  /** The workspace document, loading it first in a workspace opened without it. */
  workspaceDoc (): Promise<Y.Doc> {
    if (this.loadedWsDoc) return Promise.resolve(this.loadedWsDoc)
    this.loading ??= this.load()
    return this.loading
  }

  private async load (): Promise<Y.Doc> {
    // Nothing writes the workspace document before it is loaded, so a snapshot current at open is current
    // now; checked all the same, as the live directory starts from its list.
    const current = this.snapshot.headers !== undefined && this.snapshot.stamp === await this.database.generation('workspace')
    const doc = await this.docs.get(WORKSPACE_DOC)
    if (!workspaceRoots(doc).team.has('id')) throw noWorkspaceDoc(this.paths)
    // Reads so far came from the snapshot's list; the live directory starts from it rather than sorting
    // 10,000 accounts again.
    this.directory = AccountDirectory.live(workspaceRoots(doc).accounts, current ? this.snapshot.headers : undefined)
    this.loadedWsDoc = doc
    this.follow(doc)
    return doc
  }

  private followNames (): void {
    const { team, members } = workspaceRoots(this.wsDoc)
    const me = members.get(this.config.member.id)?.name
    const teamNow = teamName(team)
    if (me && me !== this.config.member.name) { this.config.member.name = me; delete this.config.defaulted; this.namesChanged = true }
    if (teamNow && teamNow !== this.config.team.name) { this.config.team.name = teamNow; this.namesChanged = true }
  }

  /** The member has chosen their name (even if it is the one the workspace was made with). */
  async markNamed (): Promise<void> {
    if (!this.config.defaulted) return
    delete this.config.defaulted
    await writeConfig(this.paths.config, this.config)
  }

  /** Writes workspace.json again if the names in it are behind the document's. */
  async saveNames (): Promise<void> {
    if (!this.loadedWsDoc) return // the names cannot have changed before the document is loaded
    this.followNames()
    if (!this.namesChanged) return
    this.namesChanged = false
    await writeConfig(this.paths.config, this.config)
  }

  /** The workspace document (team, roster, account directory). */
  get wsDoc (): Y.Doc {
    if (!this.loadedWsDoc) throw new Error('the workspace document is not loaded (opened to read accounts only, or deferred): await workspaceDoc() first')
    return this.loadedWsDoc
  }

  get member (): Member { return this.config.member }

  /** The time to stamp an edit with, as an ISO string. */
  now (): string { return this.clock().toISOString() }

  /**
   * The stamp for a new entry's `createdAt`: now, or a millisecond after the last stamp this workspace gave
   * when now is not later. Entries read in creation order, so two added in a row within one millisecond
   * (the demo, an import, a script) must not tie and fall back to the order of their random ids.
   */
  stamp (): string {
    const now = this.clock().getTime()
    this.lastStamp = now > this.lastStamp ? now : this.lastStamp + 1
    return new Date(this.lastStamp).toISOString()
  }

  /** Opens an existing workspace; 'not-initialised', 'locked' and 'damaged' are StoreErrors. */
  static async open (home: string, opts: WorkspaceOptions = {}): Promise<Workspace> {
    const paths = homePaths(home)
    const config = await readConfig(paths.config)
    if (!config) {
      await refuseOrphanDatabase(paths)
      throw new StoreError('not-initialised', `no workspace in ${home}: run \`pat init --name "Your Name"\` (or \`pat demo\` for sample accounts)`)
    }
    return Workspace.attach(paths, config, false, opts)
  }

  /** Creates a workspace in an empty home; the caller provides the member identity, and its signer for the first roster entry. */
  static async create (home: string, config: WorkspaceConfig, owner: MemberContent, signer: Signer, opts: WorkspaceOptions = {}): Promise<Workspace> {
    const paths = homePaths(home)
    if (await readConfig(paths.config)) throw new StoreError('exists', `a workspace already exists in ${home}; use another --home or remove it first`)
    await refuseOrphanDatabase(paths)
    await mkdir(home, { recursive: true })
    const ws = await Workspace.attach(paths, config, true, opts)
    ws.wsDoc.transact(() => {
      const { team, members } = workspaceRoots(ws.wsDoc)
      if (!team.has('id')) {
        team.set('id', config.team.id)
        team.set('name', config.team.name)
        team.set('createdAt', config.createdAt)
      }
      writeSignedMember(ws.wsDoc, members, config.team.id, owner, undefined, signer)
    }, LOCAL)
    await ws.docs.flush()
    await writeConfig(paths.config, config)
    return ws
  }

  /**
   * Starts a workspace that the team will fill (joining by invite): the database is created but no
   * document is written and no config either. `completeJoin` writes the config once the team's documents
   * have arrived, so until then there is no workspace in the home, and `abandonJoin` removes the database.
   * A database without a config is what an interrupted init or join leaves behind: it is started afresh.
   */
  static async beginJoin (home: string, config: WorkspaceConfig): Promise<Workspace> {
    const paths = homePaths(home)
    if (await readConfig(paths.config)) throw new StoreError('exists', `a workspace already exists in ${home}; use another --home to join a team`)
    await refuseOrphanDatabase(paths)
    if (await stat(paths.db).then(() => true, () => false)) await rm(paths.db, { recursive: true, force: true })
    await mkdir(home, { recursive: true })
    return Workspace.attach(paths, config, true, {})
  }

  /** Checks that the team's documents arrived with this member in the roster, then writes the config. */
  async completeJoin (): Promise<void> {
    const { team, members } = workspaceRoots(this.wsDoc)
    if (team.get('id') !== this.config.team.id) throw new InputError('the inviter sent another team\'s workspace: ask for a new invite')
    const me = members.get(this.member.id)
    if (!me || me.removed) throw new InputError('the inviter did not add you to the team: ask for a new invite')
    this.config.team.name = String(team.get('name') ?? this.config.team.name)
    await this.flush()
    await writeConfig(this.paths.config, this.config)
  }

  /** Closes a join that did not complete and removes what it wrote. */
  async abandonJoin (): Promise<void> {
    await this.close().catch(setAside('abandoning a join: closing')) // what it wrote is removed next either way
    await rm(this.paths.db, { recursive: true, force: true })
  }

  /** The workspace's database, opened as a workspace opens it; for `attach`, or a read that may need no more (Store.openOrReplay). */
  static openDatabase (paths: HomePaths): Promise<Database> {
    // The app's picture of its accounts screen (ui/frame-cache.ts) is true until the workspace changes:
    // whoever first changes it (an edit, a peer's update, a seen mark; not a read, nor the derived snapshot
    // and summaries a read may write) removes the picture before writing; the app draws a new one as it quits.
    return openDatabase(paths.db, { createIfMissing: true, beforeChange: () => rm(paths.firstFrame, { force: true }) })
  }

  /** Opens the workspace of a home whose config is `config` on its database, already open (Workspace.openDatabase). */
  static async attachOpen (paths: HomePaths, config: WorkspaceConfig, database: Database, opts: WorkspaceOptions = {}): Promise<Workspace> {
    return Workspace.attach(paths, config, false, opts, database)
  }

  private static async attach (paths: HomePaths, config: WorkspaceConfig, create: boolean, opts: WorkspaceOptions, open?: Database): Promise<Workspace> {
    const database = open ?? await Workspace.openDatabase(paths)
    try {
      const docs = new DocSet(database)
      const snapshot = await readDirectorySnapshot(database, paths.aggregates, Boolean(opts.accountsOnly || opts.deferWorkspace))
      if (snapshot.headers) return new Workspace(paths, config, database, docs, undefined, snapshot, opts)
      const wsDoc = await docs.get(WORKSPACE_DOC)
      if (!create && !workspaceRoots(wsDoc).team.has('id')) throw noWorkspaceDoc(paths)
      return new Workspace(paths, config, database, docs, wsDoc, snapshot, opts)
    } catch (err) {
      await database.close()
      throw err
    }
  }

  // ---- the account directory -------------------------------------------------------------------

  accountIds (): string[] {
    return this.directory.ids()
  }

  hasAccount (id: string): boolean {
    return this.directory.get(id) !== undefined
  }

  /** Ids handed out by `newAccountId` in this process, so adds still in flight never draw the same one. */
  private readonly handedOut = new Set<string>()

  /**
   * A new account id, unlike every account's and every id this workspace has handed out. The directory alone is
   * not enough: two adds in flight at once (an import, a burst of `add`s) both check it before either writes, and
   * like-named accounts share the slug, leaving only the short random suffix between them.
   */
  newAccountId (name: string): string {
    let id = newAccountId(name)
    while (this.hasAccount(id) || this.handedOut.has(id)) id = newAccountId(name)
    this.handedOut.add(id)
    return id
  }

  header (id: string): AccountHeader {
    const h = this.directory.get(id)
    if (!h) throw new InputError(`unknown account "${id}": see \`pat account list\``)
    return h
  }

  headers (opts: { archived?: boolean } = {}): AccountHeader[] {
    return this.directory.list().filter(h => opts.archived === undefined || h.archived === opts.archived)
  }

  /** For each of `iors` listed by an account other than `except`: that account's name. */
  iorOwners (iors: readonly string[], except?: string): Map<string, string> {
    return this.directory.owners(iors, except)
  }

  /** IR#s more than one account lists (after a merge of offline additions), with those accounts. */
  duplicateIors (): IorDuplicate[] {
    return this.directory.duplicates().map(({ ior, ids }) => ({ ior, accounts: ids.map(id => ({ id, name: this.directory.get(id)!.name })) }))
  }

  /** Finds an account by id, unique id prefix, or name (exact, then unique substring). */
  resolveAccount (ref: string): AccountHeader {
    // An exact id (what the app and scripts pass) is found without the sorted list of every account.
    return this.directory.get(ref.trim()) ?? resolveRef(ref, this.headers(), { noun: 'account', listHint: '`pat account list`' })
  }

  async accountDoc (id: string): Promise<Y.Doc> {
    const doc = await this.docs.get(accountDocName(id))
    this.undoStack.track(doc, undoableAccountTypes(doc))
    return doc
  }

  members (): MemberRecord[] {
    return [...workspaceRoots(this.wsDoc).members.values()].sort((a, b) => a.name.localeCompare(b.name))
  }

  // ---- edits -----------------------------------------------------------------------------------

  /**
   * Runs one user action on an account: `change` mutates the workspace and/or account document and
   * returns its result with a one-line summary (undefined = nothing changed, nothing logged). Resolves
   * when the change and its log entry are on disk — or at once with `{ flush: false }`, for a caller that
   * makes many edits (an import) and flushes them together, in one write batch.
   */
  async edit<T> (accountId: string, action: string, change: (acc: Y.Doc, ws: Y.Doc) => EditResult<T>, opts: { flush?: boolean } = {}): Promise<T> {
    const wsDoc = await this.workspaceDoc()
    const acc = await this.accountDoc(accountId)
    const before = this.undoStack.mark([acc, wsDoc])
    let out!: EditResult<T>
    const { changes } = recordFieldChanges(() => wsDoc.transact(() => acc.transact(() => { out = change(acc, wsDoc) }, LOCAL), LOCAL))
    if (out.summary !== undefined) {
      this.undoStack.record(before, out.summary, accountId)
      appendActivity(acc, { ...this.activity(action, out.summary), ...(changes.length ? { fields: changes } : {}) })
    }
    if (opts.flush !== false) await this.flush()
    return out.result
  }

  /** Undoes this member's last edit in this session (never a peer's); logs it. */
  async undo (): Promise<UndoInfo | undefined> {
    return this.logged(this.undoStack.undo(), 'undo', 'undid')
  }

  /** Redoes the edit undo last undid (until the next edit); logs it. */
  async redo (): Promise<UndoInfo | undefined> {
    return this.logged(this.undoStack.redo(), 'redo', 'redid')
  }

  private async logged (done: UndoInfo | undefined, action: string, verb: string): Promise<UndoInfo | undefined> {
    if (done) {
      const acc = await this.accountDoc(done.accountId)
      appendActivity(acc, this.activity(action, `${verb}: ${done.summary}`))
      await this.flush()
    }
    return done
  }

  /** Records that this member has seen the account as it is now (store/seen-marks.ts); local, never synced. */
  async markSeen (accountId: string): Promise<void> {
    const doc = await this.accountDoc(accountId)
    await writeMark(this.database, this.member.id, accountId, doc, SummaryCache.compute(doc).edits, this.now())
    for (const l of this.seenListeners) l(accountId)
  }

  private readonly seenListeners = new Set<(accountId: string) => void>()

  /** Calls `listener` after this member marks an account seen (the accounts list's unseen counts change). */
  onSeen (listener: (accountId: string) => void): () => void {
    this.seenListeners.add(listener)
    return () => this.seenListeners.delete(listener)
  }

  async log (accountId: string) {
    return readActivity(await this.accountDoc(accountId))
  }

  /** Directory conflicts being recorded in their accounts' documents (flush waits for them). */
  private directoryRecords: Promise<void> = Promise.resolve()

  /**
   * Records conflicts of an account's directory fields in the account's own document, beside its other
   * conflicts (store/conflicts.ts), once that document is open: one after another, in the order found.
   */
  private recordDirectoryConflicts (accountId: string, found: ValueRecord[]): void {
    this.directoryRecords = this.directoryRecords
      .then(async () => addRecords(await this.accountDoc(accountId), found))
      .catch(setAside('recording a conflict of the account directory'))
  }

  /** Waits until everything is on disk and the account summaries are current. */
  async flush (): Promise<void> {
    await this.directoryRecords
    await this.docs.flush()
    await this.summaries.flush()
  }

  private activity (action: string, summary: string) {
    return { at: this.now(), by: this.member.id, byName: this.member.name, action, summary }
  }

  /** The state vectors of the documents this process opened, into the manifest doctor measures against. */
  private async recordManifest (): Promise<void> {
    const svs = new Map<string, Uint8Array>()
    // Those of the opened documents that are stored (one opened and never written is not in the database):
    // looked up one by one, not by listing every stored name, which at 10,000 accounts took ~60 ms of a close.
    for (const name of this.docs.loadedNames()) {
      const doc = this.docs.loaded(name)
      if (doc && await this.database.hasDoc(name)) svs.set(name, Y.encodeStateVector(doc))
    }
    if (svs.size) await recordManifest(this.paths.manifest, svs)
  }

  async close (): Promise<void> {
    try {
      await this.loading?.catch(setAside('closing: the workspace document\'s load')) // said when it was awaited
      await this.flush()
      await this.saveNames().catch(setAside('closing: saving the names cache')) // a cache of the document's names: it catches up at the next open
      if (this.loadedWsDoc) {
        await this.docs.idle() // a compaction after the last write moves the generation the snapshot is stamped with
        // Derived data: if it cannot be written now, the next reader decodes the document instead.
        await writeDirectorySnapshot(this.database, this.paths.aggregates, this.snapshot, this.directory, () => this.docs.unsaved().size === 0)
          .catch(setAside('closing: writing the directory snapshot'))
      }
      // Derived data too: a range not stored as its aggregate now is read key by key next time.
      await this.summaries.saveAggregates().catch(setAside('closing: writing the account summaries\' aggregate'))
      if (this.docs.unsaved().size === 0) await this.recordManifest().catch(setAside('closing: recording the database manifest')) // doctor's check; the next close records it
    } finally {
      this.undoStack.destroy()
      await this.docs.close()
      await this.database.close()
    }
  }
}

const noWorkspaceDoc = (paths: HomePaths) =>
  new StoreError('damaged', `the workspace database ${paths.db} has no workspace document; run \`pat doctor\` or \`pat restore FILE\``)

/**
 * A database that holds a team's workspace document but has no workspace.json beside it (the file was
 * deleted, or an init or join was interrupted after the team's documents were written) is never built
 * over: a new team there would rewrite this member's roster entry and every later sync would fail.
 * `pat doctor` rebuilds workspace.json from the database and the identity instead.
 */
export async function refuseOrphanDatabase (paths: HomePaths): Promise<void> {
  if (!(await stat(paths.db).then(() => true, () => false))) return
  const db = await openDatabase(paths.db, { createIfMissing: false }).catch(setAside('checking for an orphan database')) // the real open says why
  if (!db) return
  const held = await db.hasDoc(WORKSPACE_DOC).finally(() => db.close())
  if (held) {
    throw new StoreError('not-initialised', `workspace.json is missing in ${paths.root} but the team's database is there: run \`pat doctor\` to rebuild it (or move ${paths.db} aside to start afresh)`)
  }
}
