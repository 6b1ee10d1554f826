import { type FakeReply, type LlmRequest, sse, type Writer, wordChunks } from './fake-llm-types.ts';

// The OpenAI Chat Completions wire format (`POST /v1/chat/completions`) of the fake model server.

export async function streamOpenAi(req: LlmRequest, reply: FakeReply, w: Writer, delay: () => Promise<void>) {
  const base = { id: `chatcmpl-${req.index}`, object: 'chat.completion.chunk', created: 1_700_000_000 };
  const model = req.body.model;
  const chunk = (delta: object, finish: string | null = null) =>
    w.chunk(sse({ ...base, model, choices: [{ index: 0, delta, finish_reason: finish }] }));
  if (reply.type === 'text') {
    if (!chunk({ role: 'assistant', content: '' })) return;
    for (const [i, piece] of (reply.chunks ?? wordChunks(reply.text)).entries()) {
      if (!w.more(i)) return;
      await delay();
      if (!chunk({ content: piece })) return;
    }
    if (!chunk({}, 'stop')) return;
  } else if (reply.type === 'tool-call') {
    const args = JSON.stringify(reply.input);
    const id = reply.id ?? `call_${req.index}`;
    const first = {
      role: 'assistant',
      tool_calls: [{ index: 0, id, type: 'function', function: { name: reply.toolName, arguments: '' } }],
    };
    if (!chunk(first)) return;
    // The arguments arrive in two pieces, as they do from hosted models.
    const cut = Math.ceil(args.length / 2);
    for (const piece of [args.slice(0, cut), args.slice(cut)]) {
      await delay();
      if (!chunk({ tool_calls: [{ index: 0, function: { arguments: piece } }] })) return;
    }
    if (!chunk({}, 'tool_calls')) return;
  }
  if (
    !w.chunk(
      sse({
        ...base,
        model,
        choices: [],
        usage: { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 },
      }),
    )
  )
    return;
  w.chunk(sse('[DONE]'));
}

export function completeOpenAi(req: LlmRequest, reply: FakeReply) {
  const message =
    reply.type === 'text'
      ? { role: 'assistant', content: reply.text }
      : reply.type === 'tool-call'
        ? {
            role: 'assistant',
            content: null,
            tool_calls: [
              {
                id: reply.id ?? `call_${req.index}`,
                type: 'function',
                function: { name: reply.toolName, arguments: JSON.stringify(reply.input) },
              },
            ],
          }
        : { role: 'assistant', content: '' };
  return {
    id: `chatcmpl-${req.index}`,
    object: 'chat.completion',
    created: 1_700_000_000,
    model: req.body.model,
    choices: [{ index: 0, message, finish_reason: reply.type === 'tool-call' ? 'tool_calls' : 'stop' }],
    usage: { prompt_tokens: 42, completion_tokens: 7, total_tokens: 49 },
  };
}
