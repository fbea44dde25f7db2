import { reviewReportVersion } from '@/lib/server/reports/report-sign-off';
import type { TAccess } from './invoke';
import {
  budgetForm,
  energyContractBody,
  gridOverride,
  hardwareForm,
  make,
  nameAliasBody,
  targetForm,
} from './makers';
import type { TRouteFixture } from './route-cases';
import { addMember, createUser, PASSWORD, seq, signInCookie, type TCaller } from './world';

// One case per exported server action (the key is `<file>#<export>`). `access` is the row of docs/SECURITY.md;
// `prepare` returns VALID arguments (so an allowed caller gets past parsing) and, when the action ends the caller's
// session, a fresh session cookie to use instead.

export interface TActionCase {
  key: string;
  access: TAccess;
  prepare: (f: TRouteFixture, caller: TCaller) => Promise<TActionCall> | TActionCall;
}

export interface TActionCall {
  args: unknown[];
  cookie?: string;
}

export function formData(fields: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      data.append(name, v);
    }
  }
  return data;
}

const IDLE = { ok: false };
/** useActionState actions: (previous state, form data). */
const form = (fields: Record<string, string | string[]>): TActionCall => ({ args: [IDLE, formData(fields)] });
/** <form action={…}> actions without state: (form data). */
const plainForm = (fields: Record<string, string>): TActionCall => ({ args: [formData(fields)] });

const D = 'app/(dashboard)';
/** The energy contracts page's form fields (strings; the last day is inclusive). */
const energyContractForm = () =>
  Object.fromEntries(Object.entries(energyContractBody()).map(([k, v]) => [k, String(v)]));
const userOf = (f: TRouteFixture, caller: TCaller) =>
  caller.kind === 'anonymous' ? f.a.members.owner : caller.member;

