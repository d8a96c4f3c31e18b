/**
 * Hub mode: syncing through a stock Yjs server (y-websocket or Hocuspocus 3, or `hub/` with Redis) when peers
 * cannot reach each other. client.ts runs one exchange (`pat sync --hub`), link.ts a long-running link (the app
 * and `pat serve`) keeping rooms.ts's bounded set of rooms open; each room's exchange is room.ts, over the
 * hub kind's transport (transport.ts choosing ywebsocket.ts — a WebSocket per room — or hocuspocus.ts — one
 * WebSocket for every room); the wire messages are protocol.ts (y-protocols sync/awareness) and
 * hocuspocus-protocol.ts (Hocuspocus's document-name framing); url.ts says what a valid hub URL is. The hub's
 * updates are judged as a peer's are (../judge.ts). Modules are imported directly, not through this index.
 */
export type { HubLink } from './link.js'
