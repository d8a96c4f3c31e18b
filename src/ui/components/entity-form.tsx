/**
 * Adding or editing one entry of an account's collection (a contact, a plan item, a CIP) with a form
 * built from its field specs. An edit sends only the fields that changed; while it is open, a field that a
 * teammate changes is pointed out beside it.
 */
import { useState } from 'react'
import type { FieldSpec } from '../../domain/index.js'
import type { Entity } from '../../store/index.js'
import { changedFields, entityTexts, filledFields } from '../format/fields.js'
import { useAppServices } from '../contexts/app-context.js'
import { useRemoteChanges } from '../hooks/use-remote-changes.js'
import { Form } from './form.js'

export interface EntityFormProps {
  title: string
  specs: readonly FieldSpec[]
  accountId: string
  /** The entry being edited (its id), or undefined to add one. */
  editId: string | undefined
  entities: readonly Entity[]
  defaults?: Record<string, string>
  add: (values: Record<string, string>) => Promise<unknown>
  set: (id: string, values: Record<string, string>) => Promise<unknown>
  onClose: (saved: boolean) => void
  /** Keys of the entry's fields in conflict, marked `!` (`!` on the tab's row picks a value). */
  conflicts?: ReadonlySet<string>
  height: number
  width: number
}

export function EntityForm ({ title, specs, accountId, editId, entities, defaults = {}, add, set, onClose, conflicts, height, width }: EntityFormProps) {
  const { store } = useAppServices()
  const entity = editId === undefined ? undefined : entities.find(e => e.id === editId)
  const [initial] = useState(() => (editId === undefined ? { ...entityTexts(specs, undefined), ...defaults } : entityTexts(specs, entity)))
  const remote = useRemoteChanges(store, accountId, editId !== undefined)
  const current = editId === undefined ? undefined : entityTexts(specs, entity)
  return (
    <Form
      title={title} specs={specs} initial={initial} current={current} remote={remote} height={height} width={width}
      {...(conflicts?.size ? { conflicts } : {})}
      submit={async values => {
        if (editId === undefined) return add(filledFields(specs, values))
        const changed = changedFields(specs, initial, values)
        if (Object.keys(changed).length) await set(editId, changed)
      }}
      onDone={() => onClose(true)} onCancel={() => onClose(false)}
    />
  )
}
