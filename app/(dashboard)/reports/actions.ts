'use server';

import { revalidatePath } from 'next/cache';
import { ZApproveReportInput, ZFreezeReportInput } from '@/lib/schemas/report-export';
import { defineAction } from '@/lib/server/http/define-action';
import { approveReportVersion, reviewReportVersion } from '@/lib/server/reports/report-sign-off';
import { freezeReport } from '@/lib/server/reports/report-versions';

/** Freezes the live report of a period (editor, admin, owner). */
export const freezeReportAction = defineAction(
  { permission: 'prepareReports', input: ZFreezeReportInput },
  async ({ ctx, input }) => {
    const result = await freezeReport(ctx, input.period, new Date());
    revalidatePath('/reports');
    return {
      message: result.created
        ? `Frozen as version ${result.version.version} (${result.version.status}${result.version.changes ? `, ${result.version.changes} changed figures` : ''}).`
        : `No figure changed since version ${result.version.version}; nothing new frozen.`,
    };
  },
);

/** Reviews a frozen version (second pair of eyes: anyone with reviewReports except its preparer). */
export const reviewReportAction = defineAction(
  { permission: 'reviewReports', input: ZApproveReportInput },
  async ({ ctx, input }) => {
    const v = await reviewReportVersion(ctx, input.period, input.version, new Date());
    revalidatePath('/reports');
    return { message: `Version ${v.version} reviewed; it now needs an approver.` };
  },
);

/** Signs off a reviewed version (auditor, admin, owner; not its preparer or reviewer); approved = immutable. */
export const approveReportAction = defineAction(
  { permission: 'approveReports', input: ZApproveReportInput },
  async ({ ctx, input }) => {
    const v = await approveReportVersion(ctx, input.period, input.version, new Date());
    revalidatePath('/reports');
    return { message: `Version ${v.version} approved (${v.status}).` };
  },
);
