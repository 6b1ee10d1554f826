/** @jsxImportSource preact */
import { render } from 'preact';
import { WidgetApi } from './chat/api-client.ts';
import { ChatController } from './chat/chat-controller.ts';
import { WidgetStorage } from './chat/widget-storage.ts';
import { App } from './components/app.tsx';
import baseStyles from './styles/base.css?inline';
import cardStyles from './styles/cards.css?inline';
import composerStyles from './styles/composer.css?inline';
import messageStyles from './styles/messages.css?inline';

// One sheet, the parts in their cascade order (composer.css last: its media queries override the rest).
const styles = [baseStyles, messageStyles, cardStyles, composerStyles].join('\n');

// Read while this script runs: document.currentScript is null once it has finished.
const embed =
  document.currentScript instanceof HTMLScriptElement && document.currentScript.dataset.widgetKey
    ? document.currentScript
    : document.querySelector<HTMLScriptElement>('script[data-widget-key]');

/** Styles live inside the shadow root only: nothing leaks into the store's page, nothing leaks in. */
function addStyles(shadow: ShadowRoot): void {
  if ('adoptedStyleSheets' in shadow && 'replaceSync' in CSSStyleSheet.prototype) {
    // A constructed sheet also works on stores whose CSP forbids inline <style> elements.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(styles);
    shadow.adoptedStyleSheets = [sheet];
  } else {
    const style = document.createElement('style');
    style.textContent = styles;
    shadow.append(style);
  }
}

function mount(script: HTMLScriptElement, widgetKey: string): void {
  // Embedded twice (a theme and an app block both adding it): one widget is enough.
  if (document.querySelector('supportify-chat')) return;
  const origin = new URL(script.src, window.location.href).origin;
  const host = document.createElement('supportify-chat');
  const shadow = host.attachShadow({ mode: 'open' });
  addStyles(shadow);
  const container = document.createElement('div');
  shadow.append(container);
  document.body.append(host);
  const controller = new ChatController(new WidgetApi(origin, widgetKey), new WidgetStorage(widgetKey));
  render(<App controller={controller} />, container);
  controller.start();
}

const widgetKey = embed?.dataset.widgetKey;
if (!embed || !widgetKey) {
  console.warn('Supportify: add data-widget-key="wk_…" to the widget <script> tag.');
} else if (document.body) {
  mount(embed, widgetKey);
} else {
  document.addEventListener('DOMContentLoaded', () => mount(embed, widgetKey), { once: true });
}
