/**
 * `pat team list|invite|remove|role`: the roster and invites. Only an owner invites, removes and changes
 * roles (store/roster.ts says why not otherwise). An invite needs an address where a new member can reach
 * this member: the running peer's (`pat serve` or the app — the command is routed there), or --address.
 */
import type { Command } from 'commander'
import { InputError } from '../../domain/index.js'
import { parseRole, type MemberRecord, type Store } from '../../store/index.js'
import { parseAddress } from '../../sync/address.js'
import { loadSigner } from '../../sync/identity.js'
import { withStore, type CliContext } from '../context.js'
import { collect } from '../field-options.js'
import { formatTable } from '../format.js'
import { hostOf } from '../host.js'
import { printJson, tableWidth } from '../io.js'

const shown = ({ publicKey: _k, seq: _s, signedBy: _b, signature: _g, ...m }: MemberRecord) => m
/** This member's signer, for the roster entries it writes (store/member-signature.ts). */
const signer = (s: Store) => loadSigner(s.ws.paths.identityKey)

export function registerTeam (program: Command, ctx: CliContext): void {
  const team = program.command('team').description('the team roster and invites')
  team.command('list').description('list the team\'s members').option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      const members = await withStore(ctx, async s => s.ws.members().map(shown))
      if (opts.json) printJson(ctx.io, members)
      else ctx.io.out(formatTable(members, [{ title: 'NAME', get: m => m.name }, { title: 'ROLE', get: m => m.role + (m.removed ? ' (removed)' : '') }, { title: 'MEMBER ID', get: m => m.id }], tableWidth(ctx.io)))
    })

  team.command('rename').argument('<name>', 'the team\'s new name').description('rename the team: every member sees the new name once synced (owners only)')
    .option('--json', 'print JSON')
    .action(async (name: string, opts: { json?: boolean }) => {
      const info = await withStore(ctx, async (s: Store) => ({ changed: await s.roster.renameTeam(name, await signer(s)), team: { id: s.ws.config.team.id, name: s.roster.teamName() } }))
      if (opts.json) printJson(ctx.io, info.team)
      else ctx.io.out(info.changed ? `the team is now "${info.team.name}"; members see it once they sync` : `the team is already called "${info.team.name}"`)
    })

  team.command('invite').description('make a one-time code for a new member (owners only)')
    .option('--role <role>', 'editor or viewer', 'editor')
    .option('--ttl <duration>', 'how long the code is valid (e.g. 30m, 24h, 7d)', '24h')
    .option('--address <host:port>', 'where the new member can reach you (repeatable; default: the running peer\'s addresses)', collect)
    .option('--json', 'print JSON')
    .action(async (opts: { role: string, ttl: string, address?: string[], json?: boolean }) => {
      const { checkCanInvite, createInvite, parseTtl } = await import('../../sync/invite.js')
      const role = parseRole(opts.role, ['editor', 'viewer'])
      const ttlMs = parseTtl(opts.ttl)
      const given = (opts.address ?? []).map(a => parseAddress(a, '--address'))
      const invite = await withStore(ctx, async s => {
        checkCanInvite(s) // the role first: an editor is not sent to start `pat serve` for nothing
        const addresses = given.length ? given : hostOf(s)?.peer?.addresses() ?? []
        if (addresses.length === 0) throw new InputError('no running peer to join through: start `pat serve` (or the app) and invite again, or give --address HOST:PORT')
        return { ...(await createInvite(s, { role, ttlMs, addresses })), role, addresses }
      })
      if (opts.json) { printJson(ctx.io, invite); return }
      ctx.io.out([
        `invite code for a new ${role} (single use, valid until ${invite.expiresAt}):`, '', `  ${invite.code}`, '',
        `on the new member's machine: pat init --name "Their Name" --join ${invite.code.slice(0, 12)}…`,
        'keep this member\'s peer running (pat serve or the app) until they have joined'
      ].join('\n'))
    })

  team.command('remove').argument('<member>', 'member id, id prefix or name').description('remove a member: every peer that learns of it refuses them (owners only)')
    .option('--json', 'print JSON')
    .action(async (ref: string, opts: { json?: boolean }) => {
      const m = await withStore(ctx, async (s: Store) => s.roster.remove(ref, await signer(s)))
      if (opts.json) printJson(ctx.io, shown(m))
      else ctx.io.out(`removed ${m.name} from the team; peers that sync with you learn it and refuse them from then on`)
    })

  team.command('role').argument('<member>', 'member id, id prefix or name').argument('<role>', 'owner, editor or viewer')
    .description('change a member\'s role (owners only)')
    .option('--json', 'print JSON')
    .action(async (ref: string, roleText: string, opts: { json?: boolean }) => {
      const role = parseRole(roleText)
      const m = await withStore(ctx, async (s: Store) => s.roster.setRole(ref, role, await signer(s)))
      if (opts.json) printJson(ctx.io, shown(m))
      else ctx.io.out(`${m.name} is now ${role === 'viewer' ? 'a' : 'an'} ${role}`)
    })
}
