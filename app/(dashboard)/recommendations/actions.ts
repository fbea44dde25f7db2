'use server';

import { revalidatePath } from 'next/cache';
import { PLAN_STATUS_LABELS, ZRecommendationPlanInput } from '@/lib/schemas/recommendation-plan';
import { defineAction } from '@/lib/server/http/define-action';
import { saveRecommendationPlan } from '@/lib/server/insights/recommendation-plans';

/** Plans (or re-plans) a recommendation: owner, status, due date (editor, admin, owner); audited. */
export const planRecommendationAction = defineAction(
  { permission: 'planInsights', input: ZRecommendationPlanInput },
  async ({ ctx, input }) => {
    const saved = await saveRecommendationPlan(ctx, input, new Date());
    revalidatePath('/recommendations');
    return {
      message: `${saved.created ? 'Plan created' : 'Plan updated'}: ${PLAN_STATUS_LABELS[input.status]}.`,
    };
  },
);
