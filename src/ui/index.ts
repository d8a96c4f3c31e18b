/**
 * The terminal app (Ink 6 + React 19): the screen people live in every day — the accounts table, an
 * account's tabs (profile, contacts, checklist, action plan, CIPs, activity), SOP search and a reader, and
 * help generated from the one key table (keys/key-table.ts). Components read plain snapshots from the
 * store through `useStoreSnapshot` (React's useSyncExternalStore over `Store.subscribe`, re-loading on every
 * change, remote ones included) and write only through the store's named actions; nothing here imports
 * Yjs. Each screen is a component plus a hook for its state (screens/, hooks/), shared pieces live in
 * components/, pure row and cell formatting in format/ (tested alone), and colours only through the theme's
 * tokens (theme/), with a NO_COLOR variant. The CLI launches it (`pat`, `pat app`) with `runApp`.
 */
export { runApp, type RunAppOptions } from './run.js'
