/**
 * The member's TLS identity for peer sync: the private key (identity.ts) and a self-signed certificate
 * made from it (certificate.ts). The certificate is made once and kept beside the key
 * (`identity/member.crt`), so only the first sync pays for loading the X.509 library; a certificate that
 * does not match the key (the key was replaced) is made again.
 */
import { X509Certificate } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { InputError } from '../domain/index.js'
import { writeFileAtomic } from '../store/files.js'
import type { HomePaths } from '../store/home.js'
import { loadIdentity, peerKeyOf, type Identity } from './identity.js'
import type { TlsIdentity } from './transport.js'

/**
 * The TLS identity of the home at `paths`; with `member` (the member id workspace.json names), a key of
 * another member is one line here rather than every peer's "not a member of this team" later.
 */
export async function loadTls (paths: HomePaths, member?: string): Promise<{ identity: Identity, tls: TlsIdentity }> {
  const identity = await loadIdentity(paths.identityKey)
  if (member !== undefined && identity.id !== member) {
    throw new InputError(`your key ${paths.identityKey} belongs to member ${identity.id}, but this home is member ${member}: restore identity/ from a copy of this home (\`pat doctor\` checks it)`)
  }
  const key = identity.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()
  let cert = await readFile(paths.identityCert, 'utf8').catch(() => '')
  if (!cert || !certificateMatches(cert, identity.id)) {
    const { createCertificate } = await import('./certificate.js')
    cert = await createCertificate(identity.privateKey, identity.publicKeyPem, identity.id)
    await writeFileAtomic(paths.identityCert, cert, 0o644)
  }
  return { identity, tls: { key, cert } }
}

function certificateMatches (pem: string, memberId: string): boolean {
  try {
    return peerKeyOf(new X509Certificate(pem))?.id === memberId
  } catch {
    return false
  }
}
