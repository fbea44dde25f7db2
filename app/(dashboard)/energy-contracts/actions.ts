'use server';

import { revalidatePath } from 'next/cache';
import { ZEnergyContractCreate } from '@/lib/schemas/api-v1-contracts';
import { energyContractFromForm, ZEnergyContractId } from '@/lib/schemas/energy-contract-form';
import { createEnergyContract, deleteEnergyContract } from '@/lib/server/factors/energy-contract-admin';
import { defineAction } from '@/lib/server/http/define-action';

// manageOrganization: owners and admins, like POST/DELETE /api/v1/energy-contracts (same lib/server functions:
// audited, every record recomputed with restatements in one transaction).

const refresh = () => {
  revalidatePath('/energy-contracts');
  revalidatePath('/');
  revalidatePath('/reports');
};

const recomputed = (changed: number) =>
  changed === 1
    ? '1 record’s market-based CO₂e changed'
    : `${changed.toLocaleString('en-GB')} records’ market-based CO₂e changed`;

export const createEnergyContractAction = defineAction(
  { permission: 'manageOrganization', input: ZEnergyContractCreate, fromForm: energyContractFromForm },
  async ({ ctx, input }) => {
    const { contract, recompute } = await createEnergyContract(ctx, input, new Date());
    refresh();
    return { message: `Added ${contract.reference}; ${recomputed(recompute.changedRecords)}.` };
  },
);

export const deleteEnergyContractAction = defineAction(
  { permission: 'manageOrganization', input: ZEnergyContractId },
  async ({ ctx, input }) => {
    const { contract, recompute } = await deleteEnergyContract(ctx, input.id, new Date());
    refresh();
    return { message: `Removed ${contract.reference}; ${recomputed(recompute.changedRecords)}.` };
  },
);
