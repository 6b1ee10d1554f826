/** @jsxImportSource preact */
import { splitLinks } from '../format.ts';

/** Message text as text (never parsed as HTML), with http(s) URLs made into links that open a new tab. */
export function MessageText({ text }: { text: string }) {
  return (
    <p class="text">
      {splitLinks(text).map((part) =>
        part.href ? (
          <a key={part.start} href={part.href} target="_blank" rel="noopener noreferrer">
            {part.text}
          </a>
        ) : (
          part.text
        ),
      )}
    </p>
  );
}
