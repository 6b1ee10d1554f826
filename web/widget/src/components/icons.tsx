/** @jsxImportSource preact */

// Inline SVG icons (no icon font or CDN); decorative, so hidden from assistive technology.

/** A speech bubble. */
export function ChatIcon() {
  return (
    <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" focusable="false">
      <path
        fill="currentColor"
        d="M12 3C6.5 3 2 6.9 2 11.7c0 2.5 1.2 4.7 3.2 6.3L4.5 21l3.6-1.8c1.2.4 2.5.6 3.9.6 5.5 0 10-3.9 10-8.7S17.5 3 12 3Z"
      />
    </svg>
  );
}

/** A downward chevron. */
export function ChevronDownIcon() {
  return (
    <svg viewBox="0 0 24 24" width="26" height="26" aria-hidden="true" focusable="false">
      <path fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round" d="m6 9 6 6 6-6" />
    </svg>
  );
}

/** A cross. */
export function CloseIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        fill="none"
        stroke="currentColor"
        stroke-width="2.2"
        stroke-linecap="round"
        d="M6 6l12 12M18 6 6 18"
      />
    </svg>
  );
}

/** A paper plane. */
export function SendIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path fill="currentColor" d="M3.4 20.4 21 12 3.4 3.6 3.4 10l12.6 2-12.6 2z" />
    </svg>
  );
}
