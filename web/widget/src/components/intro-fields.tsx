/** @jsxImportSource preact */
import type { Ref } from 'preact';
import type { CustomerIntro } from '../types.ts';

type Props = {
  intro: CustomerIntro;
  emailError: boolean;
  onChange: (intro: CustomerIntro) => void;
  emailRef: Ref<HTMLInputElement>;
};

/** Optional name and email before the first message, so the shop can follow up. */
export function IntroFields({ intro, emailError, onChange, emailRef }: Props) {
  return (
    <fieldset class="intro">
      <legend class="intro-legend">Tell us who you are (optional)</legend>
      <div class="intro-row">
        <label class="field-label" for="sfy-name">
          Name
        </label>
        <input
          id="sfy-name"
          class="field"
          type="text"
          autocomplete="name"
          maxLength={200}
          value={intro.name}
          onInput={(e) => onChange({ ...intro, name: e.currentTarget.value })}
        />
      </div>
      <div class="intro-row">
        <label class="field-label" for="sfy-email">
          Email
        </label>
        <input
          id="sfy-email"
          ref={emailRef}
          class="field"
          type="email"
          autocomplete="email"
          maxLength={320}
          value={intro.email}
          aria-invalid={emailError || undefined}
          aria-describedby={emailError ? 'sfy-email-error' : undefined}
          onInput={(e) => onChange({ ...intro, email: e.currentTarget.value })}
        />
        {emailError && (
          <p id="sfy-email-error" class="error">
            Please check this email address, or leave it empty.
          </p>
        )}
      </div>
    </fieldset>
  );
}
