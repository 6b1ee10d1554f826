import type { Message, ToolCallPart, ToolResultPart } from '../../api/types.ts';

/** What one message shows, in order: text, and one card per tool call (with its result when there is one). */
export type MessageBlock =
  | { kind: 'text'; key: string; text: string }
  | {
      kind: 'tool';
      key: string;
      toolName: string;
      toolCallId: string;
      call: ToolCallPart | null;
      result: ToolResultPart | null;
    };

/** Tool results by toolCallId, across the whole conversation (a result may arrive in a later message). */
export function indexToolCalls(messages: Message[]) {
  const results = new Map<string, ToolResultPart>();
  const calls = new Set<string>();
  for (const message of messages) {
    for (const part of message.parts) {
      if (part.type === 'tool-result' && !results.has(part.toolCallId)) results.set(part.toolCallId, part);
      if (part.type === 'tool-call') calls.add(part.toolCallId);
    }
  }
  return { results, calls };
}

/** A message's blocks: each tool call paired with its result; a result without a call gets its own card. */
export function messageBlocks(message: Message, index: ReturnType<typeof indexToolCalls>): MessageBlock[] {
  const blocks: MessageBlock[] = [];
  message.parts.forEach((part, i) => {
    const key = `${message.id}:${i}`;
    if (part.type === 'text') {
      if (part.text.trim()) blocks.push({ kind: 'text', key, text: part.text });
    } else if (part.type === 'tool-call') {
      blocks.push({
        kind: 'tool',
        key,
        toolName: part.toolName,
        toolCallId: part.toolCallId,
        call: part,
        result: index.results.get(part.toolCallId) ?? null,
      });
    } else if (part.type === 'tool-result' && !index.calls.has(part.toolCallId)) {
      blocks.push({
        kind: 'tool',
        key,
        toolName: part.toolName,
        toolCallId: part.toolCallId,
        call: null,
        result: part,
      });
    }
  });
  return blocks;
}

/** Pretty-printed JSON for a tool's input or output (always shown as text, never as markup); `none` when absent. */
export function prettyJson(value: unknown, none = '(none)'): string {
  if (value === undefined) return none;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}
