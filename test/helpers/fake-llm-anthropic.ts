import { type FakeReply, type LlmRequest, sse, type Writer, wordChunks } from './fake-llm-types.ts';

// The Anthropic Messages API wire format (`POST /v1/messages`) of the fake model server.

export async function streamAnthropic(
  req: LlmRequest,
  reply: FakeReply,
  w: Writer,
  delay: () => Promise<void>,
) {
  const ev = (type: string, data: object) => w.chunk(sse({ type, ...data }, type));
  const started = ev('message_start', {
    message: {
      id: `msg_${req.index}`,
      type: 'message',
      role: 'assistant',
      model: req.body.model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { input_tokens: 42, output_tokens: 1 },
    },
  });
  if (!started) return;
  let stopReason = 'end_turn';
  if (reply.type === 'text') {
    if (!ev('content_block_start', { index: 0, content_block: { type: 'text', text: '' } })) return;
    for (const [i, piece] of (reply.chunks ?? wordChunks(reply.text)).entries()) {
      if (!w.more(i)) return;
      await delay();
      if (!ev('content_block_delta', { index: 0, delta: { type: 'text_delta', text: piece } })) return;
    }
  } else if (reply.type === 'tool-call') {
    stopReason = 'tool_use';
    const id = reply.id ?? `toolu_${req.index}`;
    const block = { type: 'tool_use', id, name: reply.toolName, input: {} };
    if (!ev('content_block_start', { index: 0, content_block: block })) return;
    const args = JSON.stringify(reply.input);
    const cut = Math.ceil(args.length / 2);
    for (const piece of [args.slice(0, cut), args.slice(cut)]) {
      await delay();
      if (!ev('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: piece } }))
        return;
    }
  }
  if (!ev('content_block_stop', { index: 0 })) return;
  const stop = { stop_reason: stopReason, stop_sequence: null };
  if (!ev('message_delta', { delta: stop, usage: { output_tokens: 7 } })) return;
  ev('message_stop', {});
}

export function completeAnthropic(req: LlmRequest, reply: FakeReply) {
  const content =
    reply.type === 'text'
      ? [{ type: 'text', text: reply.text }]
      : reply.type === 'tool-call'
        ? [
            {
              type: 'tool_use',
              id: reply.id ?? `toolu_${req.index}`,
              name: reply.toolName,
              input: reply.input,
            },
          ]
        : [];
  return {
    id: `msg_${req.index}`,
    type: 'message',
    role: 'assistant',
    model: req.body.model,
    content,
    stop_reason: reply.type === 'tool-call' ? 'tool_use' : 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 42, output_tokens: 7 },
  };
}
