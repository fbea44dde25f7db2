import { z } from 'zod';

export const PLAN_STATUSES = ['proposed', 'planned', 'in_progress', 'done', 'dismissed'] as const;
export type TPlanStatus = (typeof PLAN_STATUSES)[number];
export const PLAN_STATUS_LABELS: Record<TPlanStatus, string> = {
  proposed: 'Proposed',
  planned: 'Planned',
  in_progress: 'In progress',
  done: 'Done',
  dismissed: 'Dismissed',
};

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ZOptionalDay = (label: string) =>
  z
    .string()
    .trim()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(
      z
        .string()
        .regex(ISO_DAY, `${label} must be a date (YYYY-MM-DD)`)
        .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), `${label} is not a valid date`)
        .optional(),
    )
    .optional();

/** Plan (or re-plan) a recommendation: shared by the plan form and the server action. */
export const ZRecommendationPlanInput = z.object({
  recommendationKey: z.string().trim().min(1, 'Unknown recommendation').max(400),
  /** A member of the organisation, or empty for no owner. */
  ownerUserId: z
    .string()
    .trim()
    .max(200)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional(),
  status: z.enum(PLAN_STATUSES, { message: 'Choose a status' }),
  dueDate: ZOptionalDay('Due date'),
  /** When the change took effect (status done); defaults to today. Realised savings are measured around it. */
  completedOn: ZOptionalDay('Completion date'),
});
export type TRecommendationPlanInput = z.output<typeof ZRecommendationPlanInput>;
