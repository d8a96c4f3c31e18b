// A mixed team: Ana syncs only through the hub (a stock y-websocket server), Cy only peer to peer, and Bo —
// hosting the workspace as `pat serve` and the app do (cli/host.ts), with a hub set in hub.json — does both.
// Edits Ana and Cy make apart reach each other through Bo, live; the status line names the hub's state; a hub
// that goes down leaves Bo's peer sync working and says so; `pat hub clear` routed into Bo stops the link.
import { describe, expect, it } from 'vitest'
import { hostWorkspace, type Host } from '../../src/cli/host.js'
import { runCli } from '../../src/cli/main.js'
import { writeHubConfig } from '../../src/store/hub-config.js'
import type { Store } from '../../src/store/index.js'
import { HubLink } from '../../src/sync/hub/link.js'
import { waitFor } from '../helpers/cli.js'
import { hubTeam, startStockHub } from '../helpers/hub.js'
import { startNode, type TestNode } from '../helpers/peers.js'
import { replicaState } from '../helpers/sync.js'
import { syncStores } from '../helpers/store.js'
import { joinedStore } from '../helpers/team.js'
import { closedAfter } from '../helpers/closed-after.js'

const keep = closedAfter('each')

const view = async (s: Store) => JSON.stringify((await replicaState(s)).view.shown.map(a => a.plan.items.map(i => i.title).sort()))
const itemsOn = async (s: Store, accountId: string) => (await s.accounts.show(accountId)).plan.items.map(i => i.title)

/** Bo hosting his workspace like `pat serve` (loopback, no mDNS), the hub set in his home. */
async function hostBo (bo: Store, hubUrl: string): Promise<Host & { lines: string[] }> {
  await writeHubConfig(bo.ws.paths.hub, { url: hubUrl })
  const lines: string[] = []
  const host = await hostWorkspace(bo, { holder: 'serve', sync: { host: '127.0.0.1', port: 0, portGiven: true, peers: [], mdns: false, log: line => lines.push(line) } })
  keep(host)
  await host.ready
  return Object.assign(host, { lines })
}

async function mixedTeam () {
  const hub = keep(await startStockHub())
  const { ana, bo, account } = await hubTeam(keep)
  const cy = keep(await joinedStore(ana, 'Cy Park', 'editor'))
  await syncStores(ana, bo) // Bo knows Cy before Cy dials him (else Cy is refused until the roster arrives)
  const boHost = await hostBo(bo, hub.url)
  const anaLink = new HubLink({ store: ana, url: hub.url, backoff: { baseMs: 100, maxMs: 400 } })
  anaLink.start()
  keep({ close: () => anaLink.stop() })
  const cyNode: TestNode = keep({ ...(await startNode(cy, { listen: false })), close: () => cyNode.node.stop() })
  cyNode.node.keepConnected(`127.0.0.1:${boHost.peer!.port}`)
  await waitFor(() => boHost.hub?.status()?.state === 'connected' && anaLink.status().state === 'connected', 15_000, 'the hub links to connect')
  await waitFor(() => boHost.peer!.status().peers.some(p => p.connected), 15_000, 'Cy to connect to Bo')
  return { hub, ana, bo, cy, account, boHost, anaLink }
}

describe('a team syncing partly through a hub, partly peer to peer', () => {
  it('converges through the member who does both, live', async () => {
    const { ana, bo, cy, account, boHost } = await mixedTeam()
    expect(boHost.indicator!.summary()).toMatch(/^1 peer online · hub connected · synced \d\d:\d\d$/)

    await ana.plan.items.add(account.id, { title: 'From Ana, hub only', priority: 'high' })
    await cy.plan.items.add(account.id, { title: 'From Cy, peers only', priority: 'low' })
    const later = await cy.accounts.add({ name: 'Peer Freight Co' })
    for (const s of [ana, bo, cy]) {
      await waitFor(async () => (await itemsOn(s, account.id)).length === 2, 15_000, `both items on ${s.ws.member.name}`)
    }
    await waitFor(async () => (await ana.accounts.list()).some(a => a.id === later.id), 15_000, 'Cy\'s new account on Ana')
    await waitFor(async () => (await view(ana)) === (await view(cy)) && (await view(bo)) === (await view(cy)), 15_000, 'the three replicas to show the same')
    expect((await itemsOn(ana, account.id)).sort()).toEqual(['From Ana, hub only', 'From Cy, peers only'])
  })

  it('keeps peer sync going when the hub is down, says so, and stops the link on pat hub clear', async () => {
    const { hub, bo, cy, account, boHost } = await mixedTeam()
    await hub.close()
    await waitFor(() => boHost.hub?.status()?.state === 'unreachable', 15_000, 'the link to see the hub gone')
    expect(boHost.indicator!.summary()).toMatch(/^1 peer online · hub unreachable, retrying/)
    await cy.plan.items.add(account.id, { title: 'While the hub is down', priority: 'medium' })
    await waitFor(async () => (await itemsOn(bo, account.id)).includes('While the hub is down'), 15_000, 'Cy\'s item on Bo without the hub')

    const out: string[] = []
    const io = { out: (l: string) => out.push(l), err: (l: string) => out.push(l), cwd: process.cwd(), columns: 80, color: false }
    expect(await runCli(['--home', bo.ws.paths.root, 'hub', 'clear'], io, bo)).toBe(0)
    expect(out).toEqual(['hub cleared'])
    expect(boHost.hub!.status()).toBeUndefined()
    expect(boHost.indicator!.summary()).toMatch(/^1 peer online · synced/)
  })
})
