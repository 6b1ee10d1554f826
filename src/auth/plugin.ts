import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Db } from '../db/client.ts';
import { AppError, unauthenticated } from '../http/errors.ts';
import { isCrossSiteMutation } from './csrf.ts';
import { findSession, SESSION_COOKIE, type StaffContext } from './sessions.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in staff member; set on every non-public /api route. */
    staff: StaffContext;
  }
  interface FastifyContextConfig {
    /** Marks an /api route that needs no staff session (login, docs). */
    public?: boolean;
  }
}

type AuthOptions = {
  db: Db;
  publicUrl: string | undefined;
  /** Resolves `Authorization: Bearer <Shopify session token>` (embedded admin); absent = bearer refused. */
  verifySessionToken?: (token: string) => Promise<StaffContext | null>;
};

/**
 * Authenticates every /api route by session cookie, or by a Shopify session token in the Authorization
 * header, unless the route is marked public; refuses cross-site mutations made with the cookie.
 */
export const staffAuth = fp<AuthOptions>(
  async (app: FastifyInstance, { db, publicUrl, verifySessionToken }) => {
    app.decorateRequest('staff', null as unknown as StaffContext);
    app.addHook('onRequest', async (req) => {
      // The matched route pattern, not the raw URL: `/%61pi/…` routes to `/api/…` too. Unmatched /api
      // paths need a session as well, so that signed-out callers cannot map which routes exist.
      const route = req.routeOptions.url ?? decodedPath(req.url);
      if (!route.startsWith('/api/')) return;
      const isPublic = req.routeOptions.config?.public || route.startsWith('/api/docs');
      // A bearer token is never attached by the browser on its own, so CSRF does not apply; the cookie is ignored.
      const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
      if (bearer && !isPublic) {
        const staff = verifySessionToken ? await verifySessionToken(bearer) : null;
        if (!staff) throw new AppError(401, 'unauthenticated', 'Invalid or expired session token');
        req.staff = staff;
        return;
      }
      if (isCrossSiteMutation(req, publicUrl)) throw new AppError(403, 'csrf', 'Cross-site request refused');
      if (isPublic) return;
      const token = req.cookies[SESSION_COOKIE];
      const session = token ? await findSession(db, token) : null;
      if (!session) throw unauthenticated();
      req.staff = session;
    });
  },
);

function decodedPath(url: string): string {
  const path = url.split('?')[0];
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
