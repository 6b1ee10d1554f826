import { randomUUID } from 'node:crypto';
import type {
  LanguageModelV4,
  LanguageModelV4CallOptions,
  LanguageModelV4Prompt,
  LanguageModelV4StreamPart,
  LanguageModelV4Text,
  LanguageModelV4ToolCall,
  LanguageModelV4Usage,
} from '@ai-sdk/provider';
import { type Decision, decide, type Turn } from './decide.ts';

export const OFFLINE_MODEL_ID = 'supportify-offline-1';
/** Put in the system prompt when the shop is over its AI cap: the model then only opens tickets. */
export const FALLBACK_MARKER = '[fallback-mode]';
/** Put in the system prompt when the latest email's sender passed authentication: orders need only a number. */
export const VERIFIED_SENDER_MARKER = '[verified-sender]';

function parseJson(text: string): Record<string, unknown> {
  try {
    const value = JSON.parse(text);
    return value && typeof value === 'object' ? value : {};
  } catch {
    return {};
  }
}

/** Reads the SDK prompt into the turns the rules work on. */
function toTurns(prompt: LanguageModelV4Prompt): Turn[] {
  const turns: Turn[] = [];
  for (const message of prompt) {
    if (message.role === 'user') {
      const text = message.content.map((p) => (p.type === 'text' ? p.text : '')).join(' ');
      turns.push({ role: 'user', text });
    } else if (message.role === 'assistant') {
      let text = '';
      const toolCalls: Array<{ toolName: string; input: Record<string, unknown> }> = [];
      for (const part of message.content) {
        if (part.type === 'text') text += part.text;
        if (part.type === 'tool-call') {
          const input =
            typeof part.input === 'string' ? parseJson(part.input) : (part.input as Record<string, unknown>);
          toolCalls.push({ toolName: part.toolName, input: input ?? {} });
        }
      }
      turns.push({ role: 'assistant', text, toolCalls });
    } else if (message.role === 'tool') {
      const results = message.content.flatMap((p) =>
        p.type === 'tool-result'
          ? [
              {
                toolName: p.toolName,
                output: (p.output.type === 'json' ? p.output.value : {}) as Record<string, unknown>,
              },
            ]
          : [],
      );
      turns.push({ role: 'tool', results });
    }
  }
  return turns;
}

const estimateTokens = (text: string) => Math.max(1, Math.ceil(text.length / 4));

/** The prompt's characters without serialising it (that cost more than the whole reply). */
function promptLength(prompt: LanguageModelV4Prompt): number {
  let length = 0;
  for (const message of prompt) {
    if (typeof message.content === 'string') {
      length += message.content.length;
      continue;
    }
    for (const part of message.content) {
      if (part.type === 'text') length += part.text.length;
      else if (part.type === 'tool-call') length += typeof part.input === 'string' ? part.input.length : 64;
      else if (part.type === 'tool-result') length += 256;
    }
  }
  return length;
}

function usage(prompt: LanguageModelV4Prompt, output: string): LanguageModelV4Usage {
  const input = Math.max(1, Math.ceil(promptLength(prompt) / 4));
  const out = estimateTokens(output);
  return {
    inputTokens: { total: input, noCache: input, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: out, text: out, reasoning: 0 },
  };
}

function run(options: LanguageModelV4CallOptions): Decision {
  const tools = new Set((options.tools ?? []).map((t) => t.name));
  const system = options.prompt.find((m) => m.role === 'system');
  const fallback = system?.role === 'system' && system.content.includes(FALLBACK_MARKER);
  const verifiedSender = system?.role === 'system' && system.content.includes(VERIFIED_SENDER_MARKER);
  return decide(toTurns(options.prompt), tools, fallback, verifiedSender);
}

function toContent(decision: Decision): LanguageModelV4Text | LanguageModelV4ToolCall {
  return decision.kind === 'text'
    ? { type: 'text', text: decision.text }
    : {
        type: 'tool-call',
        toolCallId: `call_${randomUUID()}`,
        toolName: decision.toolName,
        input: JSON.stringify(decision.input),
      };
}

/**
 * The built-in offline model: keyword rules and retrieval through the shop's tools, behind the AI SDK's
 * language-model interface, so the same agent loop runs with no key and no network.
 */
export function createOfflineModel(): LanguageModelV4 {
  return {
    specificationVersion: 'v4',
    provider: 'supportify',
    modelId: OFFLINE_MODEL_ID,
    supportedUrls: {},
    async doGenerate(options) {
      const decision = run(options);
      const content = toContent(decision);
      return {
        content: [content],
        finishReason: { unified: decision.kind === 'text' ? 'stop' : 'tool-calls', raw: undefined },
        usage: usage(
          options.prompt,
          decision.kind === 'text' ? decision.text : JSON.stringify(decision.input),
        ),
        warnings: [],
      };
    },
    async doStream(options) {
      const decision = run(options);
      const content = toContent(decision);
      const parts: LanguageModelV4StreamPart[] = [{ type: 'stream-start', warnings: [] }];
      if (content.type === 'text') {
        parts.push({ type: 'text-start', id: 't0' });
        // Phrase-sized chunks: streamed like a hosted model, without a stream part per word.
        for (const chunk of content.text.match(/.{1,32}(\s+|$)|\S+\s*/gs) ?? [content.text]) {
          parts.push({ type: 'text-delta', id: 't0', delta: chunk });
        }
        parts.push({ type: 'text-end', id: 't0' });
      } else {
        parts.push(content);
      }
      parts.push({
        type: 'finish',
        finishReason: { unified: decision.kind === 'text' ? 'stop' : 'tool-calls', raw: undefined },
        usage: usage(
          options.prompt,
          decision.kind === 'text' ? decision.text : JSON.stringify(decision.input),
        ),
      });
      const stream = new ReadableStream<LanguageModelV4StreamPart>({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      });
      return { stream };
    },
  };
}
