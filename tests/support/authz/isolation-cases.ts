import { reviewReportVersion } from '@/lib/server/reports/report-sign-off';
import type { TActionCall } from './action-cases';
import { formData } from './action-cases';
import type { TOutcome, TRouteCall } from './invoke';
import { budgetForm, codecarbonEmission, codecarbonRun, make, targetForm } from './makers';
import type { TMember, TOrgFixture } from './world';

// Tenant isolation: for EVERY endpoint (route handler export or server action), either a case that hands
// organisation B's object id (path, body or form field) to a caller of organisation A, or the reason the endpoint
// takes no id of an organisation's object. Expected: 404 / NOT_FOUND (never 403: ids are not confirmed) and no
// change in B's rows.

export interface TIsolationFixture {
  a: TOrgFixture;
  b: TOrgFixture;
  /** B's second member (the target of member actions), and B's preparer/reviewer of report versions. */
  bViewer: TMember;
  bReviewer: TMember;
  bShared: {
    uploadId: string;
    recordId: string;
    projectId: string;
    experimentId: string;
    runId: string;
    period: string;
    version: number;
  };
}

export type TIsolationCase =
  | { key: string; noId: string }
  | {
      key: string;
      label?: string;
      route: (f: TIsolationFixture) => Promise<TRouteCall> | TRouteCall;
      expect?: TOutcome;
    }
  | {
      key: string;
      label?: string;
      action: (f: TIsolationFixture) => Promise<TActionCall> | TActionCall;
      expect?: TOutcome;
    };

const IDLE = { ok: false };
const form = (fields: Record<string, string>): TActionCall => ({ args: [IDLE, formData(fields)] });
const plainForm = (fields: Record<string, string>): TActionCall => ({ args: [formData(fields)] });
const D = 'app/(dashboard)';
const byId = (key: string, id: (f: TIsolationFixture) => string | Promise<string>): TIsolationCase => ({
  key,
  route: async (f) => ({ url: '/x', params: { id: await id(f) } }),
});

