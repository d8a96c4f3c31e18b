/**
 * The peer node: what `pat serve` and the app run to sync a workspace directly with teammates. node.ts puts it
 * together from dialer.ts (the peers it is told about, remembers or finds, redialled with backoff), sessions.ts
 * (one SyncSession per connection, presence riding along), roster.ts (roster changes applied while connected),
 * joins.ts (invites answered on the listener), status.ts (what the status line shows), book.ts (peers met,
 * kept in the home's peers.json) and LAN discovery: mdns.ts announces and browses `_pat-desk._tcp` with only a
 * hash of the team id, discovery.ts dials what it finds. Modules are imported directly, not through this index,
 * so a command loads only what it runs.
 */
export type { PeerNode } from './node.js'
