/**
 * Compliance Improvement Plan actions: the generic add/change/remove plus `extend`, which records an
 * extension of the six-month conditional period (the framework allows them on request when the company
 * shows significant progress); one that ends on or before the period it extends is refused (cip-extension.ts).
 */
import * as Y from 'yjs'
import { CIP_EXTENSION_FIELDS, CIP_FIELDS, checkExtension, parseFields, type Cip, type FieldInput } from '../../domain/index.js'
import { writeFields } from '../fields.js'
import { newId } from '../ids.js'
import { readCips } from '../snapshot.js'
import type { Workspace } from '../workspace.js'
import { accountRoots } from '../schema.js'
import { CipStepActions } from './cip-steps.js'
import { EntityActions } from './entities.js'

export class CipActions extends EntityActions<Cip> {
  /** The CIPs' corrective action steps. */
  readonly steps: CipStepActions

  constructor (ws: Workspace) {
    super(ws, {
      collection: 'cips',
      specs: CIP_FIELDS,
      noun: 'CIP',
      label: e => String(e.deficiency),
      order: readCips,
      listHint: '`pat cip list ACCOUNT`',
      childMaps: ['extensions'],
      // Its action steps are entries of their own collection: they go with it.
      onRemove: (acc, id) => {
        const steps = accountRoots(acc).collection('cipSteps')
        for (const [stepId, map] of [...steps.entries()]) if (map.get('cip') === id) steps.delete(stepId)
      }
    })
    this.steps = new CipStepActions(ws, (doc, ref) => this.resolve(doc, ref))
  }

  async extend (accountId: string, ref: string, input: FieldInput): Promise<Cip> {
    const values = parseFields(CIP_EXTENSION_FIELDS, input, 'create')
    const target = this.resolve(await this.ws.accountDoc(accountId), ref)
    checkExtension(target, String(values.until))
    return this.ws.edit(accountId, 'cips.extend', acc => {
      const ext = new Y.Map<unknown>()
      const extensions = this.map(acc, target.id).get('extensions') as Y.Map<unknown>
      extensions.set(newId(), ext)
      ext.set('grantedAt', this.ws.now())
      writeFields(ext, CIP_EXTENSION_FIELDS, values, this.ws.now())
      return { result: this.find(acc, target.id), summary: `extended CIP "${String(target.deficiency)}" until ${String(values.until)}: ${String(values.reason)}` }
    })
  }
}
