import 'server-only';
import { getLlmModelRepository } from '../factors/llm-model-repository-cache';

/** Service code → name of every service in reference/ai-services/providers.csv ("aws-bedrock" → "Amazon Bedrock"). */
export function aiServiceNames(): ReadonlyMap<string, string> {
  return new Map([...getLlmModelRepository().serviceProviders].map(([code, p]) => [code, p.label]));
}
