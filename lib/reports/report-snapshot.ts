import type { TEsgReport, TFigureChange, TReportSnapshotInfo } from './report-model';
import { roundHalfAway } from './rounding';

const figureKey = (f: { metric: string; period: string }) => `${f.metric}\u0000${f.period}`;

/**
 * Figures whose value differs between two versions of a report (added and removed figures included, with null on
 * the missing side). Delta = new − old, rounded to 6 decimals to drop float noise.
 */
export function diffReportFigures(previous: TEsgReport, next: TEsgReport): TFigureChange[] {
  const before = new Map(previous.figures.map((f) => [figureKey(f), f]));
  const after = new Map(next.figures.map((f) => [figureKey(f), f]));
  const changes: TFigureChange[] = [];
  for (const [key, f] of after) {
    const old = before.get(key);
    const oldValue = old ? old.value : null;
    if (old && oldValue === f.value) {
      continue;
    }
    changes.push({
      section: f.section,
      metric: f.metric,
      period: f.period,
      unit: f.unit,
      basis: f.basis,
      oldValue,
      newValue: f.value,
      delta: oldValue === null || f.value === null ? null : roundHalfAway(f.value - oldValue, 6),
    });
  }
  for (const [key, f] of before) {
    if (!after.has(key)) {
      changes.push({ ...f, oldValue: f.value, newValue: null, delta: null });
    }
  }
  return changes;
}

/**
 * The report as frozen: snapshot info attached, status banner updated, and (for restated versions) a
 * "Changes vs version N" table in the restatements section. Figures stay those of the data, so a later diff
 * compares data with data.
 */
export function withSnapshotInfo(report: TEsgReport, info: TReportSnapshotInfo): TEsgReport {
  const sections = report.sections.map((section) => {
    if (section.id !== 'restatements' || info.supersedesVersion === null) {
      return section;
    }
    return {
      ...section,
      paragraphs: [
        ...section.paragraphs,
        `Version ${info.version} restates version ${info.supersedesVersion} (reason: ${info.reason ?? 'recalculation'}); ${info.changes.length} figure(s) changed.`,
      ],
      tables: [
        ...section.tables,
        {
          id: 'version-changes',
          title: `Changes vs version ${info.supersedesVersion}`,
          columns: [
            { key: 'metric', label: 'Figure' },
            { key: 'period', label: 'Period' },
            { key: 'oldValue', label: 'Old' },
            { key: 'newValue', label: 'New' },
            { key: 'delta', label: 'Delta' },
            { key: 'unit', label: 'Unit' },
          ],
          rows: info.changes.map((c) => ({
            metric: c.metric,
            period: c.period,
            oldValue: c.oldValue,
            newValue: c.newValue,
            delta: c.delta,
            unit: c.unit,
          })),
        },
      ],
    };
  });
  return { ...report, sections, snapshot: info };
}

export interface TSignOff {
  preparedBy: string | null;
  preparedAt: string | null;
  reviewedBy?: string | null;
  reviewedAt?: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
}

/**
 * Fills the sign-off block for rendering (PDF, XLSX, CSV, preview) with preparer, reviewer and approver (four
 * eyes, lib/reports/review-rules.ts); the frozen JSON itself is never changed, so its hash stays valid.
 */
export function withSignOff(report: TEsgReport, signOff: TSignOff): TEsgReport {
  const workflow = signOff.approvedAt
    ? 'approved'
    : signOff.reviewedAt
      ? 'reviewed, awaiting approval'
      : 'draft, awaiting review';
  return {
    ...report,
    sections: report.sections.map((section) =>
      section.id !== 'sign-off'
        ? section
        : {
            ...section,
            paragraphs: [
              `Assurance status: unassured management information. Status: ${report.snapshot?.status ?? report.status}, ${workflow}${signOff.approvedAt ? '' : ' (not yet approved)'}.`,
              'Four-eyes rule: the preparer, the reviewer and the approver are three different people, enforced by the application; approval locks the version.',
            ],
            tables: section.tables.map((t) => ({
              ...t,
              rows: [
                { role: 'Preparer', name: signOff.preparedBy, at: signOff.preparedAt },
                { role: 'Reviewer', name: signOff.reviewedBy ?? null, at: signOff.reviewedAt ?? null },
                { role: 'Approver', name: signOff.approvedBy, at: signOff.approvedAt },
              ],
            })),
          },
    ),
  };
}
