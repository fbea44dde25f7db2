import type { TUserActor } from '@/lib/auth/actor';
import { createApiToken } from '@/lib/server/access/api-tokens';
import { replaceBundledFactorLibrary } from '@/lib/server/factors/factor-library-load';
import { loadBundledFactorLibrary } from '@/lib/server/factors/load-bundled-factor-library';
import { createTestDatabase } from './test-database';
import { createOrgWithEditor } from './upload-fixtures';

/**
 * What a CodeCarbon 3.x tracker posts to the live API (codecarbon/core/api_client.py): a run on a 2 × H100 machine
 * in Hesse with CodeCarbon's shared default experiment, and one 120 s emission delta of `energy` kWh.
 */
export const CODECARBON_RUN = {
  timestamp: '2026-08-08T11:35:50.123456+02:00',
  experiment_id: '5b0fa12a-3dd7-45bb-9766-cc326314d9f1',
  os: 'Linux-6.8',
  python_version: '3.12.3',
  codecarbon_version: '3.0.4',
  cpu_count: 32,
  cpu_model: 'AMD EPYC 7R13',
  gpu_count: 2,
  gpu_model: '2 x NVIDIA H100 80GB HBM3',
  longitude: 8.7,
  latitude: 50.1,
  region: 'hesse',
  provider: null,
  ram_total_size: 251.5,
  tracking_mode: 'machine',
};

export const codecarbonEmission = (runId: string, i: number, energy: number) => ({
  timestamp: `2026-08-08T11:${String(37 + 2 * i).padStart(2, '0')}:52.418903+02:00`,
  run_id: runId,
  duration: 120,
  emissions_sum: energy * 0.4,
  emissions_rate: (energy * 0.4) / 120,
  cpu_power: 42.5,
  gpu_power: 612,
  ram_power: 20,
  cpu_energy: energy * 0.1,
  gpu_energy: energy * 0.85,
  ram_energy: energy * 0.05,
  energy_consumed: energy,
  gpu_utilization_percent: 88.5,
  wue: 0,
});

/** A fresh test database with the bundled factors, an organisation with an editor, and its tracker API key. */
export async function createTrackerOrg(
  name: string,
): Promise<{ editor: { orgId: string; userId: string; actor: TUserActor }; apiKey: string }> {
  process.env.DATABASE_URL = await createTestDatabase();
  await replaceBundledFactorLibrary(loadBundledFactorLibrary(), process.env.DATABASE_URL);
  const editor = await createOrgWithEditor(name);
  return { editor, apiKey: (await createApiToken(editor, 'codecarbon')).token };
}

/** The tracker's own calls (codecarbon/core/api_client.py): JSON bodies, api_key in `x-api-token`. */
export const trackerCall = (path: string, body: unknown, key: string) =>
  new Request(`http://localhost/api/codecarbon${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-api-token': key },
    body: JSON.stringify(body),
  });
