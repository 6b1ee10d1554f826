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

type AuthOptions = { db: Db; publicUrl: string | undefined };

/** Authenticates every /api route by session cookie unless the route is marked public; refuses cross-site mutations. */
export const staffAuth = fp<AuthOptions>(async (app: FastifyInstance, { db, publicUrl }) => {
  app.decorateRequest('staff', null as unknown as StaffContext);
  app.addHook('onRequest', async (req) => {
    // The matched route pattern, not the raw URL: `/%61pi/…` routes to `/api/…` too. Unmatched /api
    // paths need a session as well, so that signed-out callers cannot map which routes exist.
    const route = req.routeOptions.url ?? decodedPath(req.url);
    if (!route.startsWith('/api/')) return;
    if (isCrossSiteMutation(req, publicUrl)) throw new AppError(403, 'csrf', 'Cross-site request refused');
    if (req.routeOptions.config?.public || route.startsWith('/api/docs')) return;
    const token = req.cookies[SESSION_COOKIE];
    const session = token ? await findSession(db, token) : null;
    if (!session) throw unauthenticated();
    req.staff = session;
  });
});

function decodedPath(url: string): string {
  const path = url.split('?')[0];
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
