import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { hashToken } from '../auth/tokens.ts';
import type { Db } from '../db/client.ts';
import { AppError } from '../http/errors.ts';
import { recordInstall } from './install.ts';
import {
  afterInstallUrl,
  authorizeUrl,
  consumeOauthState,
  createOauthState,
  exchangeCode,
  STATE_TTL_MS,
  validCallbackHmac,
} from './oauth.ts';
import { requireEncryptionKey, requireShopify, type ShopifyApp, sanitizeShopDomain } from './shopify-app.ts';

export const STATE_COOKIE = 'supportify_shopify_state';
const CALLBACK_PATH = '/shopify/auth/callback';

type Options = {
  db: Db;
  shopify: ShopifyApp | null;
  encryptionKey: Buffer | null;
  secureCookies: boolean;
};

const invalidShop = () =>
  new AppError(400, 'invalid_shop', 'The shop must be a *.myshopify.com domain, e.g. example.myshopify.com');

// Compared as hashes: equal length, constant time.
const sameSecret = (a: string, b: string) =>
  timingSafeEqual(Buffer.from(hashToken(a)), Buffer.from(hashToken(b)));

/** The Shopify OAuth install: `GET /shopify/auth?shop=…` starts it, Shopify redirects back to the callback. */
export const shopifyOauthRoutes: FastifyPluginAsyncZod<Options> = async (app, options) => {
  const { db } = options;
  const rateLimit = { max: 30, timeWindow: '1 minute' };

  app.get(
    '/shopify/auth',
    {
      config: { rateLimit },
      schema: { tags: ['shopify'], querystring: z.object({ shop: z.string().max(255).optional() }) },
    },
    async (req, reply) => {
      const shopify = requireShopify(options.shopify);
      requireEncryptionKey(options.encryptionKey);
      const shop = sanitizeShopDomain(shopify.api, req.query.shop);
      if (!shop) throw invalidShop();
      const state = await createOauthState(db, shop);
      reply.setCookie(STATE_COOKIE, state, {
        path: CALLBACK_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
        maxAge: STATE_TTL_MS / 1000,
      });
      return reply.redirect(authorizeUrl(shopify, shop, state), 302);
    },
  );

  app.get(CALLBACK_PATH, { config: { rateLimit }, schema: { tags: ['shopify'] } }, async (req, reply) => {
    const shopify = requireShopify(options.shopify);
    const key = requireEncryptionKey(options.encryptionKey);
    const query = new URL(req.url, 'http://callback.invalid').searchParams;
    for (const name of ['shop', 'state', 'code', 'hmac']) {
      if (query.getAll(name).length !== 1) {
        throw new AppError(400, 'invalid_request', `Expected exactly one "${name}" parameter`);
      }
    }
    // Everything is checked before anything is sent anywhere: the shop, the signature, then the state.
    const shop = sanitizeShopDomain(shopify.api, query.get('shop'));
    if (!shop) throw invalidShop();
    if (!(await validCallbackHmac(shopify, query))) {
      throw new AppError(401, 'invalid_hmac', 'The callback signature does not verify (or is too old)');
    }
    const state = query.get('state') ?? '';
    const cookieState = req.cookies[STATE_COOKIE];
    reply.clearCookie(STATE_COOKIE, { path: CALLBACK_PATH });
    await consumeOauthState(db, state, shop);
    if (!cookieState || !sameSecret(cookieState, state)) {
      throw new AppError(400, 'invalid_state', 'The install was started in another browser: start it again');
    }
    const token = await exchangeCode(shopify, shop, query.get('code') ?? '');
    const installed = await recordInstall(db, {
      shopDomain: shop,
      accessToken: token.accessToken,
      scopes: token.scopes,
      encryptionKey: key,
    });
    req.log.info({ shop, shopId: installed.shopId, created: installed.created }, 'Shopify app installed');
    return reply.redirect(afterInstallUrl(shopify, query.get('host')), 302);
  });
};
