'use server';

import { revalidatePath } from 'next/cache';
import { type TActionState, toActionState, toInvalidState } from '@/lib/action-state';
import { ZApproveReportInput, ZFreezeReportInput } from '@/lib/schemas/report-export';
import { requireActionAuth } from '@/lib/server/access/auth-context';
import { approveReportVersion, reviewReportVersion } from '@/lib/server/reports/report-sign-off';
import { freezeReport } from '@/lib/server/reports/report-versions';

/** Freezes the live report of a period (editor, admin, owner). */
export async function freezeReportAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  const parsed = ZFreezeReportInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth('prepareReports');
    const result = await freezeReport(ctx, parsed.data.period, new Date());
    revalidatePath('/reports');
    return {
      ok: true,
      message: result.created
        ? `Frozen as version ${result.version.version} (${result.version.status}${result.version.changes ? `, ${result.version.changes} changed figures` : ''}).`
        : `No figure changed since version ${result.version.version}; nothing new frozen.`,
    };
  } catch (error) {
    return toActionState(error);
  }
}

/** One four-eyes step: parse → authorise (reviewReports / approveReports) → lib/server (rules enforced) → respond. */
async function signOffStep(formData: FormData, step: 'review' | 'approve'): Promise<TActionState> {
  const parsed = ZApproveReportInput.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    return toInvalidState(parsed.error);
  }
  try {
    const ctx = await requireActionAuth(step === 'review' ? 'reviewReports' : 'approveReports');
    const signOff = step === 'review' ? reviewReportVersion : approveReportVersion;
    const v = await signOff(ctx, parsed.data.period, parsed.data.version, new Date());
    revalidatePath('/reports');
    return {
      ok: true,
      message:
        step === 'review'
          ? `Version ${v.version} reviewed; it now needs an approver.`
          : `Version ${v.version} approved (${v.status}).`,
    };
  } catch (error) {
    return toActionState(error);
  }
}

/** Reviews a frozen version (second pair of eyes: anyone with reviewReports except its preparer). */
export async function reviewReportAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  return signOffStep(formData, 'review');
}

/** Signs off a reviewed version (auditor, admin, owner; not its preparer or reviewer); approved = immutable. */
export async function approveReportAction(_prev: TActionState, formData: FormData): Promise<TActionState> {
  return signOffStep(formData, 'approve');
}
