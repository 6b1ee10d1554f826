import type { AssistantContent, ModelMessage, ToolContent } from 'ai';

type AssistantParts = Exclude<AssistantContent, string>;

import type { MessagePart, MessageRole } from '../db/schema/index.ts';

/** A stored message as the model reads it. */
export type StoredTurn = { role: MessageRole; parts: MessagePart[] };

/** Stored messages as the model's conversation: customer → user; AI steps → assistant + tool results. */
export function toModelMessages(messages: StoredTurn[]): ModelMessage[] {
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
    // One stored AI message holds every step. Consecutive calls form one assistant message and their
    // results one tool message, the shape providers require after parallel tool calls.
    let assistant: AssistantParts = [];
    let results: ToolContent = [];
    const flushAssistant = () => {
      if (assistant.length) out.push({ role: 'assistant', content: assistant });
      assistant = [];
    };
    const flushResults = () => {
      if (results.length) out.push({ role: 'tool', content: results });
      results = [];
    };
    for (const part of m.parts) {
      if (part.type === 'tool-result') {
        flushAssistant();
        results.push({
          type: 'tool-result',
          toolCallId: part.toolCallId,
          toolName: part.toolName,
          output: { type: 'json', value: (part.output ?? null) as never },
        });
        continue;
      }
      flushResults();
      if (part.type === 'tool-call') {
        assistant.push({
          type: 'tool-call',
          toolCallId: part.toolCallId,
          toolName: part.toolName,
          input: part.input,
        });
      } else if (part.text) {
        // Text after a call belongs to the next step: a new assistant message.
        if (assistant.some((c) => c.type === 'tool-call')) flushAssistant();
        assistant.push({ type: 'text', text: part.text });
      }
    }
    flushAssistant();
    flushResults();
  }
  return out;
}
