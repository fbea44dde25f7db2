'use server';

import { revalidatePath } from 'next/cache';
import { type TActionState, toActionState, toInvalidState } from '@/lib/action-state';
import { PLAN_STATUS_LABELS, ZRecommendationPlanInput } from '@/lib/schemas/recommendation-plan';
import { requireActionAuth } from '@/lib/server/access/auth-context';
import { saveRecommendationPlan } from '@/lib/server/insights/recommendation-plans';

/** Plans (or re-plans) a recommendation: owner, status, due date (editor, admin, owner); audited. */
export async function planRecommendationAction(
  _prev: TActionState,
  formData: FormData,
): Promise<TActionState> {
  const parsed = ZRecommendationPlanInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('planInsights');
    const saved = await saveRecommendationPlan(ctx, parsed.data, new Date());
    revalidatePath('/recommendations');
    return {
      ok: true,
      message: `${saved.created ? 'Plan created' : 'Plan updated'}: ${PLAN_STATUS_LABELS[parsed.data.status]}.`,
    };
  } catch (error) {
    return toActionState(error);
  }
}
