'use server';

import { revalidatePath } from 'next/cache';
import { formatDay } from '@/lib/format/date-time';
import {
  ZHardwareAssetId,
  ZHardwareAssetInput,
  ZRetireHardwareAssetInput,
} from '@/lib/schemas/hardware-asset';
import { defineAction } from '@/lib/server/http/define-action';
import {
  createHardwareAsset,
  deleteHardwareAsset,
  retireHardwareAsset,
} from '@/lib/server/usage/hardware-assets';

// manageHardware: owner, admin, editor; every change is audited in lib/server.

export const createHardwareAssetAction = defineAction(
  { permission: 'manageHardware', input: ZHardwareAssetInput },
  async ({ ctx, input }) => {
    const asset = await createHardwareAsset(ctx, input);
    revalidatePath('/settings/hardware');
    revalidatePath('/reports');
    const totalKg = asset.unitCount * asset.embodiedKgCo2ePerUnit;
    return {
      message: `Added “${asset.name}”: ${totalKg.toLocaleString('en-GB')} kg CO2e booked as Scope 3 Cat 2 on ${formatDay(asset.purchasedOn)}.`,
    };
  },
);

export const retireHardwareAssetAction = defineAction(
  { permission: 'manageHardware', input: ZRetireHardwareAssetInput },
  async ({ ctx, input }) => {
    await retireHardwareAsset(ctx, input.id, input.retiredOn);
    revalidatePath('/settings/hardware');
    return { message: `Retired on ${input.retiredOn}.` };
  },
);

export const deleteHardwareAssetAction = defineAction(
  { permission: 'manageHardware', input: ZHardwareAssetId },
  async ({ ctx, input }) => {
    await deleteHardwareAsset(ctx, input.id);
    revalidatePath('/settings/hardware');
    return { message: 'Deleted.' };
  },
);