export const ISOLATION_CASES: TIsolationCase[] = [
  // Route handlers.
  {
    key: 'GET /audit/export',
    noId: 'filters only (action, actor email, dates); scoped to the caller’s organisation',
  },
  { key: 'GET /records/export', noId: 'dashboard filters only' },
  { key: 'GET /api/auth/[...all]', noId: 'Better Auth: the caller’s own session' },
  { key: 'POST /api/auth/[...all]', noId: 'Better Auth: sign-in/out of the caller' },
  { key: 'GET /api/codecarbon/auth/check', noId: 'the caller’s own identity' },
  {
    key: 'POST /api/codecarbon/emissions',
    label: "B's run_id in the body",
    route: (f) => ({ url: '/x', body: codecarbonEmission(f.bShared.runId) }),
  },
  byId('GET /api/codecarbon/experiments/[id]', (f) => f.bShared.experimentId),
  byId('GET /api/codecarbon/experiments/[id]/runs', (f) => f.bShared.experimentId),
  {
    key: 'POST /api/codecarbon/experiments',
    label: "B's project_id in the body",
    route: (f) => ({
      url: '/x',
      body: { timestamp: '2026-08-08T11:35:50+02:00', name: 'probe', project_id: f.bShared.projectId },
    }),
  },
  byId('GET /api/codecarbon/organizations/[id]/projects', (f) => f.b.orgId),
  byId('GET /api/codecarbon/organizations/[id]', (f) => f.b.orgId),
  { key: 'GET /api/codecarbon/organizations', noId: 'lists the caller’s organisation' },
  byId('GET /api/codecarbon/projects/[id]/experiments', (f) => f.bShared.projectId),
  byId('GET /api/codecarbon/projects/[id]', (f) => f.bShared.projectId),
  { key: 'POST /api/codecarbon/projects', noId: 'a name; matched within the caller’s organisation' },
  byId('GET /api/codecarbon/runs/[id]', (f) => f.bShared.runId),
  {
    key: 'POST /api/codecarbon/runs',
    label:
      "B's experiment_id in the body: treated as unknown (the tracker may send any id), stored in A only",
    route: (f) => ({ url: '/x', body: codecarbonRun(f.bShared.experimentId) }),
    expect: 'allowed',
  },
  { key: 'GET /api/health', noId: 'public liveness' },
  byId('DELETE /api/v1/energy-contracts/[id]', (f) => make.energyContract(f.b)),
  { key: 'GET /api/v1/energy-contracts', noId: 'lists the caller’s organisation' },
  { key: 'POST /api/v1/energy-contracts', noId: 'creates in the caller’s organisation; no id in the body' },
  { key: 'POST /api/v1/estimate', noId: 'stateless computation on the posted records' },
  { key: 'GET /api/v1/factors/locations', noId: 'bundled + caller’s overrides' },
  {
    key: 'DELETE /api/v1/factors/overrides/[kind]/[id]',
    route: async (f) => ({ url: '/x', params: { kind: 'grid', id: await make.gridOverride(f.b) } }),
  },
  { key: 'POST /api/v1/factors/overrides', noId: 'creates in the caller’s organisation' },
  { key: 'GET /api/v1/factors', noId: 'a zone code, not an object id' },
  { key: 'GET /api/v1/name-aliases', noId: 'lists the caller’s organisation' },
  { key: 'POST /api/v1/name-aliases', noId: 'a name, unique per organisation; no id in the body' },
  byId('DELETE /api/v1/name-aliases/[id]', (f) => make.nameAlias(f.b)),
  { key: 'GET /api/v1/forecast/best-window', noId: 'a region code' },
  { key: 'GET /api/v1/me', noId: 'the caller' },
  { key: 'GET /api/v1/openapi.json', noId: 'public document' },
  byId('GET /api/v1/records/[id]', (f) => f.bShared.recordId),
  { key: 'GET /api/v1/records', noId: 'filters and an opaque cursor scoped to the caller' },
  {
    key: 'POST /api/v1/records',
    noId: 'external record ids are per organisation (upsert by org_id, external_id)',
  },
  {
    key: 'POST /api/v1/ai-usage',
    noId: 'row ids are record ids per organisation (upsert by org_id, external_id)',
  },
  {
    key: 'GET /api/v1/reports/[period]/export',
    label: "B's frozen version number",
    route: (f) => ({
      url: `/x?format=json&version=${f.bShared.version}`,
      params: { period: f.bShared.period },
    }),
  },
  {
    key: 'GET /api/v1/reports/[period]',
    label: "B's frozen version number",
    route: (f) => ({
      url: `/x?format=json&version=${f.bShared.version}`,
      params: { period: f.bShared.period },
    }),
  },
  {
    key: 'POST /api/v1/reports/[period]/versions/[version]/[step]',
    label: "review B's version",
    route: (f) => ({
      url: '/x',
      params: { period: f.bShared.period, version: String(f.bShared.version), step: 'review' },
    }),
  },
  {
    key: 'POST /api/v1/reports/[period]/versions',
    noId: 'freezes the caller’s own report of a period (a period key, not an object id)',
  },
  { key: 'GET /api/v1/summary', noId: 'filters only' },
  byId('GET /api/v1/uploads/[id]/errors', (f) => f.bShared.uploadId),
  byId('GET /api/v1/uploads/[id]/progress', (f) => f.bShared.uploadId),
  byId('DELETE /api/v1/uploads/[id]', (f) => f.bShared.uploadId),
  byId('GET /api/v1/uploads/[id]', (f) => f.bShared.uploadId),
  { key: 'POST /api/v1/uploads', noId: 'a file; stored in the caller’s organisation' },
  { key: 'GET /api/v1/uploads', noId: 'lists the caller’s organisation' },
  { key: 'GET /templates/[file]', noId: 'public static template' },
  // Server actions.
  { key: 'app/(auth)/sign-in/actions.ts#signInAction', noId: 'credentials only' },
  { key: 'app/(auth)/sign-in/actions.ts#signOutAction', noId: 'the caller’s own session' },
  {
    key: 'app/(auth)/invite/[token]/actions.ts#acceptInvitationAction',
    noId: 'the invitation token is the credential',
  },
  { key: `${D}/factors/actions.ts#createGridOverrideAction`, noId: 'creates in the caller’s organisation' },
  {
    key: `${D}/factors/actions.ts#createLocationOverrideAction`,
    noId: 'creates in the caller’s organisation',
  },
  {
    key: `${D}/factors/actions.ts#createAcceleratorOverrideAction`,
    noId: 'creates in the caller’s organisation',
  },
  {
    key: `${D}/factors/actions.ts#deleteOverrideAction`,
    action: async (f) => form({ kind: 'grid', id: await make.gridOverride(f.b) }),
  },
  {
    key: `${D}/factors/actions.ts#deleteNameAliasAction`,
    action: async (f) => form({ id: await make.nameAlias(f.b) }),
  },
  { key: `${D}/uploads/actions.ts#saveNameAliasAction`, noId: 'a name, unique per organisation' },
  { key: `${D}/factors/actions.ts#saveNameAliasFormAction`, noId: 'a name, unique per organisation' },
  {
    key: `${D}/uploads/actions.ts#resolveUploadNamesAction`,
    noId: 'names resolved with the caller’s library',
  },
  {
    key: `${D}/_components/what-if-actions.ts#runWhatIfAction`,
    label: "B's record as the target",
    action: (f) => ({
      args: [
        {
          target: { type: 'record', recordId: f.bShared.recordId },
          scenario: { kind: 'time', withinHours: 24 },
        },
      ],
    }),
  },
  {
    key: `${D}/_components/switch-model-actions.ts#runSwitchModelAction`,
    noId: 'an AI service, a model name and dashboard filters; read within the caller’s organisation',
  },
  {
    key: `${D}/targets/actions.ts#saveTargetAction`,
    label: "update B's target by id",
    action: async (f) => form({ ...targetForm(), id: await make.target(f.b) }),
  },
  {
    key: `${D}/targets/actions.ts#saveBudgetAction`,
    label: "a budget for B's team",
    action: async (f) => form(budgetForm(await make.team(f.b))),
  },
  {
    key: `${D}/targets/actions.ts#deleteTargetAction`,
    action: async (f) => form({ id: await make.target(f.b) }),
  },
  {
    key: `${D}/targets/actions.ts#restateTargetBaseAction`,
    action: async (f) => form({ id: await make.target(f.b) }),
  },
  {
    key: `${D}/targets/actions.ts#deleteBudgetAction`,
    action: async (f) => form({ id: await make.budget(f.b) }),
  },
  {
    key: `${D}/targets/alert-actions.ts#dismissBudgetAlertAction`,
    label: "B's alert: ignored exactly like an unknown id (a banner form; nothing stored, nothing confirmed)",
    action: async (f) => plainForm({ alertId: await make.budgetAlert(f.b) }),
    expect: 'allowed',
  },
  {
    key: `${D}/settings/members/actions.ts#inviteMemberAction`,
    noId: 'an email; invites into the caller’s organisation',
  },
  {
    key: `${D}/settings/members/actions.ts#changeMemberRoleAction`,
    action: (f) => form({ userId: f.bViewer.userId, role: 'admin' }),
  },
  {
    key: `${D}/settings/members/actions.ts#removeMemberAction`,
    action: (f) => form({ userId: f.bViewer.userId }),
  },
  {
    key: `${D}/settings/members/actions.ts#revokeInvitationAction`,
    action: async (f) => form({ invitationId: (await make.invitation(f.b)).id }),
  },
  {
    key: `${D}/energy-contracts/actions.ts#createEnergyContractAction`,
    noId: 'creates in the caller’s organisation',
  },
  {
    key: `${D}/energy-contracts/actions.ts#deleteEnergyContractAction`,
    action: async (f) => form({ id: await make.energyContract(f.b) }),
  },
  {
    key: `${D}/settings/hardware/actions.ts#createHardwareAssetAction`,
    noId: 'creates in the caller’s organisation',
  },
  {
    key: `${D}/settings/hardware/actions.ts#retireHardwareAssetAction`,
    action: async (f) => form({ id: await make.hardwareAsset(f.b), retiredOn: '2026-01-01' }),
  },
  {
    key: `${D}/settings/hardware/actions.ts#deleteHardwareAssetAction`,
    action: async (f) => form({ id: await make.hardwareAsset(f.b) }),
  },
  {
    key: `${D}/settings/organizations/actions.ts#switchOrganizationAction`,
    label: "B's slug: ignored (not a membership), the caller stays in A",
    action: (f) => plainForm({ orgSlug: f.b.orgSlug }),
    expect: 'allowed',
  },
  { key: `${D}/settings/organizations/actions.ts#createOrganizationAction`, noId: 'a name' },
  {
    key: `${D}/settings/tokens/actions.ts#createApiTokenAction`,
    noId: 'creates in the caller’s organisation',
  },
  {
    key: `${D}/settings/tokens/actions.ts#revokeApiTokenAction`,
    action: async (f) => form({ tokenId: await make.token(f.b, f.b.members.owner.userId) }),
  },
  {
    key: `${D}/settings/organization/actions.ts#updateOrganizationSettingsAction`,
    noId: 'the caller’s organisation',
  },
  {
    key: `${D}/settings/organization/webhook-actions.ts#saveAlertWebhookAction`,
    noId: 'the caller’s organisation',
  },
  {
    key: `${D}/uploads/actions.ts#deleteUploadAction`,
    action: (f) => ({ args: [{ uploadId: f.bShared.uploadId }] }),
  },
  { key: `${D}/uploads/actions.ts#saveMappingPresetAction`, noId: 'a name, unique per organisation' },
  { key: `${D}/models/actions.ts#saveModelLineageAction`, noId: 'model names, per organisation' },
  { key: `${D}/reports/actions.ts#freezeReportAction`, noId: 'a period key; freezes the caller’s report' },
  {
    key: `${D}/reports/actions.ts#reviewReportAction`,
    action: (f) => form({ period: f.bShared.period, version: String(f.bShared.version) }),
  },
  {
    key: `${D}/reports/actions.ts#approveReportAction`,
    action: async (f) => {
      const { period, version } = await make.frozenVersion(f.b, f.b.members.editor.userId);
      await reviewReportVersion(f.bReviewer, period, version, new Date());
      return form({ period, version: String(version) });
    },
  },
  {
    key: `${D}/recommendations/actions.ts#planRecommendationAction`,
    label: "B's plan key",
    action: async (f) =>
      form({
        recommendationKey: await make.recommendationPlan(f.b),
        ownerUserId: '',
        status: 'planned',
        dueDate: '',
        completedOn: '',
      }),
  },
];
