import 'server-only';
import type { TOrgContext, TUserContext } from '@/lib/auth/actor';
import { assertPermission } from '@/lib/auth/roles';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';
import type { TAlertWebhookInput } from '@/lib/schemas/targets';
import { getPrisma } from '@/lib/server/db/prisma';
import { signWebhookPayload, WEBHOOK_HEADERS } from '@/lib/targets/webhook-signature';
import { recordAuditEvent } from '../audit/audit-events';
import { checkWebhookTarget, postToAddress, systemLookup, type TWebhookLookup } from './webhook-transport';

/** What owners and admins see of the webhook: never the secret, only its last four characters. */
export interface TAlertWebhookDto {
  url: string;
  enabled: boolean;
  secretHint: string;
  updatedAt: Date;
}

export interface TWebhookDeliveryDto {
  id: string;
  alertId: string;
  url: string;
  status: 'delivered' | 'failed';
  httpStatus: number | null;
  error: string | null;
  durationMs: number;
  createdAt: Date;
}

const DELIVERY_TIMEOUT_MS = 5000;

export async function getAlertWebhook(
  ctx: Pick<TOrgContext, 'orgId' | 'role'>,
): Promise<TAlertWebhookDto | null> {
  assertPermission(ctx.role, 'manageOrganization');
  const hook = await getPrisma().alertWebhook.findUnique({ where: { orgId: ctx.orgId } });
  return hook
    ? {
        url: hook.url,
        enabled: hook.enabled,
        secretHint: `…${hook.secret.slice(-4)}`,
        updatedAt: hook.updatedAt,
      }
    : null;
}

/**
 * Saves the webhook (owners, admins). The first save needs a secret; an empty one later keeps the stored one.
 * A URL whose host resolves to an internal address is refused (INVALID_INPUT, nothing stored); a name that does not
 * resolve yet is accepted, since delivery checks again (lib/server/targets/webhook-transport.ts).
 */
export async function saveAlertWebhook(
  ctx: TUserContext,
  input: TAlertWebhookInput,
  lookup: TWebhookLookup = systemLookup,
): Promise<void> {
  assertPermission(ctx.role, 'manageOrganization');
  const target = await checkWebhookTarget(new URL(input.url), lookup);
  if (!target.ok && !target.unresolved) {
    throw new AppError('INVALID_INPUT', target.reason);
  }
  const prisma = getPrisma();
  const existing = await prisma.alertWebhook.findUnique({ where: { orgId: ctx.orgId } });
  const secret = input.secret ?? existing?.secret;
  if (!secret) {
    throw new AppError('INVALID_INPUT', 'Set a signing secret (at least 16 characters).');
  }
  const data = { url: input.url, secret, enabled: input.enabled, updatedById: ctx.actor.userId };
  await prisma.$transaction(async (tx) => {
    await tx.alertWebhook.upsert({
      where: { orgId: ctx.orgId },
      create: { orgId: ctx.orgId, ...data },
      update: data,
    });
    await recordAuditEvent(tx, ctx, {
      action: 'alert_webhook.updated',
      targetType: 'alert_webhook',
      targetId: ctx.orgId,
      metadata: { url: input.url, enabled: input.enabled, secretChanged: input.secret !== null },
    });
  });
}

export async function findWebhookDeliveries(
  ctx: { orgId: string; role: Role },
  take = 10,
): Promise<TWebhookDeliveryDto[]> {
  assertPermission(ctx.role, 'manageOrganization');
  const rows = await getPrisma().webhookDelivery.findMany({
    where: { orgId: ctx.orgId },
    orderBy: { createdAt: 'desc' },
    take,
  });
  return rows.map((r) => ({ ...r, status: r.status as 'delivered' | 'failed' }));
}

/**
 * POSTs one alert payload to the organisation's webhook when it is enabled, signed with HMAC-SHA256
 * (docs/TARGETS.md), and records the attempt. The target is checked again and the connection goes to the checked
 * address; redirects are not followed (issue #17). Never throws: a failing receiver must not break the write that
 * triggered the alert.
 */
export async function deliverAlertWebhook(
  ctx: { orgId: string },
  alertId: string,
  payload: Record<string, unknown>,
  now: Date,
  lookup: TWebhookLookup = systemLookup,
): Promise<TWebhookDeliveryDto['status'] | null> {
  const prisma = getPrisma();
  const hook = await prisma.alertWebhook.findUnique({ where: { orgId: ctx.orgId } });
  if (!hook?.enabled) {
    return null;
  }
  const body = JSON.stringify(payload);
  const timestamp = Math.floor(now.getTime() / 1000);
  const started = performance.now();
  let httpStatus: number | null = null;
  let error: string | null = null;
  try {
    const url = new URL(hook.url);
    const target = await checkWebhookTarget(url, lookup);
    if (!target.ok) {
      error = target.reason;
    } else {
      const headers = {
        'content-type': 'application/json',
        'user-agent': 'AI-Footprint-Webhook/1',
        [WEBHOOK_HEADERS.event]: String(payload.event),
        [WEBHOOK_HEADERS.timestamp]: String(timestamp),
        [WEBHOOK_HEADERS.signature]: signWebhookPayload(hook.secret, timestamp, body),
      };
      httpStatus = await postToAddress(url, target.address, headers, body, DELIVERY_TIMEOUT_MS);
      if (httpStatus >= 300 && httpStatus < 400) {
        error = `HTTP ${httpStatus} (redirects are not followed)`;
      } else if (httpStatus < 200 || httpStatus >= 300) {
        error = `HTTP ${httpStatus}`;
      }
    }
  } catch (cause) {
    error = cause instanceof Error ? `${cause.name}: ${cause.message}`.slice(0, 500) : 'Delivery failed';
  }
  const status = error === null ? 'delivered' : 'failed';
  await prisma.webhookDelivery.create({
    data: {
      orgId: ctx.orgId,
      alertId,
      url: hook.url,
      status,
      httpStatus,
      error,
      durationMs: Math.round(performance.now() - started),
    },
  });
  return status;
}
