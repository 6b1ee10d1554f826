/** @jsxImportSource preact */
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { ChatController } from '../chat/chat-controller.ts';
import { useChatState } from '../chat/use-chat-state.ts';
import { ChatPanel } from './chat-panel.tsx';
import { LauncherButton } from './launcher-button.tsx';

const PANEL_ID = 'sfy-panel';

/** The whole widget: the launcher, and the panel while it is open. */
export function App({ controller }: { controller: ChatController }) {
  const state = useChatState(controller);
  const launcherRef = useRef<HTMLButtonElement>(null);
  // A panel restored open by a page load must not steal the shopper's focus.
  const openedByUser = useRef(false);
  const returnFocus = useRef(false);

  // Once the panel is gone (on phones it hides the launcher), focus returns to the launcher.
  useLayoutEffect(() => {
    if (state.open || !returnFocus.current) return;
    returnFocus.current = false;
    launcherRef.current?.focus();
  }, [state.open]);

  const close = () => {
    returnFocus.current = true;
    controller.setOpen(false);
  };
  const open = () => {
    openedByUser.current = true;
    controller.setOpen(true);
  };
  return (
    <div class={state.open ? 'root open' : 'root'} style={{ '--accent': state.config.accentColor }}>
      {state.open && (
        <ChatPanel
          id={PANEL_ID}
          state={state}
          controller={controller}
          focusOnOpen={openedByUser.current}
          onClose={close}
        />
      )}
      <LauncherButton
        open={state.open}
        unread={state.unread}
        panelId={PANEL_ID}
        buttonRef={launcherRef}
        onToggle={() => (state.open ? close() : open())}
        onEscape={() => state.open && close()}
      />
    </div>
  );
}
