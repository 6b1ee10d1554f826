import type { ModelMessage } from 'ai';
import type { MessagePart, MessageRole } from '../db/schema/index.ts';

type StoredMessage = { role: MessageRole; parts: MessagePart[] };

/** Stored messages as the model's conversation: customer → user; AI steps → assistant + tool results. */
export function toModelMessages(messages: StoredMessage[]): ModelMessage[] {
  const out: ModelMessage[] = [];
  for (const m of messages) {
    const text = m.parts
      .filter((p) => p.type === 'text')
      .map((p) => p.text)
      .join('\n');
    if (m.role === 'customer') {
      if (text) out.push({ role: 'user', content: text });
      continue;
    }
    if (m.role === 'staff') {
      // A person from the shop spoke in the chat: the model sees it as the shop's own words.
      if (text) out.push({ role: 'assistant', content: `[Staff] ${text}` });
      continue;
    }
    if (m.role !== 'ai') continue;
    // One stored AI message holds every step: calls, their results, then text.
    for (const part of m.parts) {
      if (part.type === 'tool-call') {
        out.push({
          role: 'assistant',
          content: [
            { type: 'tool-call', toolCallId: part.toolCallId, toolName: part.toolName, input: part.input },
          ],
        });
      } else if (part.type === 'tool-result') {
        out.push({
          role: 'tool',
          content: [
            {
              type: 'tool-result',
              toolCallId: part.toolCallId,
              toolName: part.toolName,
              output: { type: 'json', value: (part.output ?? null) as never },
            },
          ],
        });
      } else if (part.text) {
        out.push({ role: 'assistant', content: part.text });
      }
    }
  }
  return out;
}
