/**
 * The hub this member syncs through (`pat hub set`), `hub.json` in the home: its URL and, when the hub wants
 * one, a token. The file is local to the member, written atomically with mode 0600 — the token is a secret.
 * What a valid hub URL is belongs to the sync layer (sync/hub/url.ts); this only keeps what it was given.
 */
import { rm } from 'node:fs/promises'
import { StoreError } from './errors.js'
import { readJsonFile, writeFileAtomic } from './files.js'

export interface HubConfig {
  url: string
  token?: string
}

export function readHubConfig (path: string): Promise<HubConfig | undefined> {
  return readJsonFile(path, 'the hub settings', 'set them again with `pat hub set URL`', value => {
    const cfg = value as { version?: unknown, url?: unknown, token?: unknown }
    if (cfg?.version !== 1 || typeof cfg.url !== 'string' || (cfg.token !== undefined && typeof cfg.token !== 'string')) throw new Error('missing fields')
    return { url: cfg.url, ...(cfg.token !== undefined ? { token: cfg.token } : {}) }
  })
}

export async function writeHubConfig (path: string, cfg: HubConfig): Promise<void> {
  await writeFileAtomic(path, JSON.stringify({ version: 1, ...cfg }, null, 2) + '\n', 0o600)
}

/** Removes the hub settings; false when there were none. */
export async function clearHubConfig (path: string): Promise<boolean> {
  try {
    await rm(path)
    return true
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw new StoreError('io', `cannot remove ${path}: ${(err as Error).message}`, err)
  }
}
