/**
 * The store API the CLI and the app use: an open workspace with its actions grouped by what they act on.
 */
import {
  CONTACT_FIELDS, EVENT_FIELDS, LOCATION_FIELDS, PORT_FIELDS, RELATED_FIELDS, checkLocation, locationText,
  type AccountEvent, type AccountPort, type Contact, type Location, type RelatedCompany
} from '../domain/index.js'
import { AccountActions } from './actions/accounts.js'
import { ChangeActions } from './actions/changes.js'
import { ChecklistActions } from './actions/checklist.js'
import { ConflictActions } from './actions/conflicts.js'
import { CipActions } from './actions/cips.js'
import { relatedDefinitionChange } from './definition-change.js'
import { EntityActions } from './actions/entities.js'
import { ImportActions } from './actions/import.js'
import { PlanActions } from './actions/plan.js'
import { TaskActions } from './actions/tasks.js'
import { WorkflowActions } from './actions/workflow.js'
import { readContacts, readLocations, readPorts } from './snapshot.js'
import { isRemote } from './origins.js'
import { accountIdOf } from './schema.js'
import { Workspace, type WorkspaceOptions } from './workspace.js'
import { readConfig } from './config.js'
import { homePaths } from './home.js'
import { OutputRecorder, outputStamp, replayOutput, type ChunkWriter, type OutputKey } from './output-cache.js'
import { Roster } from './roster.js'
import { InviteBook } from './invites.js'

export interface StoreChange { accountId: string | undefined, remote: boolean }

export class Store {
  readonly accounts: AccountActions
  readonly contacts: EntityActions<Contact>
  readonly locations: EntityActions<Location>
  readonly related: EntityActions<RelatedCompany>
  readonly checklist: ChecklistActions
  readonly plan: PlanActions
  readonly cips: CipActions
  readonly events: EntityActions<AccountEvent>
  readonly ports: EntityActions<AccountPort>
  readonly tasks: TaskActions
  readonly workflow: WorkflowActions
  /** Writing what `pat import` read from a spreadsheet, in batches. */
  readonly imports: ImportActions
  /** The team roster (members, roles) and the invites this member has handed out. */
  readonly roster: Roster
  readonly invites: InviteBook
  /** Values a merge replaced unseen, and their resolution. */
  readonly conflicts: ConflictActions
  /** What the other members changed since this member last looked; each field's history. */
  readonly changes: ChangeActions

  private changeCount = 0

  constructor (readonly ws: Workspace) {
    ws.docs.onChange(() => { this.changeCount++ })
    this.accounts = new AccountActions(ws)
    this.contacts = new EntityActions(ws, {
      collection: 'contacts', specs: CONTACT_FIELDS, noun: 'contact', label: e => String(e.name), order: readContacts, listHint: '`pat contact list ACCOUNT`'
    })
    this.locations = new EntityActions(ws, {
      collection: 'locations',
      specs: LOCATION_FIELDS,
      noun: 'location',
      label: e => `${String(e.type)} ${e.name ?? (locationText(e) || '')}`.trim(),
      order: readLocations,
      listHint: '`pat location list ACCOUNT`',
      check: checkLocation
    })
    this.related = new EntityActions(ws, {
      collection: 'related',
      specs: RELATED_FIELDS,
      noun: 'related company',
      label: e => String(e.name),
      listHint: '`pat account show ACCOUNT`',
      onChange: relatedDefinitionChange // a related company is part of the account definition OST must hear of
    })
    this.checklist = new ChecklistActions(ws)
    this.plan = new PlanActions(ws)
    this.cips = new CipActions(ws)
    this.events = new EntityActions(ws, {
      collection: 'events', specs: EVENT_FIELDS, noun: 'event', label: e => String(e.title), listHint: '`pat event list ACCOUNT`'
    })
    this.ports = new EntityActions(ws, {
      collection: 'ports', specs: PORT_FIELDS, noun: 'port', label: e => String(e.name), order: readPorts, listHint: '`pat port list ACCOUNT`'
    })
    this.tasks = new TaskActions(ws)
    this.workflow = new WorkflowActions(ws)
    this.imports = new ImportActions(ws)
    this.roster = new Roster(ws)
    this.invites = new InviteBook(ws.paths.invites)
    this.conflicts = new ConflictActions(ws)
    this.changes = new ChangeActions(ws)
  }

  /** Counts the changes so far: what was read at one version is still current while the version is the same. */
  get version (): number { return this.changeCount }

  /**
   * Calls `listener` after every change to the workspace — this member's edits and updates from peers —
   * with the account it touched (undefined for the workspace document) and whether it came from a peer.
   * Returns the unsubscribe function. This is how the app re-renders without knowing about Yjs.
   */
  subscribe (listener: (change: StoreChange) => void): () => void {
    const off = this.ws.docs.onChange((name, _doc, origin) => listener({ accountId: accountIdOf(name), remote: isRemote(origin) }))
    // A "last seen" mark changes no document, but it changes the list's unseen counts.
    const offSeen = this.ws.onSeen(accountId => { this.changeCount++; listener({ accountId, remote: false }) })
    return () => { off(); offSeen() }
  }

  /**
   * Writes the account summaries (open plan items, next due date) computed for accounts that had none.
   * The accounts list always shows changes still on their way to disk (it reads them from memory), so the
   * app may re-read as soon as it is told of a change.
   */
  refreshSummaries (): Promise<void> { return this.ws.summaries.flush() }

  static async open (home: string, opts: WorkspaceOptions = {}): Promise<Store> {
    return new Store(await Workspace.open(home, opts))
  }

  /**
   * Store.open, unless the answer `key` names is kept and current (store/output-cache.ts): then it is written
   * through `write`, without reading the directory or the summaries, and the result is undefined.
   */
  static async openOrReplay (home: string, opts: WorkspaceOptions, key: OutputKey, write: ChunkWriter): Promise<Store | undefined> {
    const paths = homePaths(home)
    const config = await readConfig(paths.config)
    if (!config) return Store.open(home, opts) // says there is no workspace, as usual
    const database = await Workspace.openDatabase(paths)
    let attached = false
    try {
      if (await replayOutput(paths.aggregates, key, await outputStamp(database, config.member.id, key), write)) return undefined
      const store = new Store(await Workspace.attachOpen(paths, config, database, opts))
      attached = true
      return store
    } finally {
      if (!attached) await database.close()
    }
  }

  /** Records the answer `key` names as it is printed; `keep()` once it was printed whole (store/output-cache.ts). */
  async recordOutput (key: OutputKey): Promise<{ tee: (parts: Iterable<string>) => Iterable<string>, keep: () => Promise<void>, discard: () => void }> {
    const recorder = await OutputRecorder.start(this.ws.paths.aggregates, key)
    return {
      tee: parts => recorder.tee(parts),
      keep: async () => {
        recorder.keep(await outputStamp(this.ws.database, this.ws.member.id, key).catch(() => undefined))
      },
      discard: () => recorder.discard()
    }
  }

  close (): Promise<void> { return this.ws.close() }
}
