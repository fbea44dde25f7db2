import 'server-only';
import { assertPermission } from '@/lib/auth/roles';
import { getPrisma } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Role } from '@/lib/generated/prisma/enums';
import type { TAlertWebhookInput } from '@/lib/schemas/targets';
import { signWebhookPayload, WEBHOOK_HEADERS } from '@/lib/targets/webhook-signature';
import { recordAuditEvent } from './audit-events';

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

export async function getAlertWebhook(ctx: { orgId: string; role: Role }): Promise<TAlertWebhookDto | null> {
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

/** Saves the webhook (owners, admins). The first save needs a secret; an empty one later keeps the stored one. */
export async function saveAlertWebhook(
  ctx: { orgId: string; userId: string; role: Role },
  input: TAlertWebhookInput,
): Promise<void> {
  assertPermission(ctx.role, 'manageOrganization');
  const prisma = getPrisma();
  const existing = await prisma.alertWebhook.findUnique({ where: { orgId: ctx.orgId } });
  const secret = input.secret ?? existing?.secret;
  if (!secret) {
    throw new AppError('INVALID_INPUT', 'Set a signing secret (at least 16 characters).');
  }
  const data = { url: input.url, secret, enabled: input.enabled, updatedById: ctx.userId };
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
 * (docs/TARGETS.md), and records the attempt. Never throws: a failing receiver must not break the write that
 * triggered the alert.
 */
export async function deliverAlertWebhook(
  ctx: { orgId: string },
  alertId: string,
  payload: Record<string, unknown>,
  now: Date,
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
    const response = await fetch(hook.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'AI-Footprint-Webhook/1',
        [WEBHOOK_HEADERS.event]: String(payload.event),
        [WEBHOOK_HEADERS.timestamp]: String(timestamp),
        [WEBHOOK_HEADERS.signature]: signWebhookPayload(hook.secret, timestamp, body),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    httpStatus = response.status;
    await response.body?.cancel();
    if (!response.ok) {
      error = `HTTP ${response.status}`;
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
