import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { errorBody } from './errors.ts';

export const ADMIN_DIST = fileURLToPath(new URL('../../dist/admin', import.meta.url));
const API_PREFIXES = ['/api/', '/widget/', '/webhooks/', '/shopify/'];

/** Serves the built admin SPA at `/`, answering unknown page URLs with index.html so client routing works. */
export async function registerAdminApp(app: FastifyInstance): Promise<void> {
  const hasBuild = fs.existsSync(path.join(ADMIN_DIST, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root: ADMIN_DIST,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
    });
    // Hashed asset names never change content, so browsers may keep them.
    await app.register(fastifyStatic, {
      root: path.join(ADMIN_DIST, 'assets'),
      prefix: '/assets/',
      decorateReply: false,
      immutable: true,
      maxAge: '365d',
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const pathname = req.url.split('?')[0];
    const isPage =
      req.method === 'GET' && !API_PREFIXES.some((p) => pathname.startsWith(p)) && !path.extname(pathname);
    if (isPage && hasBuild)
      return reply.header('cache-control', 'no-cache').sendFile('index.html', ADMIN_DIST);
    return reply.status(404).send(errorBody('not_found', `No route ${req.method} ${pathname}`));
  });
}
