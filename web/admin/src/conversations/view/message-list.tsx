import { Stack, Text } from '@mantine/core';
import { useWindowVirtualizer } from '@tanstack/react-virtual';
import { type ReactNode, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Message } from '../../api/types.ts';
import { useT } from '../../i18n/use-t.ts';
import { MessageItem } from './message-item.tsx';
import { indexToolCalls, messageBlocks } from './tool-calls.ts';

type Props = { messages: Message[]; customerName: string; customerEmail?: string | null };
type Rendered = { message: Message; blocks: ReturnType<typeof messageBlocks> };

/** Histories up to this long render whole (find-in-page sees everything); longer ones are virtualized. */
const VIRTUALIZE_FROM = 200;
const GAP_PX = 12;

/** The whole history, oldest first. */
export function MessageList({ messages, customerName, customerEmail }: Props) {
  const t = useT();
  const rendered = useMemo(() => {
    const index = indexToolCalls(messages);
    return messages.map((message) => ({ message, blocks: messageBlocks(message, index) }));
  }, [messages]);

  if (messages.length === 0) {
    return (
      <Text c="dimmed" size="sm">
        {t('conversation.noMessages')}
      </Text>
    );
  }
  const item = ({ message, blocks }: Rendered) => (
    <MessageItem
      message={message}
      blocks={blocks}
      customerName={customerName}
      customerEmail={customerEmail}
    />
  );
  if (rendered.length >= VIRTUALIZE_FROM) return <VirtualMessages rendered={rendered} item={item} />;
  return (
    <Stack
      component="ol"
      gap={GAP_PX}
      p={0}
      m={0}
      style={{ listStyle: 'none' }}
      aria-label={t('conversation.messages')}
    >
      {rendered.map((r) => (
        <li key={r.message.id}>{item(r)}</li>
      ))}
    </Stack>
  );
}

/**
 * A long history (1,000+ messages) draws only the messages near the viewport, measured as they render,
 * so scrolling stays smooth; the page still scrolls as a whole. Opens at the newest message, where the
 * staff member's attention is.
 */
function VirtualMessages({ rendered, item }: { rendered: Rendered[]; item: (r: Rendered) => ReactNode }) {
  const t = useT();
  const listRef = useRef<HTMLOListElement>(null);
  const [offset, setOffset] = useState(0);
  useLayoutEffect(() => {
    setOffset((listRef.current?.getBoundingClientRect().top ?? 0) + window.scrollY);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: rendered.length,
    estimateSize: () => 140,
    overscan: 6,
    scrollMargin: offset,
    getItemKey: (i) => rendered[i].message.id,
  });
  const scrolled = useRef(false);
  useLayoutEffect(() => {
    if (scrolled.current || offset === 0) return;
    scrolled.current = true;
    virtualizer.scrollToIndex(rendered.length - 1, { align: 'end' });
  }, [offset, rendered.length, virtualizer]);

  return (
    <ol
      ref={listRef}
      aria-label={t('conversation.messages')}
      data-virtualized="true"
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        position: 'relative',
        height: virtualizer.getTotalSize(),
      }}
    >
      {virtualizer.getVirtualItems().map((v) => (
        <li
          key={v.key}
          ref={virtualizer.measureElement}
          data-index={v.index}
          aria-posinset={v.index + 1}
          aria-setsize={rendered.length}
          style={{
            position: 'absolute',
            top: 0,
            left: 0,
            width: '100%',
            paddingBottom: GAP_PX,
            transform: `translateY(${v.start - virtualizer.options.scrollMargin}px)`,
          }}
        >
          {item(rendered[v.index])}
        </li>
      ))}
    </ol>
  );
}
