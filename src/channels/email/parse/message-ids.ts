// Message-ID, In-Reply-To and References values without their angle brackets.

/** Every `<id>` in a header value, in order, duplicates dropped; a bare id when there are no brackets. */
export function messageIds(value: string | undefined): string[] {
  if (!value) return [];
  const bracketed = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]);
  const ids = bracketed.length ? bracketed : value.split(/[\s,]+/).filter((id) => id.includes('@'));
  return [...new Set(ids)];
}

export function firstMessageId(value: string | undefined): string | null {
  return messageIds(value)[0] ?? null;
}
