import { Paper } from '@mantine/core';
import { useEffect, useState } from 'react';
import classes from './keyboard.module.css';

const SHOWN_MS = 4000;

let show: ((text: string) => void) | null = null;

/** Tells the user what a shortcut did (or why it did nothing): shown briefly and read by screen readers. */
export function announce(text: string): void {
  show?.(text);
}

/** The live region `announce` writes to; mounted once, in the layout. */
export function Announcer() {
  const [message, setMessage] = useState<{ text: string; at: number } | null>(null);
  useEffect(() => {
    show = (text) => setMessage({ text, at: Date.now() });
    return () => {
      show = null;
    };
  }, []);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(null), SHOWN_MS);
    return () => clearTimeout(timer);
  }, [message]);

  return (
    <div role="status" aria-live="polite" className={classes.announcer}>
      {message && (
        <Paper key={message.at} shadow="md" radius="md" px="md" py="xs" className={classes.toast}>
          <span data-testid="shortcut-announcement">{message.text}</span>
        </Paper>
      )}
    </div>
  );
}
