// Shared setup for the Conversations browser tests: the admin suite, plus a widget conversation whose
// customer name and message carry markup.

import { type AdminSuite, CREDS, setUpAdminSuite } from './admin-suite.ts';
import { getWidgetKey, startWidgetConversation } from './api.ts';

export { CREDS };
export const TEST_TIMEOUT = 90_000;

// Markup in customer-supplied text: every bit of it must reach the screen as literal text.
export const XSS_NAME = '<img src=x onerror="window.__xss=1">';
export const XSS_TEXT =
  '<script>window.__xss=2</script><img src=x onerror="window.__xss=3"> and "><svg onload="window.__xss=4">';

export type ConversationsSuite = AdminSuite & {
  /** The storefront visitor's conversation with markup in name and message, started before any browser visit. */
  xssConversationId: string;
};

/** The admin suite's hooks, and before any browser visit a storefront visitor whose name and message carry markup. */
export function setUpConversationsSuite(failurePrefix: string): ConversationsSuite {
  const suite: ConversationsSuite = Object.assign(
    setUpAdminSuite(failurePrefix, async (url, cookie) => {
      const widgetKey = await getWidgetKey(url, cookie);
      // Runs in beforeAll, after `suite` exists.
      suite.xssConversationId = await startWidgetConversation(url, widgetKey, { name: XSS_NAME }, [XSS_TEXT]);
    }),
    { xssConversationId: '' },
  );
  return suite;
}
