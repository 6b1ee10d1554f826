import { createHash, randomBytes } from 'node:crypto';

/** A fresh bearer secret: 256 random bits, base64url. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What we store instead of a token, so a database leak yields no usable secrets. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
