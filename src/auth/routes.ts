import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/client.ts';
import { notFound } from '../http/errors.ts';
import { changePassword } from './change-password.ts';
import { deleteSession, SESSION_COOKIE, SESSION_TTL_MS } from './sessions.ts';
import { signIn } from './sign-in.ts';
import { getMe, STAFF_LOCALES, setStaffLocale } from './staff-users.ts';
import { hashToken } from './tokens.ts';

const ZMe = z.object({
  user: z.object({ id: z.guid(), email: z.string(), name: z.string(), role: z.string(), locale: z.string() }),
  shop: z.object({ id: z.guid(), name: z.string() }),
});

type Options = { db: Db; secureCookies: boolean; loginRateLimit: number };

/** Staff sign-in, sign-out, password change and `GET /api/me`. */
export const authRoutes: FastifyPluginAsyncZod<Options> = async (
  app,
  { db, secureCookies, loginRateLimit },
) => {
  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookies,
      maxAge: SESSION_TTL_MS / 1000,
    });

  app.post(
    '/api/auth/login',
    {
      config: { public: true, rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(1024) }),
        response: { 200: ZMe },
      },
    },
    async (req, reply) => {
      // A session id presented before sign-in is never reused (session fixation).
      const previous = req.cookies[SESSION_COOKIE];
      const { token, userId } = await signIn(db, req.body.email, req.body.password);
      if (previous) await deleteSessionByToken(db, previous);
      setSessionCookie(reply, token);
      const me = await getMe(db, userId);
      if (!me) throw notFound('user');
      return me;
    },
  );

  app.post(
    '/api/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'] } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await deleteSessionByToken(db, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send();
    },
  );

  app.get('/api/me', { schema: { tags: ['auth'], response: { 200: ZMe } } }, async (req) => {
    const me = await getMe(db, req.staff.userId);
    if (!me) throw notFound('user');
    return me;
  });

  // The signed-in user's own preferences: the admin's language (and with it dates and numbers).
  app.patch(
    '/api/me',
    {
      schema: {
        tags: ['auth'],
        body: z.object({ locale: z.enum(STAFF_LOCALES) }).strict(),
        response: { 200: ZMe },
      },
    },
    async (req) => {
      await setStaffLocale(db, req.staff.userId, req.body.locale);
      const me = await getMe(db, req.staff.userId);
      if (!me) throw notFound('user');
      return me;
    },
  );

  app.post(
    '/api/auth/password',
    {
      config: { rateLimit: { max: loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        body: z.object({
          currentPassword: z.string().min(1).max(1024),
          newPassword: z.string().min(8).max(1024),
        }),
      },
    },
    async (req, reply) => {
      const token = await changePassword(
        db,
        req.staff.userId,
        req.body.currentPassword,
        req.body.newPassword,
      );
      setSessionCookie(reply, token);
      return reply.status(204).send();
    },
  );
};

const deleteSessionByToken = (db: Db, token: string) => deleteSession(db, hashToken(token));
