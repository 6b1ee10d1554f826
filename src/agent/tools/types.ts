import type { z } from 'zod';
import type { CommerceSource } from '../../commerce/types.ts';
import type { Db } from '../../db/client.ts';

/** What a tool knows about the conversation it serves; authorization decisions use only this. */
export type ToolContext = {
  db: Db;
  shopId: string;
  conversationId: string;
  commerce: CommerceSource;
  /** The billing cap is used up: only ticket creation is allowed. */
  fallbackMode: boolean;
  /** The From address of the email being answered, when it passed the channel's authentication. */
  verifiedEmail: string | null;
  /** Calls made in this reply, not yet stored (per-conversation limits count them too). */
  callsThisRun: Map<string, number>;
};

/** One AI tool: a description for the model, typed params, an enabled check and the code that runs. */
export type AgentTool<Input, Output> = {
  name: string;
  description: string;
  inputSchema: z.ZodType<Input>;
  enabled: (ctx: ToolContext) => boolean;
  execute: (ctx: ToolContext, input: Input) => Promise<Output>;
};

/** Builds a tool with its types inferred from the schema. */
export const defineTool = <Input, Output>(tool: AgentTool<Input, Output>) => tool;
