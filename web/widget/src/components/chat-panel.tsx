/** @jsxImportSource preact */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChatController } from '../chat/chat-controller.ts';
import type { ChatState } from '../chat/chat-state.ts';
import { Composer } from './composer.tsx';
import { CloseIcon } from './icons.tsx';
import { IntroFields } from './intro-fields.tsx';
import { MessageList } from './message-list.tsx';
import { RatingPrompt } from './rating-prompt.tsx';

type Props = {
  id: string;
  state: ChatState;
  controller: ChatController;
  /** Opened by the customer just now (not restored by a page load): move focus into the panel. */
  focusOnOpen: boolean;
  onClose: () => void;
};

// The same loose check browsers apply to type="email": something@something.something.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The chat window: header, conversation, rating prompt, intro fields, composer. Escape closes it. */
export function ChatPanel({ id, state, controller, focusOnOpen, onClose }: Props) {
  const inputRef = useRef<HTMLTextAreaElement>(null);
  const emailRef = useRef<HTMLInputElement>(null);
  const [emailError, setEmailError] = useState(false);
  const { config } = state;
  const isNew = !state.session && state.messages.length === 0 && state.outbox.length === 0;
  const showRating = config.ratingsEnabled && state.session && state.status === 'resolved';

  useEffect(() => {
    if (focusOnOpen) inputRef.current?.focus();
  }, [focusOnOpen]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    onClose();
  };

  const send = () => {
    const email = state.intro.email.trim();
    if (isNew && email && !EMAIL.test(email)) {
      setEmailError(true);
      emailRef.current?.focus();
      return;
    }
    setEmailError(false);
    if (controller.send(state.draft)) inputRef.current?.focus();
  };

  return (
    <div id={id} class="panel" role="dialog" aria-labelledby="sfy-title" onKeyDown={onKeyDown}>
      <header class="panel-header">
        <div>
          <h2 id="sfy-title" class="title">
            {config.shopName}
          </h2>
          <p class="subtitle">We usually answer right away</p>
        </div>
        <button type="button" class="icon-button" aria-label="Close chat" onClick={onClose}>
          <CloseIcon />
        </button>
      </header>
      <MessageList state={state} onEditFailed={(cid) => controller.editFailed(cid)} />
      {showRating && (
        <RatingPrompt
          rating={state.rating}
          sending={state.ratingState === 'sending'}
          failed={state.ratingState === 'error'}
          onRate={(rating, comment) => void controller.rate(rating, comment)}
        />
      )}
      {!state.online && (
        <p class="banner" role="status">
          You are offline. Your messages will be sent when you are back online.
        </p>
      )}
      {state.notice && (
        <p class="banner" role="status">
          {state.notice}
        </p>
      )}
      {isNew && (
        <IntroFields
          intro={state.intro}
          emailError={emailError}
          emailRef={emailRef}
          onChange={(intro) => {
            setEmailError(false);
            controller.setIntro(intro);
          }}
        />
      )}
      <Composer
        draft={state.draft}
        inputRef={inputRef}
        onDraft={(text) => controller.setDraft(text)}
        onSend={send}
      />
    </div>
  );
}
