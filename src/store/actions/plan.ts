/**
 * Action Plan actions: the plan's own fields (period, plan date, background, scope, last review), its
 * project items (with `done` to complete one), and its approvals.
 */
import { PLAN_FIELDS, PLAN_ITEM_FIELDS, APPROVAL_FIELDS, parseFields, type Approval, type FieldInput, type PlanItem } from '../../domain/index.js'
import { writeFields, readFields } from '../fields.js'
import { accountRoots } from '../schema.js'
import { readPlanItems } from '../snapshot.js'
import type { Workspace } from '../workspace.js'
import { EntityActions } from './entities.js'

export class PlanItemActions extends EntityActions<PlanItem> {
  constructor (ws: Workspace) {
    super(ws, {
      collection: 'items',
      specs: PLAN_ITEM_FIELDS,
      noun: 'plan item',
      label: e => String(e.title),
      order: readPlanItems,
      listHint: '`pat plan list ACCOUNT`'
    })
  }

  override async add (accountId: string, input: FieldInput): Promise<PlanItem> {
    return super.add(accountId, { status: 'open', ...input })
  }

  /** Marks an item done (and stamps when). */
  async done (accountId: string, ref: string): Promise<PlanItem> {
    const target = this.resolve(await this.ws.accountDoc(accountId), ref)
    return this.ws.edit(accountId, 'items.done', acc => {
      const map = this.map(acc, target.id)
      if (map.get('status') === 'done') return { result: this.find(acc, target.id), summary: undefined }
      map.set('status', 'done')
      map.set('doneAt', this.ws.now())
      return { result: this.find(acc, target.id), summary: `completed plan item "${String(target.title)}"` }
    })
  }
}

export class PlanActions {
  readonly items: PlanItemActions
  readonly approvals: EntityActions<Approval>

  constructor (private readonly ws: Workspace) {
    this.items = new PlanItemActions(ws)
    this.approvals = new EntityActions(ws, {
      collection: 'approvals', specs: APPROVAL_FIELDS, noun: 'approval', label: e => `${String(e.name)} (${String(e.role)})`, listHint: '`pat plan show ACCOUNT`'
    })
  }

  async show (accountId: string) {
    return readFields(accountRoots(await this.ws.accountDoc(accountId)).plan, PLAN_FIELDS)
  }

  async set (accountId: string, input: FieldInput) {
    const values = parseFields(PLAN_FIELDS, input, 'patch')
    await this.ws.edit(accountId, 'plan.set', acc => {
      const changes = writeFields(accountRoots(acc).plan, PLAN_FIELDS, values, this.ws.now())
      return { result: undefined, summary: changes.length ? `action plan: ${changes.join('; ')}` : undefined }
    })
    return this.show(accountId)
  }
}
