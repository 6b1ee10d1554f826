import { createAnthropic } from '@ai-sdk/anthropic';
import { createOpenAI } from '@ai-sdk/openai';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import type { LanguageModelV4 } from '@ai-sdk/provider';
import type { ShopSettings } from '../../settings/shop-settings.ts';
import { createOfflineModel } from './offline/offline-model.ts';

export type SelectedModel = { model: LanguageModelV4; offline: boolean };

/**
 * The shop's configured model. Keys come from Settings → AI, else from the environment
 * (OPENAI_API_KEY, ANTHROPIC_API_KEY); the offline model needs none.
 */
export function selectModel(ai: ShopSettings['ai'], env: NodeJS.ProcessEnv = process.env): SelectedModel {
  const baseURL = ai.baseUrl ?? undefined;
  switch (ai.provider) {
    case 'openai':
      return {
        model: createOpenAI({ apiKey: ai.apiKey ?? env.OPENAI_API_KEY, baseURL }).chat(
          ai.model,
        ) as LanguageModelV4,
        offline: false,
      };
    case 'anthropic':
      return {
        model: createAnthropic({ apiKey: ai.apiKey ?? env.ANTHROPIC_API_KEY, baseURL })(
          ai.model,
        ) as LanguageModelV4,
        offline: false,
      };
    case 'openai-compatible':
      return {
        model: createOpenAICompatible({
          name: 'openai-compatible',
          baseURL: baseURL ?? 'http://127.0.0.1:11434/v1',
          apiKey: ai.apiKey ?? undefined,
        }).chatModel(ai.model) as LanguageModelV4,
        offline: false,
      };
    default:
      return { model: createOfflineModel(), offline: true };
  }
}
