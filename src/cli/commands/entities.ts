/**
 * The collections inside an account, each with the same verbs — `add`, `list`, `set`, `rm` — built from one
 * definition: contacts (the Customs network and the account's points of contact), locations, related
 * companies (Types One–Four), Compliance Improvement Plans (plus `extend`), and dated events.
 */
import type { Command } from 'commander'
import {
  CIP_EXTENSION_FIELDS, CIP_FIELDS, CONTACT_FIELDS, EVENT_FIELDS, InputError, LOCATION_FIELDS, PORT_FIELDS, RELATED_FIELDS, extensionHistory, type Cip, type FieldSpec
} from '../../domain/index.js'
import type { Store } from '../../store/index.js'
import type { AnyEntityActions } from '../../store/actions/entities.js'
import { READS_ACCOUNTS, withStore, type CliContext } from '../context.js'
import { addFieldOptions, fieldInput } from '../field-options.js'
import { printJson, tableWidth } from '../io.js'
import { entitiesTable } from '../views.js'
import { registerCipSteps } from './cip-steps.js'

interface EntityCommand {
  name: string
  plural: string
  description: string
  actions: (s: Store) => AnyEntityActions
  specs: readonly FieldSpec[]
}

const DEFS: EntityCommand[] = [
  { name: 'contact', plural: 'contacts', description: 'the Customs network and the account\'s points of contact', actions: s => s.contacts, specs: CONTACT_FIELDS },
  { name: 'location', plural: 'locations', description: 'the account\'s locations: places, postal and billing addresses, telephone, fax, e-mail and Internet addresses (the type decides the fields)', actions: s => s.locations, specs: LOCATION_FIELDS },
  { name: 'related', plural: 'related companies', description: 'related companies, relationship Types One to Four', actions: s => s.related, specs: RELATED_FIELDS },
  { name: 'cip', plural: 'Compliance Improvement Plans', description: 'Compliance Improvement Plans', actions: s => s.cips, specs: CIP_FIELDS },
  { name: 'event', plural: 'events', description: 'dated meetings, reviews, interviews and referrals', actions: s => s.events, specs: EVENT_FIELDS },
  { name: 'port', plural: 'ports', description: 'the account\'s ports by value: share of its imports, rank, partner-port concurrence', actions: s => s.ports, specs: PORT_FIELDS }
]

const accountId = (s: Store, ref: string) => s.ws.resolveAccount(ref).id

export function registerEntities (program: Command, ctx: CliContext): void {
  for (const def of DEFS) {
    const group = program.command(def.name).description(def.description)
    const show = (opts: { json?: boolean }, value: unknown, text: string) => (opts.json ? printJson(ctx.io, value) : ctx.io.out(text))

    addFieldOptions(group.command('add').argument('<account>', 'account id or name').description(`add to ${def.plural}`), def.specs)
      .option('--json', 'print JSON')
      .action(async (ref: string, opts: Record<string, unknown>) => {
        const e = await withStore(ctx, s => def.actions(s).add(accountId(s, ref), fieldInput(opts, def.specs)))
        show(opts, e, `added ${def.name} ${e.id}`)
      })

    group.command('list').argument('<account>', 'account id or name').description(`list ${def.plural}`)
      .option('--json', 'print JSON')
      .action(async (ref: string, opts: { json?: boolean }) => {
        const list = await withStore(ctx, s => def.actions(s).list(accountId(s, ref)), READS_ACCOUNTS)
        show(opts, list, entitiesTable(list, def.specs, tableWidth(ctx.io), `No ${def.plural}.`))
      })

    addFieldOptions(group.command('set').argument('<account>', 'account id or name').argument('<item>', 'id, number in the list, or name')
      .description(`change one of the ${def.plural}`), def.specs)
      .option('--json', 'print JSON')
      .action(async (ref: string, item: string, opts: Record<string, unknown>) => {
        const input = fieldInput(opts, def.specs)
        if (Object.keys(input).length === 0) throw new InputError('nothing to change: give at least one field option (see --help)')
        const e = await withStore(ctx, s => def.actions(s).set(accountId(s, ref), item, input))
        show(opts, e, `updated ${def.name} ${e.id}`)
        // A report date recorded after an extension can leave it inside the period (cip-extension.ts): say so.
        if (def.name === 'cip') for (const w of idleExtensionWarnings(e)) ctx.io.err(`warning: ${w}`)
      })

    group.command('rm').alias('remove').argument('<account>', 'account id or name').argument('<item>', 'id, number in the list, or name')
      .description(`remove one of the ${def.plural} (the activity log keeps its content)`)
      .option('--json', 'print JSON')
      .action(async (ref: string, item: string, opts: { json?: boolean }) => {
        const e = await withStore(ctx, s => def.actions(s).remove(accountId(s, ref), item))
        show(opts, e, `removed ${def.name} ${e.id}`)
      })

    if (def.name === 'cip') {
      registerCipSteps(group, ctx)
      addFieldOptions(group.command('extend').argument('<account>', 'account id or name').argument('<cip>', 'id, number or deficiency')
        .description('record an extension of the six-month conditional period'), CIP_EXTENSION_FIELDS)
        .option('--json', 'print JSON')
        .action(async (ref: string, item: string, opts: Record<string, unknown>) => {
          const e = await withStore(ctx, s => s.cips.extend(accountId(s, ref), item, fieldInput(opts, CIP_EXTENSION_FIELDS)))
          show(opts, e, `extended CIP ${e.id}: conditional period now ends ${String(e.conditionalPeriodEnd)}`)
        })
    }
  }
}

/** The extensions of a CIP that extend nothing, one line each with both dates (as the export warns). */
function idleExtensionWarnings (e: unknown): string[] {
  const cip = e as Partial<Cip>
  return extensionHistory(cip).filter(x => !x.extends)
    .map(x => `the extension until ${x.until} does not extend CIP "${String(cip.deficiency)}": its conditional period already runs until ${String(x.from)}`)
}
