'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { type TActionState, toActionState, toInvalidState } from '@/lib/action-state';
import { ZColumnMappingPresetInput } from '@/lib/schemas/upload';
import { requireActionAuth } from '@/lib/server/access/auth-context';
import {
  saveColumnMappingPreset,
  type TColumnMappingPresetDto,
} from '@/lib/server/usage/uploads/column-mapping-presets';
import { deleteUpload } from '@/lib/server/usage/uploads/delete-upload';

const ZDeleteUploadInput = z.object({ uploadId: z.uuid() });

export async function deleteUploadAction(
  uploadId: string,
): Promise<TActionState<{ recordsRemoved: number }>> {
  const parsed = ZDeleteUploadInput.safeParse({ uploadId });
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('writeUsage');
    const result = await deleteUpload(ctx, parsed.data.uploadId);
    revalidatePath('/uploads');
    revalidatePath('/');
    return { ok: true, data: result };
  } catch (error) {
    return toActionState(error);
  }
}

export async function saveMappingPresetAction(
  input: unknown,
): Promise<TActionState<TColumnMappingPresetDto>> {
  const parsed = ZColumnMappingPresetInput.safeParse(input);
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('writeUsage');
    const saved = await saveColumnMappingPreset(ctx, parsed.data);
    revalidatePath('/uploads');
    return { ok: true, data: saved };
  } catch (error) {
    return toActionState(error);
  }
}
