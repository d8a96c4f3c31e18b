import { describe, expect, it } from 'vitest'
import { Store } from '../../src/store/index.js'
import { initWorkspace } from '../../src/cli/setup.js'
import { tempDir } from '../helpers/home.js'
import { syncStores } from '../helpers/store.js'

const HOUR = 3_600_000
const DAY = 24 * HOUR

/** A member's store whose clock is `skew` ms off and moves on by a minute per reading. */
async function memberWithClock (name: string, skew: number): Promise<Store> {
  const home = await tempDir()
  await (await initWorkspace(home, { name })).close()
  let ticks = 0
  const base = Date.UTC(2026, 2, 10, 9)
  return Store.open(home, { now: () => new Date(base + skew + 60_000 * ticks++) })
}

describe('clock skew between members', () => {
  it('merges as without skew, and a reply sorts after what it answers even when its author\'s clock is a day behind', async () => {
    const ana = await memberWithClock('Ana Lima', 0)
    const bo = await memberWithClock('Bo Chen', -DAY)
    const acc = await ana.accounts.add({ name: 'Shared Harbor Co', iors: ['11-2223334'] })
    await ana.checklist.set(acc.id, 'business.C', 'na', 'broker files all entries')
    await syncStores(ana, bo)

    // Bo answers what Ana did (his clock says the day before), then both edit offline, concurrently.
    await bo.checklist.set(acc.id, 'business.C', 'yes')
    await syncStores(ana, bo)
    await ana.plan.items.add(acc.id, { title: 'Ana\'s item', priority: 'high' })
    await ana.accounts.set(acc.id, { leadPort: 'Savannah' })
    await bo.plan.items.add(acc.id, { title: 'Bo\'s item', priority: 'low' })
    await bo.accounts.set(acc.id, { stage: 'establish' })
    await syncStores(ana, bo)

    const shownA = await ana.accounts.show(acc.id)
    expect(await bo.accounts.show(acc.id)).toEqual(shownA)
    expect(shownA).toMatchObject({ leadPort: 'Savannah', stage: 'establish' })
    expect(shownA.plan.items.map(i => i.title).sort()).toEqual(['Ana\'s item', 'Bo\'s item'])
    expect(shownA.checklist.find(r => r.name === 'business.C')).toMatchObject({ answer: 'yes' })

    const log = await ana.ws.log(acc.id)
    expect(await bo.ws.log(acc.id)).toEqual(log)
    const summaries = log.map(e => `${e.byName}: ${e.summary}`)
    const answer = summaries.indexOf('Bo Chen: set Business C (Remote Filing) to Yes')
    expect(answer).toBeGreaterThan(summaries.indexOf('Ana Lima: set Business C (Remote Filing) to No/NA: "broker files all entries"'))
    // Each entry shows its author's own clock: Bo's answer says the day before Ana's question.
    const bos = log[answer]!
    expect(Date.parse(bos.at)).toBeLessThan(Date.parse(log[answer - 1]!.at) - 20 * HOUR)
    // What happened after Bo's answer — on either side — sorts after it.
    expect(summaries.slice(answer + 1).sort()).toEqual([
      'Ana Lima: Lead port: Savannah',
      'Ana Lima: added plan item "Ana\'s item" (Priority: High, Status: open)',
      'Bo Chen: SOP stage: Select → Establish',
      'Bo Chen: added plan item "Bo\'s item" (Priority: Low, Status: open)'
    ].sort())
    await ana.close(); await bo.close()
  })

  it('interleaves entries made without knowledge of each other by their authors\' clocks, the same on every replica', async () => {
    const ana = await memberWithClock('Ana Lima', 0)
    const cy = await memberWithClock('Cy Ortiz', HOUR) // an hour ahead
    const acc = await ana.accounts.add({ name: 'Shared Harbor Co' })
    await syncStores(ana, cy)
    for (let n = 0; n < 3; n++) {
      await ana.plan.items.add(acc.id, { title: `Ana ${n}`, priority: 'medium' })
      await cy.plan.items.add(acc.id, { title: `Cy ${n}`, priority: 'medium' })
    }
    await syncStores(ana, cy)
    const log = await ana.ws.log(acc.id)
    expect(await cy.ws.log(acc.id)).toEqual(log)
    // Cy's clock is an hour ahead, so his offline entries sort after Ana's — each member's own in order.
    expect(log.slice(1).map(e => e.summary.replace(/ \(.*$/, ''))).toEqual([
      'added plan item "Ana 0"', 'added plan item "Ana 1"', 'added plan item "Ana 2"',
      'added plan item "Cy 0"', 'added plan item "Cy 1"', 'added plan item "Cy 2"'
    ])
    expect(log.map(e => e.order)).toEqual([...log.map(e => e.order!)].sort())
    await ana.close(); await cy.close()
  })
})
