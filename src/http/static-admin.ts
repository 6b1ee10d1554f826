import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorBody } from './errors.ts';

export const ADMIN_DIST = fileURLToPath(new URL('../../dist/admin', import.meta.url));
const API_PREFIXES = ['/api/', '/widget/', '/webhooks/', '/shopify/'];

/** Extra tags for the top of a page's <head> and the headers that go with them (the embedded Shopify admin). */
export type PageHead = (req: FastifyRequest) => { html: string; headers: Record<string, string> } | null;

/** Serves the built admin SPA at `/`, answering unknown page URLs with index.html so client routing works. */
export async function registerAdminApp(
  app: FastifyInstance,
  options: { pageHead?: PageHead } = {},
): Promise<void> {
  const indexFile = path.join(ADMIN_DIST, 'index.html');
  const hasBuild = fs.existsSync(indexFile);
  if (hasBuild) {
    // No index route: `/` is a page like any other (below), so it can get the embedded head too.
    await app.register(fastifyStatic, {
      root: ADMIN_DIST,
      prefix: '/',
      wildcard: false,
      index: false,
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
  app.setNotFoundHandler(async (req, reply) => {
    const pathname = req.url.split('?')[0];
    const isPage =
      req.method === 'GET' && !API_PREFIXES.some((p) => pathname.startsWith(p)) && !path.extname(pathname);
    if (isPage && hasBuild) {
      reply.header('cache-control', 'no-cache');
      const head = options.pageHead?.(req);
      if (!head) return reply.sendFile('index.html', ADMIN_DIST);
      const html = (await fs.promises.readFile(indexFile, 'utf8')).replace('<head>', `<head>\n${head.html}`);
      return reply.headers(head.headers).type('text/html; charset=utf-8').send(html);
    }
    return reply.status(404).send(errorBody('not_found', `No route ${req.method} ${pathname}`));
  });
}
