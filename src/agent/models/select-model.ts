import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { ShopSettings } from '../../settings/shop-settings.ts';
import { createOfflineModel } from './offline/offline-model.ts';

export type SelectedModel = { model: LanguageModelV4; offline: boolean };

/**
 * The shop's configured model. Keys come from Settings → AI, else from the environment
 * (OPENAI_API_KEY, ANTHROPIC_API_KEY); the offline model needs none. A provider's library is loaded on
 * first use (imports are cached): a server on the offline model never carries them.
 */
export async function selectModel(
  ai: ShopSettings['ai'],
  env: NodeJS.ProcessEnv = process.env,
): Promise<SelectedModel> {
  const baseURL = ai.baseUrl ?? undefined;
  switch (ai.provider) {
    case 'openai': {
      const { createOpenAI } = await import('@ai-sdk/openai');
      return {
        model: createOpenAI({ apiKey: ai.apiKey ?? env.OPENAI_API_KEY, baseURL }).chat(
          ai.model,
        ) as LanguageModelV4,
        offline: false,
      };
    }
    case 'anthropic': {
      const { createAnthropic } = await import('@ai-sdk/anthropic');
      return {
        model: createAnthropic({ apiKey: ai.apiKey ?? env.ANTHROPIC_API_KEY, baseURL })(
          ai.model,
        ) as LanguageModelV4,
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
        }).chatModel(ai.model) as LanguageModelV4,
        offline: false,
      };
    }
    default:
      return { model: createOfflineModel(), offline: true };
  }
}
