'use server';

import { revalidatePath } from 'next/cache';
import { ZColumnMappingPresetInput, ZDeleteUploadInput } from '@/lib/schemas/upload';
import { defineAction } from '@/lib/server/http/define-action';
import { saveColumnMappingPreset } from '@/lib/server/usage/uploads/column-mapping-presets';
import { deleteUpload } from '@/lib/server/usage/uploads/delete-upload';

export const deleteUploadAction = defineAction(
  { permission: 'writeUsage', input: ZDeleteUploadInput },
  async ({ ctx, input }) => {
    const result = await deleteUpload(ctx, input.uploadId);
    revalidatePath('/uploads');
    revalidatePath('/');
    return { data: result };
  },
);

export const saveMappingPresetAction = defineAction(
  { permission: 'writeUsage', input: ZColumnMappingPresetInput },
  async ({ ctx, input }) => {
    const saved = await saveColumnMappingPreset(ctx, input);
    revalidatePath('/uploads');
    return { data: saved };
  },
);
