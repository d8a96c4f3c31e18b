/**
 * A member's identity: an Ed25519 key pair made with Node's crypto (no home-made cryptography), stored in
 * the home as PEM (`identity/member.key`, mode 0600; `identity/member.pub`). The member id is the key's
 * fingerprint — SHA-256 of the public key (SPKI DER), base32 — as in Syncthing's device ids: anyone can
 * check that a peer's key matches the id in the roster, and nobody can claim an id without its key.
 */
import { X509Certificate, createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { InputError } from '../domain/index.js'
import type { Signer } from '../store/index.js'

export interface Identity {
  id: string
  publicKeyPem: string
  privateKey: KeyObject
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

function base32 (bytes: Uint8Array): string {
  let bits = 0; let value = 0; let out = ''
  for (const b of bytes) {
    value = (value << 8) | b; bits += 8
    while (bits >= 5) { out += BASE32[(value >>> (bits - 5)) & 31]; bits -= 5 }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31]
  return out
}

/** The member id of a public key: 52 base32 characters of its SHA-256, grouped 7-7-… with dashes. */
export function fingerprint (publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' })
  const b32 = base32(createHash('sha256').update(der).digest())
  return b32.match(/.{1,7}/g)!.join('-')
}

export async function createIdentity (keyPath: string, pubPath: string): Promise<Identity> {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const publicKeyPem = publicKey.export({ type: 'spki', format: 'pem' }).toString()
  await mkdir(dirname(keyPath), { recursive: true, mode: 0o700 })
  await writeFile(keyPath, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' })
  await writeFile(pubPath, publicKeyPem, { mode: 0o644 })
  return { id: fingerprint(publicKeyPem), publicKeyPem, privateKey }
}

/** The member's identity; a key that is missing or cannot be read is an InputError of one line. */
export async function loadIdentity (keyPath: string): Promise<Identity> {
  let pem: string
  try { pem = await readFile(keyPath, 'utf8') } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    throw new InputError(`your key ${keyPath} is ${code === 'ENOENT' ? 'missing' : `unreadable (${code})`}: sync and roster changes need it; restore identity/ from a copy of this home (\`pat doctor\` checks it)`)
  }
  try {
    const privateKey = createPrivateKey(pem)
    const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString()
    return { id: fingerprint(publicKeyPem), publicKeyPem, privateKey }
  } catch {
    throw new InputError(`your key ${keyPath} is damaged (not a private key PEM): sync and roster changes need it; restore identity/ from a copy of this home (\`pat doctor\` checks it)`)
  }
}

/** The identity in the home, made when there is no key yet (a key left by an interrupted init is reused). */
export async function loadOrCreateIdentity (keyPath: string, pubPath: string): Promise<Identity> {
  const present = await readFile(keyPath).then(() => true, () => false)
  return present ? loadIdentity(keyPath) : createIdentity(keyPath, pubPath)
}

/** What signs this member's roster entries (store/member-signature.ts) with its private key. */
export function signerOf (identity: Identity): Signer {
  return { id: identity.id, sign: data => sign(null, data, identity.privateKey) }
}

/** The signer of the member whose key is at `keyPath` (roster changes are signed with it). */
export async function loadSigner (keyPath: string): Promise<Signer> {
  return signerOf(await loadIdentity(keyPath))
}

/** The public key a peer's TLS certificate carries, and the member id it proves (its fingerprint). */
export function peerKeyOf (cert: X509Certificate | { raw: Buffer } | undefined): { id: string, publicKeyPem: string } | undefined {
  if (!cert) return undefined
  const c = cert instanceof X509Certificate ? cert : new X509Certificate(cert.raw)
  const publicKeyPem = c.publicKey.export({ type: 'spki', format: 'pem' }).toString()
  return { id: fingerprint(publicKeyPem), publicKeyPem }
}
