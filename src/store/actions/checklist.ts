/**
 * Checklist actions: answer an item Yes or No/NA (with its required reason), clear it, and add or remove
 * the account's own requested items. An answer is stored as one value with its reason, author and time.
 */
import * as Y from 'yjs'
import { InputError, answerLabel, type Answer, parseAnswer, parseOtherText, resolveChecklistItem, validateAnswer, type ChecklistRow } from '../../domain/index.js'
import { noteFieldChange } from '../fields.js'
import { newId } from '../ids.js'
import { accountRoots, otherKey } from '../schema.js'
import { readChecklist, readRequested } from '../snapshot.js'
import type { Workspace } from '../workspace.js'

export class ChecklistActions {
  constructor (private readonly ws: Workspace) {}

  async show (accountId: string): Promise<ChecklistRow[]> {
    return readChecklist(await this.ws.accountDoc(accountId))
  }

  async set (accountId: string, item: string, word: string, reason?: string): Promise<ChecklistRow> {
    const doc = await this.ws.accountDoc(accountId)
    const def = resolveChecklistItem(item, readRequested(doc))
    const answer = parseAnswer(word)
    const title = `${def.area === 'requested' ? 'Requested' : def.area === 'compliance' ? 'Compliance' : 'Business'} ${def.letter} (${def.label})`
    const valid = answer === null ? null : validateAnswer(answer, reason, title)
    return this.ws.edit(accountId, 'checklist.set', acc => {
      const checklist = accountRoots(acc).checklist
      const prev = checklist.get(def.key) as { answer: string, reason: string } | undefined
      let summary: string | undefined
      const shown = (a: { answer: string, reason: string } | undefined) => a ? `${answerLabel(a.answer as Answer)}${a.reason ? `: ${a.reason}` : ''}` : undefined
      if (valid === null) {
        if (prev) { checklist.delete(def.key); summary = `cleared ${title}` }
      } else if (!prev || prev.answer !== valid.answer || prev.reason !== valid.reason) {
        checklist.set(def.key, { ...valid, by: this.ws.member.id, at: this.ws.now() })
        summary = `set ${title} to ${answerLabel(valid.answer)}${valid.reason ? `: "${valid.reason}"` : ''}`
      }
      if (summary) noteFieldChange({ field: `checklist.${def.key}`, label: title, ...(prev ? { from: shown(prev) } : {}), ...(valid ? { to: shown(valid) } : {}) })
      return { result: readChecklist(acc).find(r => r.key === def.key)!, summary }
    })
  }

  /** Says what an "Other" item (compliance.K, business.H) is; "" clears it. */
  async describeOther (accountId: string, item: string, text: string): Promise<ChecklistRow> {
    const def = resolveChecklistItem(item, [])
    const value = parseOtherText(def.key, text)
    return this.ws.edit(accountId, 'checklist.other', acc => {
      const plan = accountRoots(acc).plan
      const prev = plan.get(otherKey(def.key))
      let summary: string | undefined
      if (value === '' && prev !== undefined) { plan.delete(otherKey(def.key)); summary = `cleared what ${def.key} (Other) is (was "${String(prev)}")` }
      if (value !== '' && prev !== value) { plan.set(otherKey(def.key), value); summary = `${def.key} (Other) is "${value}"${prev ? ` (was "${String(prev)}")` : ''}` }
      return { result: readChecklist(acc).find(r => r.key === def.key)!, summary }
    })
  }

  async addRequested (accountId: string, title: string): Promise<ChecklistRow> {
    const text = title.trim()
    if (!text) throw new InputError('a requested item needs a title: pat checklist request ACCOUNT "Title"')
    const id = newId()
    return this.ws.edit(accountId, 'checklist.request', acc => {
      const map = new Y.Map<unknown>()
      accountRoots(acc).collection('requested').set(id, map)
      map.set('title', text)
      map.set('createdAt', this.ws.stamp())
      return { result: readChecklist(acc).find(r => r.key === `requested.${id}`)!, summary: `added account-requested checklist item "${text}"` }
    })
  }
}
