/**
 * A member's TLS certificate: self-signed, made from the member's own Ed25519 key (identity.ts), and
 * trusted by nobody by default — peers pin it instead. A connection is accepted only when the fingerprint
 * of the certificate's public key (the same SHA-256 fingerprint that is the member id) is in the roster, so
 * there are no certificate authorities to trust or compromise (the Syncthing model). TLS 1.3 then gives
 * both ends encryption and proof that the other holds the private key.
 *
 * @peculiar/x509 builds the certificate (Node's crypto cannot create one); it needs the reflect-metadata
 * polyfill, and is loaded only by the commands that sync.
 */
import 'reflect-metadata'
import { webcrypto, type KeyObject, type X509Certificate as NodeCertificate } from 'node:crypto'
import * as x509 from '@peculiar/x509'
import { peerKeyOf } from './identity.js'

x509.cryptoProvider.set(webcrypto)

const ED25519 = { name: 'Ed25519' }
const TEN_YEARS_MS = 10 * 365 * 24 * 3600 * 1000

/** A self-signed certificate (PEM) for the member's key pair. */
export async function createCertificate (privateKey: KeyObject, publicKeyPem: string, memberId: string): Promise<string> {
  const pkcs8 = privateKey.export({ type: 'pkcs8', format: 'der' })
  const spki = Buffer.from(publicKeyPem.replace(/-----[^-]+-----|\s/g, ''), 'base64')
  const keys = {
    privateKey: await webcrypto.subtle.importKey('pkcs8', pkcs8, ED25519, false, ['sign']),
    publicKey: await webcrypto.subtle.importKey('spki', spki, ED25519, true, ['verify'])
  }
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: Date.now().toString(16),
    name: `CN=pat-member-${memberId.slice(0, 15)}`,
    notBefore: new Date(Date.now() - 24 * 3600 * 1000),
    notAfter: new Date(Date.now() + TEN_YEARS_MS),
    keys,
    signingAlgorithm: ED25519
  })
  return cert.toString('pem')
}

/** The member id a peer's certificate proves (the fingerprint of its public key). */
export function memberIdOf (cert: NodeCertificate | { raw: Buffer } | undefined): string | undefined {
  return peerKeyOf(cert)?.id
}
