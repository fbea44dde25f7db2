import { z } from 'zod';

const name = z.string().trim().min(1).max(200);

/** A model's lineage: its family and (optionally) the model it was fine-tuned from. */
export const ZModelLineageInput = z
  .object({
    model: name,
    family: name,
    baseModel: z.preprocess(
      (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
      name.optional(),
    ),
  })
  .refine((v) => v.baseModel !== v.model, {
    path: ['baseModel'],
    message: 'A model cannot be its own base.',
  });
export type TModelLineageInput = z.output<typeof ZModelLineageInput>;
