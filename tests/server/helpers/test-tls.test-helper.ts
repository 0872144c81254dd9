/* A throwaway self-signed certificate for localhost (openssl), for the HTTPS stories. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export function createSelfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, 'pos.crt');
  const key = path.join(dir, 'pos.key');
  execFileSync(
    'openssl',
    ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost', '-keyout', key, '-out', cert],
    { stdio: 'ignore' },
  );
  return { cert, key };
}
