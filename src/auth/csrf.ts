import type { FastifyRequest } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True when a state-changing request comes from another site (Fetch metadata, then Origin). */
export function isCrossSiteMutation(req: FastifyRequest, publicUrl: string | undefined): boolean {
  if (SAFE_METHODS.has(req.method)) return false;
  if (req.headers['sec-fetch-site'] === 'cross-site') return true;
  const origin = req.headers.origin;
  if (!origin) return false;
  const own = publicUrl ? new URL(publicUrl).origin : `${req.protocol}://${req.host}`;
  return origin !== own;
}
