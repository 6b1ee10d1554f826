import { useEffect, useState } from 'preact/hooks';
import type { ChatController } from './chat-controller.ts';
import type { ChatState } from './chat-state.ts';

/** The controller's current state; re-renders on every change. */
export function useChatState(controller: ChatController): ChatState {
  const [state, setState] = useState(controller.state);
  useEffect(() => {
    setState(controller.state);
    return controller.subscribe(() => setState(controller.state));
  }, [controller]);
  return state;
}
