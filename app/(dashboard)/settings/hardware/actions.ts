'use server';

import { revalidatePath } from 'next/cache';
import { type TActionState, toActionState, toInvalidState } from '@/lib/action-state';
import { formatDay } from '@/lib/format/date-time';
import {
  ZHardwareAssetId,
  ZHardwareAssetInput,
  ZRetireHardwareAssetInput,
} from '@/lib/schemas/hardware-asset';
import { requireActionAuth } from '@/lib/server/access/auth-context';
import {
  createHardwareAsset,
  deleteHardwareAsset,
  retireHardwareAsset,
} from '@/lib/server/usage/hardware-assets';

// parse (Zod) → authorise (manageHardware: owner, admin, editor) → lib/server (audited) → respond.

export async function createHardwareAssetAction(
  _prev: TActionState,
  formData: FormData,
): Promise<TActionState> {
  const parsed = ZHardwareAssetInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('manageHardware');
    const asset = await createHardwareAsset(ctx, parsed.data);
    revalidatePath('/settings/hardware');
    revalidatePath('/reports');
    const totalKg = asset.unitCount * asset.embodiedKgCo2ePerUnit;
    return {
      ok: true,
      message: `Added “${asset.name}”: ${totalKg.toLocaleString('en-GB')} kg CO2e booked as Scope 3 Cat 2 on ${formatDay(asset.purchasedOn)}.`,
    };
  } catch (error) {
    return toActionState(error);
  }
}

export async function retireHardwareAssetAction(
  _prev: TActionState,
  formData: FormData,
): Promise<TActionState> {
  const parsed = ZRetireHardwareAssetInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('manageHardware');
    await retireHardwareAsset(ctx, parsed.data.id, parsed.data.retiredOn);
    revalidatePath('/settings/hardware');
    return { ok: true, message: `Retired on ${parsed.data.retiredOn}.` };
  } catch (error) {
    return toActionState(error);
  }
}

export async function deleteHardwareAssetAction(
  _prev: TActionState,
  formData: FormData,
): Promise<TActionState> {
  const parsed = ZHardwareAssetId.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('manageHardware');
    await deleteHardwareAsset(ctx, parsed.data.id);
    revalidatePath('/settings/hardware');
    return { ok: true, message: 'Deleted.' };
  } catch (error) {
    return toActionState(error);
  }
}
