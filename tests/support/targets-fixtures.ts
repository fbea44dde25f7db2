import { POST as postUpload } from '@/app/api/v1/uploads/route';
import { periodContaining } from '@/lib/emissions/calendar-periods';
import { USAGE_RECORD_CSV_COLUMNS } from '@/lib/schemas/usage-record';
import { getPrisma } from '@/lib/server/db/prisma';

const HEADER = Object.keys(USAGE_RECORD_CSV_COLUMNS);

/** A one-record CSV for team Research: metered on-prem energy with its own intensity (500 g/kWh, PUE 1). */
export function csvRecord(id: string, startedAt: Date, energyKwh: number): string {
  const values: Record<string, string> = {
    record_id: id,
    phase: 'training',
    started_at: startedAt.toISOString(),
    ended_at: new Date(startedAt.getTime() + 60_000).toISOString(),
    team: 'Research',
    provider: 'on_prem',
    region: 'FR',
    energy_kwh: String(energyKwh),
    pue: '1',
    carbon_intensity_g_per_kwh: '500',
  };
  return `${HEADER.join(',')}\n${HEADER.map((h) => values[h] ?? '').join(',')}\n`;
}

/** POST /api/v1/uploads with a bearer token, as a machine would. */
export async function uploadCsv(token: string, csv: string, fileName: string): Promise<Response> {
  return postUpload(
    new Request(`http://localhost/api/v1/uploads?fileName=${fileName}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: csv,
    }),
  );
}

/** Two hours ago, but never before the current quarter (UTC), so every record lands in it. */
export function recentStart(): Date {
  return new Date(
    Math.max(Date.now() - 2 * 3600_000, periodContaining(new Date(), 'quarter', 'UTC').start.getTime()),
  );
}

/** The team Research of an organisation (the CSV records above attach to it by slug). */
export async function createResearchTeam(orgId: string): Promise<string> {
  return (await getPrisma().team.create({ data: { orgId, slug: 'research', name: 'Research' } })).id;
}