export const ACTION_CASES: TActionCase[] = [
  {
    key: 'app/(auth)/sign-in/actions.ts#signInAction',
    access: 'public',
    prepare: ({ preparer }) => form({ email: preparer.email, password: PASSWORD }),
  },
  {
    key: 'app/(auth)/sign-in/actions.ts#signOutAction',
    access: 'public',
    prepare: async (f, caller) => ({ args: [], cookie: await signInCookie(userOf(f, caller).email) }),
  },
  {
    key: 'app/(auth)/invite/[token]/actions.ts#acceptInvitationAction',
    access: 'public',
    prepare: async ({ a }, caller) => {
      // Alternate between an existing account (its password) and a new email (an account is created).
      const existing = caller.kind === 'session' ? await createUser('existing') : null;
      const { token } = await make.invitation(a, existing?.email);
      return form({ token, name: 'New Person', password: PASSWORD, confirmPassword: PASSWORD });
    },
  },
  {
    key: `${D}/factors/actions.ts#createGridOverrideAction`,
    access: 'manageOrganization',
    prepare: () => form(gridOverride()),
  },
  {
    key: `${D}/factors/actions.ts#createLocationOverrideAction`,
    access: 'manageOrganization',
    prepare: () =>
      form({
        provider: 'aws',
        regionCode: `r-${seq()}`,
        gridZone: 'FR',
        pue: '1.2',
        wueLPerKwh: '',
        source: 'Provider report',
      }),
  },
  {
    key: `${D}/factors/actions.ts#createAcceleratorOverrideAction`,
    access: 'manageOrganization',
    prepare: () =>
      form({ name: `acc-${seq()}`, tdpW: '300', memoryGb: '', embodiedKgCo2e: '', source: 'Datasheet' }),
  },
  {
    key: `${D}/factors/actions.ts#deleteNameAliasAction`,
    access: 'writeUsage',
    prepare: async ({ a }) => form({ id: await make.nameAlias(a) }),
  },
  {
    key: `${D}/factors/actions.ts#saveNameAliasFormAction`,
    access: 'writeUsage',
    prepare: () => form({ ...nameAliasBody(), targetProvider: '' }),
  },
  {
    key: `${D}/uploads/actions.ts#saveNameAliasAction`,
    access: 'writeUsage',
    prepare: () => ({ args: [nameAliasBody()] }),
  },
  {
    key: `${D}/uploads/actions.ts#resolveUploadNamesAction`,
    access: 'writeUsage',
    prepare: () => ({ args: [{ accelerators: [{ name: 'H100 SXM', rows: 1 }], regions: [] }] }),
  },
  {
    key: `${D}/factors/actions.ts#deleteOverrideAction`,
    access: 'manageOrganization',
    prepare: async ({ a }) => form({ kind: 'grid', id: await make.gridOverride(a) }),
  },
  {
    key: `${D}/_components/what-if-actions.ts#runWhatIfAction`,
    access: 'read',
    prepare: () => ({
      args: [{ target: { type: 'filters', query: '' }, scenario: { kind: 'time', withinHours: 24 } }],
    }),
  },
  {
    key: `${D}/_components/switch-model-actions.ts#runSwitchModelAction`,
    access: 'read',
    prepare: async ({ a }) => ({
      args: [{ ...(await make.aiUsage(a)), query: '', target: { kind: 'model', model: 'gpt-4o-mini' } }],
    }),
  },
  {
    key: `${D}/targets/actions.ts#saveTargetAction`,
    access: 'manageOrganization',
    prepare: () => form(targetForm()),
  },
  {
    key: `${D}/targets/actions.ts#saveBudgetAction`,
    access: 'manageOrganization',
    prepare: async ({ a }) => form(budgetForm(await make.team(a))),
  },
  {
    key: `${D}/targets/actions.ts#deleteTargetAction`,
    access: 'manageOrganization',
    prepare: async ({ a }) => form({ id: await make.target(a) }),
  },
  {
    key: `${D}/targets/actions.ts#restateTargetBaseAction`,
    access: 'manageOrganization',
    prepare: async ({ a }) => form({ id: await make.target(a) }),
  },
  {
    key: `${D}/targets/actions.ts#deleteBudgetAction`,
    access: 'manageOrganization',
    prepare: async ({ a }) => form({ id: await make.budget(a) }),
  },
  {
    key: `${D}/targets/alert-actions.ts#dismissBudgetAlertAction`,
    access: 'read',
    prepare: async ({ a }) => plainForm({ alertId: await make.budgetAlert(a) }),
  },
  {
    key: `${D}/settings/members/actions.ts#inviteMemberAction`,
    access: 'manageMembers',
    prepare: () => form({ email: `invited-${seq()}@example.test`, role: 'viewer' }),
  },
  {
    key: `${D}/settings/members/actions.ts#changeMemberRoleAction`,
    access: 'manageMembers',
    prepare: async ({ a }) => form({ userId: (await addMember(a, 'viewer')).userId, role: 'editor' }),
  },
  {
    key: `${D}/settings/members/actions.ts#removeMemberAction`,
    access: 'manageMembers',
    prepare: async ({ a }) => form({ userId: (await addMember(a, 'viewer')).userId }),
  },
  {
    key: `${D}/settings/members/actions.ts#revokeInvitationAction`,
    access: 'manageMembers',
    prepare: async ({ a }) => form({ invitationId: (await make.invitation(a)).id }),
  },
  {
    key: `${D}/energy-contracts/actions.ts#createEnergyContractAction`,
    access: 'manageOrganization',
    prepare: () => form({ ...energyContractForm(), periodEnd: '2026-12-31' }),
  },
  {
    key: `${D}/energy-contracts/actions.ts#deleteEnergyContractAction`,
    access: 'manageOrganization',
    prepare: async ({ a }) => form({ id: await make.energyContract(a) }),
  },
  {
    key: `${D}/settings/hardware/actions.ts#createHardwareAssetAction`,
    access: 'manageHardware',
    prepare: () => form(hardwareForm()),
  },
  {
    key: `${D}/settings/hardware/actions.ts#retireHardwareAssetAction`,
    access: 'manageHardware',
    prepare: async ({ a }) => form({ id: await make.hardwareAsset(a), retiredOn: '2026-01-01' }),
  },
  {
    key: `${D}/settings/hardware/actions.ts#deleteHardwareAssetAction`,
    access: 'manageHardware',
    prepare: async ({ a }) => form({ id: await make.hardwareAsset(a) }),
  },
  {
    key: `${D}/settings/organizations/actions.ts#switchOrganizationAction`,
    access: 'read',
    prepare: ({ a }) => plainForm({ orgSlug: a.orgSlug }),
  },
  {
    key: `${D}/settings/organizations/actions.ts#createOrganizationAction`,
    access: 'read',
    prepare: () => form({ name: `Created ${seq()}` }),
  },
  {
    key: `${D}/settings/tokens/actions.ts#createApiTokenAction`,
    access: 'manageTokens',
    prepare: () => form({ name: `tok-${seq()}`, scopes: ['read'], expiresInDays: '30' }),
  },
  {
    key: `${D}/settings/tokens/actions.ts#revokeApiTokenAction`,
    access: 'manageTokens',
    prepare: async (f, caller) => form({ tokenId: await make.token(f.a, userOf(f, caller).userId) }),
  },
  {
    key: `${D}/settings/organization/actions.ts#updateOrganizationSettingsAction`,
    access: 'manageOrganization',
    prepare: () =>
      form({
        defaultBasis: seq() % 2 ? 'lifecycle' : 'direct',
        embodiedLifetimeYears: '4',
        carbonPricePerTonneCo2e: '',
        currency: 'EUR',
        timeZone: 'UTC',
      }),
  },
  {
    key: `${D}/settings/organization/webhook-actions.ts#saveAlertWebhookAction`,
    access: 'manageOrganization',
    prepare: () =>
      form({ url: `https://hooks.example.test/${seq()}`, secret: 'a-secret-of-16-chars', enabled: 'on' }),
  },
  {
    key: `${D}/uploads/actions.ts#deleteUploadAction`,
    access: 'writeUsage',
    prepare: async ({ a }) => ({ args: [{ uploadId: await make.upload(a) }] }),
  },
  {
    key: `${D}/uploads/actions.ts#saveMappingPresetAction`,
    access: 'writeUsage',
    prepare: () => ({ args: [{ name: `preset-${seq()}`, mapping: { kwh: { field: 'energyKwh' } } }] }),
  },
  {
    key: `${D}/models/actions.ts#saveModelLineageAction`,
    access: 'writeUsage',
    prepare: () => form({ model: `m-${seq()}`, family: 'llm', baseModel: '' }),
  },
  {
    key: `${D}/reports/actions.ts#freezeReportAction`,
    access: 'prepareReports',
    prepare: () => form({ period: `${2000 + seq()}-Q3` }),
  },
  {
    key: `${D}/reports/actions.ts#reviewReportAction`,
    access: 'reviewReports',
    prepare: async ({ a, preparer }) => {
      const { period, version } = await make.frozenVersion(a, preparer.userId);
      return form({ period, version: String(version) });
    },
  },
  {
    key: `${D}/reports/actions.ts#approveReportAction`,
    access: 'approveReports',
    prepare: async ({ a, preparer, reviewer }) => {
      const { period, version } = await make.frozenVersion(a, preparer.userId);
      await reviewReportVersion(reviewer, period, version, new Date());
      return form({ period, version: String(version) });
    },
  },
  {
    key: `${D}/recommendations/actions.ts#planRecommendationAction`,
    access: 'planInsights',
    prepare: async ({ a }) =>
      form({
        recommendationKey: await make.recommendationPlan(a),
        ownerUserId: '',
        status: 'planned',
        dueDate: '',
        completedOn: '',
      }),
  },
];
