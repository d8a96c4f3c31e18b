/**
 * The team roster, in the workspace document's `members` map: who may sync (a member not removed), and
 * what their role lets them do. Only an owner changes the roster; a removed member keeps a record with
 * `removed: true`, so every peer that has seen the removal refuses that key from then on, and the team
 * never ends up without an owner. Every entry written here is signed by the owner who writes it, with the
 * `Signer` the caller gives (store/member-signature.ts), so the change can reach members through editors
 * and hubs as well as over owners' own connections.
 */
import { InputError } from '../domain/index.js'
import { writeSignedMember, type MemberContent, type Signer } from './member-signature.js'
import { teamName, writeTeamName } from './team-name.js'
import { LOCAL } from './origins.js'
import { resolveRef } from './resolve.js'
import { ROLES, WORKSPACE_DOC, workspaceRoots, type MemberRecord, type Role } from './schema.js'
import type { Workspace } from './workspace.js'

export { ROLES }

export function parseRole (text: string, allowed: readonly Role[] = ROLES): Role {
  if ((allowed as readonly string[]).includes(text)) return text as Role
  throw new InputError(`unknown role "${text}": use ${allowed.join(', ')}`)
}

/** A name as people will see it: one line, not empty, of a sensible length. */
function displayName (text: string, what: string): string {
  const clean = text.replace(/\s+/g, ' ').trim()
  if (!clean) throw new InputError(`${what} cannot be empty`)
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001f\u007f-\u009f]/.test(clean)) throw new InputError(`${what} cannot contain control characters`)
  if (clean.length > 80) throw new InputError(`${what} is ${clean.length} characters long: keep it to 80`)
  return clean
}

export class Roster {
  constructor (private readonly ws: Workspace) {}

  all (): MemberRecord[] { return this.ws.members() }

  get (id: string): MemberRecord | undefined {
    return workspaceRoots(this.ws.wsDoc).members.get(id)
  }

  /**
   * A member's name for display. In a workspace whose document is not loaded yet (the app's first moments,
   * store/workspace.ts deferWorkspace) only this member's own is known: undefined for the others.
   */
  nameOf (id: string): string | undefined {
    if (!this.ws.hasWorkspaceDoc) return id === this.ws.member.id ? this.ws.member.name : undefined
    return this.get(id)?.name
  }

  /** The member's record while they belong to the team (not removed). */
  active (id: string): MemberRecord | undefined {
    const m = this.get(id)
    return m && !m.removed ? m : undefined
  }

  role (id: string): Role | undefined { return this.active(id)?.role }

  /** Whether a peer with this key may connect: undefined if yes, else the reason it is refused. */
  refusal (id: string): string | undefined {
    const m = this.get(id)
    if (!m) return 'not a member of this team'
    if (m.removed) return 'not a member of this team (removed by an owner)'
    return undefined
  }

  /** A member by id, unique id prefix (dashes and case ignored) or name. */
  resolve (ref: string): MemberRecord {
    const key = (id: string) => id.replace(/-/g, '').toLowerCase()
    const items = this.all().map(m => ({ ...m, id: key(m.id), record: m }))
    return resolveRef(ref.includes('-') ? key(ref) : ref, items, { noun: 'member', listHint: '`pat team list`' }).record
  }

  /** Adds (or re-adds) a member; `by` must be an owner's signer. */
  async add (member: Pick<MemberRecord, 'id' | 'name' | 'role' | 'publicKey'>, by: Signer): Promise<MemberRecord> {
    await this.ws.workspaceDoc()
    this.requireOwner(by.id)
    return this.write({ ...member, addedAt: new Date().toISOString(), addedBy: by.id }, by)
  }

  async remove (ref: string, by: Signer): Promise<MemberRecord> {
    await this.ws.workspaceDoc()
    this.requireOwner(by.id)
    const m = this.resolve(ref)
    if (m.removed) throw new InputError(`${m.name} was already removed from the team`)
    this.keepAnOwner(m, undefined)
    return this.write({ ...m, removed: true }, by)
  }

  async setRole (ref: string, role: Role, by: Signer): Promise<MemberRecord> {
    await this.ws.workspaceDoc()
    this.requireOwner(by.id)
    const m = this.resolve(ref)
    if (m.removed) throw new InputError(`${m.name} was removed from the team; invite them again instead`)
    this.keepAnOwner(m, role)
    return this.write({ ...m, role }, by)
  }

  /**
   * Renames the member `by` signs for: their own entry, signed by themselves (store/roster-check.ts lets
   * every peer take it from any member). Returns the entry, or undefined when the name was already that.
   */
  async renameSelf (name: string, by: Signer): Promise<MemberRecord | undefined> {
    await this.ws.workspaceDoc()
    const clean = displayName(name, 'your name')
    const me = this.active(by.id)
    if (!me) throw new InputError('you are not in this team\'s roster: an owner has to add you again')
    if (me.name === clean) return undefined
    const record = await this.write({ ...me, name: clean }, by)
    await this.ws.saveNames()
    return record
  }

  /** The team's name (before a deferred workspace document is loaded: the name workspace.json keeps of it). */
  teamName (): string { return this.ws.hasWorkspaceDoc ? teamName(workspaceRoots(this.ws.wsDoc).team) : this.ws.config.team.name }

  /** Renames the team (owners only), signed so the rename travels through editors and hubs too. */
  async renameTeam (name: string, by: Signer): Promise<boolean> {
    await this.ws.workspaceDoc()
    this.requireOwner(by.id)
    const clean = displayName(name, 'the team\'s name')
    if (this.teamName() === clean) return false
    const doc = this.ws.wsDoc
    const { team } = workspaceRoots(doc)
    doc.transact(() => { writeTeamName(doc, team, String(team.get('id')), clean, by) }, LOCAL)
    await this.ws.flush()
    await this.ws.saveNames()
    return true
  }

  /** Calls back after every change to the workspace document (the roster may have changed). */
  onChange (listener: () => void): () => void {
    return this.ws.docs.onChange(name => { if (name === WORKSPACE_DOC) listener() })
  }

  private requireOwner (by: string): void {
    const role = this.role(by)
    if (role !== 'owner') throw new InputError(`only an owner can change the team: you are ${role ? `${role === 'viewer' ? 'a' : 'an'} ${role}` : 'not in the roster'}`)
  }

  private keepAnOwner (m: MemberRecord, newRole: Role | undefined): void {
    if (m.role !== 'owner' || newRole === 'owner') return
    if (!this.all().some(o => o.id !== m.id && o.role === 'owner' && !o.removed)) {
      throw new InputError(`${m.name} is the team's only owner: make another member an owner first (pat team role MEMBER owner)`)
    }
  }

  private async write (content: MemberContent, by: Signer): Promise<MemberRecord> {
    const doc = this.ws.wsDoc
    const { team, members } = workspaceRoots(doc)
    let record!: MemberRecord
    doc.transact(() => { record = writeSignedMember(doc, members, String(team.get('id')), content, members.get(content.id), by) }, LOCAL)
    await this.ws.flush()
    return record
  }
}
