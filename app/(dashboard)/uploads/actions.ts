'use server';

import { revalidatePath } from 'next/cache';
import { ZNameAliasInput, ZResolveNamesInput } from '@/lib/schemas/name-alias';
import { ZColumnMappingPresetInput, ZDeleteUploadInput } from '@/lib/schemas/upload';
import { resolveUploadNames, saveNameAlias } from '@/lib/server/factors/name-aliases';
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

/** The review table of a file's names (read-only, but part of the upload flow, so the upload permission). */
export const resolveUploadNamesAction = defineAction(
  { permission: 'writeUsage', input: ZResolveNamesInput },
  async ({ ctx, input }) => ({ data: await resolveUploadNames(ctx, input) }),
);

/** Maps an unknown name to a catalog entry or region as an organisation alias (F9); the panel re-runs the review. */
export const saveNameAliasAction = defineAction(
  { permission: 'writeUsage', input: ZNameAliasInput },
  async ({ ctx, input }) => {
    const saved = await saveNameAlias(ctx, input);
    revalidatePath('/factors');
    return { message: `“${saved.alias}” is now mapped.`, data: saved };
  },
);
