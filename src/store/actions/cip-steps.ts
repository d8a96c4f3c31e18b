/**
 * A CIP's corrective action steps, each with its supporting documentation, target date and responsible
 * department (CIP framework, "Target Dates" and "Responsible Department"): add, change, remove. A step is
 * named by its number in the CIP, its id or its text. An older CIP's steps are read from its action-steps
 * text; the first change to one of them stores them all as entries (the old text is kept, unused).
 */
import * as Y from 'yjs'
import { CIP_STEP_FIELDS, parseFields, type Cip, type CipStep, type FieldInput, type FieldValue } from '../../domain/index.js'
import { writeFields } from '../fields.js'
import { newId } from '../ids.js'
import { resolveRef } from '../resolve.js'
import { accountRoots } from '../schema.js'
import { readCips } from '../snapshot.js'
import type { Workspace } from '../workspace.js'

export class CipStepActions {
  constructor (private readonly ws: Workspace, private readonly resolveCip: (doc: Y.Doc, ref: string) => Cip) {}

  async list (accountId: string, cipRef: string): Promise<CipStep[]> {
    return [...this.resolveCip(await this.ws.accountDoc(accountId), cipRef).steps]
  }

  async add (accountId: string, cipRef: string, input: FieldInput): Promise<CipStep> {
    const values = parseFields(CIP_STEP_FIELDS, input, 'create')
    const cip = this.resolveCip(await this.ws.accountDoc(accountId), cipRef)
    return this.ws.edit(accountId, 'cips.step.add', acc => {
      this.storeDerived(acc, cip)
      const id = this.write(acc, cip.id, values)
      const step = this.stepOf(acc, cip.id, id)
      return { result: step, summary: `CIP "${cip.deficiency}": added action step "${step.action}"${stepDetails(step)}` }
    })
  }

  async set (accountId: string, cipRef: string, stepRef: string, input: FieldInput): Promise<CipStep> {
    const values = parseFields(CIP_STEP_FIELDS, input, 'patch')
    const cip = this.resolveCip(await this.ws.accountDoc(accountId), cipRef)
    const n = cip.steps.indexOf(this.resolveStep(cip, stepRef))
    return this.ws.edit(accountId, 'cips.step.set', acc => {
      const ids = this.storeDerived(acc, cip)
      const id = ids[n]!
      const changes = writeFields(accountRoots(acc).collection('cipSteps').get(id)!, CIP_STEP_FIELDS, values, this.ws.now())
      const step = this.stepOf(acc, cip.id, id)
      return { result: step, summary: changes.length ? `CIP "${cip.deficiency}", step ${n + 1}: ${changes.join('; ')}` : undefined }
    })
  }

  async remove (accountId: string, cipRef: string, stepRef: string): Promise<CipStep> {
    const cip = this.resolveCip(await this.ws.accountDoc(accountId), cipRef)
    const target = this.resolveStep(cip, stepRef)
    const n = cip.steps.indexOf(target)
    return this.ws.edit(accountId, 'cips.step.remove', acc => {
      const ids = this.storeDerived(acc, cip)
      accountRoots(acc).collection('cipSteps').delete(ids[n]!)
      return { result: target, summary: `CIP "${cip.deficiency}": removed action step ${n + 1} "${target.action}"${stepDetails(target)}` }
    })
  }

  private resolveStep (cip: Cip, ref: string): CipStep {
    return resolveRef(ref, cip.steps, { noun: 'action step', listHint: '`pat cip step list ACCOUNT CIP`', numbered: true, label: s => s.action })
  }

  /** Stores an older CIP's steps read from its text as entries, in order; returns every step's stored id. */
  private storeDerived (acc: Y.Doc, cip: Cip): string[] {
    const current = readCips(acc).find(c => c.id === cip.id)?.steps ?? []
    if (!current.some(s => s.derived)) return current.map(s => s.id)
    // Stamped a millisecond apart just before now: in their order, and before a step added with them.
    const now = Date.parse(this.ws.now())
    return current.map((s, i) => this.write(acc, cip.id, stepValues(s), new Date(now - (current.length - i)).toISOString()))
  }

  private write (acc: Y.Doc, cipId: string, values: Record<string, FieldValue>, createdAt = this.ws.stamp()): string {
    const id = newId()
    const map = new Y.Map<unknown>()
    accountRoots(acc).collection('cipSteps').set(id, map)
    map.set('cip', cipId)
    map.set('createdAt', createdAt)
    map.set('createdBy', this.ws.member.id)
    writeFields(map, CIP_STEP_FIELDS, values, this.ws.now())
    return id
  }

  private stepOf (acc: Y.Doc, cipId: string, id: string): CipStep {
    return readCips(acc).find(c => c.id === cipId)!.steps.find(s => s.id === id)!
  }
}

/** The stored fields of a step, for storing a derived one. */
function stepValues (s: CipStep): Record<string, FieldValue> {
  const out: Record<string, FieldValue> = {}
  for (const spec of CIP_STEP_FIELDS) if (s[spec.key] !== undefined) out[spec.key] = s[spec.key] as FieldValue
  return out
}

/** " (target 2027-01-31, department Compliance)": what the log needs to restore a removed step. */
function stepDetails (s: CipStep): string {
  const parts = CIP_STEP_FIELDS.filter(f => f.key !== 'action' && s[f.key]).map(f => `${f.label}: ${String(s[f.key])}`)
  return parts.length ? ` (${parts.join(', ')})` : ''
}
