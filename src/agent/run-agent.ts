import { isStepCount, streamText, type ToolSet, tool, zodSchema } from 'ai';
import {
  type CommerceSource,
  commerceForShop,
  type ShopifyAccess,
  type ShopifyInstall,
} from '../commerce/index.ts';
import type { Db } from '../db/client.ts';
import type { MessagePart } from '../db/schema/index.ts';
import { parseSettings } from '../settings/shop-settings.ts';
import { releaseAiReply, reserveAiReply } from '../settings/usage.ts';
import { type StoredTurn, toModelMessages } from './history.ts';
import type { AiEndpointPolicy } from './models/ai-endpoint.ts';
import { selectModel } from './models/select-model.ts';
import { stepsToParts } from './step-parts.ts';
import { systemPrompt } from './system-prompt.ts';
import { ALL_TOOLS } from './tools/index.ts';
import type { ToolContext } from './tools/types.ts';

const MAX_STEPS = 5;
const MODEL_TIMEOUT_MS = 60_000;

export type AgentRun = {
  parts: MessagePart[];
  usage: { input: number; output: number };
  /** Counted against the monthly AI reply cap (every reply but the fallback ones). */
  metered: boolean;
  fallbackMode: boolean;
};

/** The shop a reply is for, as the reply worker claimed it. */
export type AgentShop = {
  id: string;
  name: string;
  settings: Record<string, unknown>;
  shopify?: ShopifyInstall;
};

// Tools that read the store are off in fallback mode; this answers nothing if one were asked anyway.
const NO_STORE: CommerceSource = {
  findOrderByName: async () => null,
  searchProducts: async () => [],
  searchPolicies: async () => [],
};

// Wrapped once per tool, so its JSON schema is derived once per process rather than on every reply.
const inputSchemas = new Map(ALL_TOOLS.map((t) => [t.name, zodSchema(t.inputSchema)]));

/** The enabled tools for this conversation, wired to the SDK; each runs with the conversation's context. */
function buildTools(ctx: ToolContext): ToolSet {
  const tools: ToolSet = {};
  for (const t of ALL_TOOLS) {
    if (!t.enabled(ctx)) continue;
    tools[t.name] = tool({
      description: t.description,
      inputSchema: inputSchemas.get(t.name) ?? t.inputSchema,
      execute: (input: unknown) => t.execute(ctx, input),
    });
  }
  return tools;
}

/**
 * Runs the agent loop on a conversation's history up to one customer message: the model, its tool calls and
 * their results, until it answers. Text is streamed to `onDelta`; every step comes back as message parts.
 */
export async function runAgent(
  db: Db,
  job: {
    shop: AgentShop;
    conversationId: string;
    history: StoredTurn[];
    /** The answered email's From address, when it passed the channel's authentication. */
    verifiedEmail?: string | null;
  },
  onDelta: (text: string) => void = () => {},
  options: { shopify?: ShopifyAccess; aiEndpoints?: AiEndpointPolicy } = {},
): Promise<AgentRun> {
  const { shop } = job;
  const settings = parseSettings(shop.settings);
  // Null once the shop uninstalled the Shopify app: like fallback mode, no model answers and no store data
  // is read; the offline model opens a ticket so a person follows up.
  const commerce = commerceForShop(db, shop, options.shopify);
  // The reply is counted before the model runs, and given back if it is never stored.
  const fallbackMode =
    commerce === null || !(await reserveAiReply(db, shop.id, settings.billing.monthlyAiReplyCap));
  try {
    // Over the cap no metered model runs: the offline model opens the fallback ticket through the same loop.
    const { model } = await selectModel(
      fallbackMode ? { ...settings.ai, provider: 'offline' } : settings.ai,
      process.env,
      options.aiEndpoints,
    );
    const ctx: ToolContext = {
      db,
      shopId: shop.id,
      conversationId: job.conversationId,
      commerce: commerce ?? NO_STORE,
      fallbackMode,
      verifiedEmail: job.verifiedEmail ?? null,
      callsThisRun: new Map(),
    };
    const result = streamText({
      model,
      system: systemPrompt(shop.name, fallbackMode, job.verifiedEmail ?? null),
      messages: toModelMessages(job.history),
      tools: buildTools(ctx),
      stopWhen: isStepCount(MAX_STEPS),
      maxRetries: 2,
      // A model that accepts the connection and then hangs must not hold the conversation for minutes.
      abortSignal: AbortSignal.timeout(MODEL_TIMEOUT_MS),
      // Errors surface from the stream below and are logged by the worker (without provider bodies).
      onError: () => {},
    });
    for await (const part of result.fullStream) {
      if (part.type === 'text-delta') onDelta(part.text);
      if (part.type === 'error') throw part.error;
    }
    const total = await result.totalUsage;
    return {
      parts: stepsToParts(await result.steps),
      usage: { input: total.inputTokens ?? 0, output: total.outputTokens ?? 0 },
      metered: !fallbackMode,
      fallbackMode,
    };
  } catch (err) {
    if (!fallbackMode) await releaseAiReply(db, shop.id);
    throw err;
  }
}
