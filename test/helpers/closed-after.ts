// What a test opens (stores, peer nodes, hubs, servers), closed newest first after each test or after the
// file's last one: `const keep = closedAfter('each')`, then `keep(store)` returns the store it keeps.
import { afterAll, afterEach } from 'vitest'

export interface Closable { close (): Promise<void> }

export function closedAfter (when: 'each' | 'all'): <T extends Closable>(first: T, ...more: Closable[]) => T {
  const open: Closable[] = []
  ;(when === 'each' ? afterEach : afterAll)(async () => { for (const o of open.splice(0).reverse()) await o.close() })
  return (first, ...more) => { open.push(first, ...more); return first }
}
