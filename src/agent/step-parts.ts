import type { StepResult, ToolSet } from 'ai';
import type { MessagePart } from '../db/schema/index.ts';

/** Every step of a run as stored message parts: text, tool calls with input, tool results with output. */
export function stepsToParts(steps: ReadonlyArray<StepResult<ToolSet>>): MessagePart[] {
  const parts: MessagePart[] = [];
  for (const step of steps) {
    for (const c of step.content) {
      if (c.type === 'text' && c.text) parts.push({ type: 'text', text: c.text });
      else if (c.type === 'tool-call') {
        parts.push({ type: 'tool-call', toolCallId: c.toolCallId, toolName: c.toolName, input: c.input });
      } else if (c.type === 'tool-result') {
        parts.push({ type: 'tool-result', toolCallId: c.toolCallId, toolName: c.toolName, output: c.output });
      } else if (c.type === 'tool-error') {
        // The error text can carry internals (SQL, hosts): the stored result says only that it failed.
        parts.push({
          type: 'tool-result',
          toolCallId: c.toolCallId,
          toolName: c.toolName,
          output: { error: 'The tool failed' },
        });
      }
    }
  }
  return parts;
}
