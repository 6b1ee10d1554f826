import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { ShopSettings } from '../../settings/shop-settings.ts';
import { type AiEndpointPolicy, DEFAULT_AI_ENDPOINTS, guardedAiFetch } from './ai-endpoint.ts';
import { createOfflineModel } from './offline/offline-model.ts';

export type SelectedModel = { model: LanguageModelV4; offline: boolean };

/**
 * The shop's configured model. Keys come from Settings → AI, else from the environment
 * (OPENAI_API_KEY, ANTHROPIC_API_KEY); the offline model needs none. A provider's library is loaded on
 * first use (imports are cached): a server on the offline model never carries them.
 *
 * A base URL the shop chose is reached only through `guardedAiFetch` (public addresses unless the operator
 * allows private ones, no redirects), and the environment's keys are only ever sent to the providers' own
 * endpoints: a shop that points OpenAI or Anthropic elsewhere brings its own key.
 */
export async function selectModel(
  ai: ShopSettings['ai'],
  env: NodeJS.ProcessEnv = process.env,
  endpoints: AiEndpointPolicy = DEFAULT_AI_ENDPOINTS,
): Promise<SelectedModel> {
  const baseURL = ai.baseUrl ?? undefined;
  const custom = baseURL ? { baseURL, fetch: guardedAiFetch(endpoints) } : {};
  // The SDKs read OPENAI_API_KEY / ANTHROPIC_API_KEY themselves when given no key: '' sends none.
  const envKey = (key: string | undefined) => (baseURL ? '' : key);
  switch (ai.provider) {
    case 'openai': {
      const { createOpenAI } = await import('@ai-sdk/openai');
      return {
        model: createOpenAI({ apiKey: ai.apiKey ?? envKey(env.OPENAI_API_KEY), ...custom }).chat(
          ai.model,
        ) as LanguageModelV4,
        offline: false,
      };
    }
    case 'anthropic': {
      const { createAnthropic } = await import('@ai-sdk/anthropic');
      return {
        model: createAnthropic({
          apiKey: ai.apiKey ?? envKey(env.ANTHROPIC_API_KEY),
          ...custom,
        })(ai.model) as LanguageModelV4,
        offline: false,
      };
    }
    case 'openai-compatible': {
      const { createOpenAICompatible } = await import('@ai-sdk/openai-compatible');
      return {
        model: createOpenAICompatible({
          name: 'openai-compatible',
          baseURL: baseURL ?? 'http://127.0.0.1:11434/v1',
          apiKey: ai.apiKey ?? undefined,
          fetch: guardedAiFetch(endpoints),
        }).chatModel(ai.model) as LanguageModelV4,
        offline: false,
      };
    }
    default:
      return { model: createOfflineModel(), offline: true };
  }
}
