import { MODEL } from './catalog';
import { dayAtFraction, type TDemoWindow } from './dates';

/** The four models served in production, with a daily inference row each from launch on. */
export const DEPLOYED_MODELS = [
  MODEL.searchEmbed,
  MODEL.llm7b,
  MODEL.supportAssistant,
  MODEL.docExtract,
] as const;
export type TDeployedModel = (typeof DEPLOYED_MODELS)[number];

/** Key day indices of the storyline, as fractions of the window so any `months` works. */
export type TMilestones = {
  llm7bPretrain: number;
  vision2bPretrain: number;
  llm13bAborted: number;
  llm13bPretrain: number;
  /** First day with an inference row, per deployed model (0 = already live when the window opens). */
  launch: Record<TDeployedModel, number>;
  /** First day a model exists and can be evaluated. */
  availableFrom: Record<(typeof MODEL)[keyof typeof MODEL], number>;
};

export const PRETRAIN_DAYS = { llm7b: 21, vision2b: 15, llm13bAborted: 4, llm13b: 28 } as const;

export function demoMilestones(window: TDemoWindow): TMilestones {
  const at = (fraction: number) => dayAtFraction(window, fraction);
  const llm7bPretrain = at(0.03);
  const vision2bPretrain = at(0.3);
  const llm13bPretrain = at(0.55);
  const launch = {
    [MODEL.searchEmbed]: 0,
    [MODEL.llm7b]: Math.max(at(0.11), llm7bPretrain + PRETRAIN_DAYS.llm7b + 7),
    [MODEL.supportAssistant]: at(0.24),
    [MODEL.docExtract]: at(0.45),
  };
  return {
    llm7bPretrain,
    vision2bPretrain,
    llm13bAborted: at(0.52),
    llm13bPretrain,
    launch,
    availableFrom: {
      [MODEL.searchEmbed]: 0,
      [MODEL.queryRewriter]: 0,
      [MODEL.llm7b]: llm7bPretrain + PRETRAIN_DAYS.llm7b + 1,
      [MODEL.vision2b]: vision2bPretrain + PRETRAIN_DAYS.vision2b + 1,
      [MODEL.llm13b]: llm13bPretrain + PRETRAIN_DAYS.llm13b + 1,
      [MODEL.supportAssistant]: Math.max(0, launch[MODEL.supportAssistant] - 10),
      [MODEL.docExtract]: Math.max(0, launch[MODEL.docExtract] - 18),
    },
  };
}

/** Day indices first, first + step, … strictly before `endDay`. */
export function everyNDays(first: number, endDay: number, step: number): number[] {
  const days: number[] = [];
  for (let day = Math.max(0, first); day < endDay; day += step) {
    days.push(day);
  }
  return days;
}
