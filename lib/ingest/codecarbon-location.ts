import { PROVIDERS, type TProvider, type TUsageRecordInput } from '@/lib/schemas/usage-record';
import type { CodecarbonRow } from './codecarbon-rows';

/**
 * CodeCarbon's geolocation-failure fallback (codecarbon/external/geography.py): CAN / Quebec at
 * lat 46.8, lon -71.2. A Quebec row with other coordinates came from real geolocation, so is not flagged;
 * a Quebec row without coordinates (offline mode) cannot be told apart and is flagged.
 */
export function isQuebecFallback(row: CodecarbonRow): boolean {
  const region = (row.region ?? '')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();
  if (row.countryIso?.toUpperCase() !== 'CAN' || region !== 'quebec') {
    return false;
  }
  if (row.latitude === undefined || row.longitude === undefined) {
    return true;
  }
  return Math.abs(row.latitude - 46.8) < 0.05 && Math.abs(row.longitude + 71.2) < 0.05;
}

/** Apple silicon: CodeCarbon reports its integrated GPU (powermetrics) as `gpu_model` "Apple M1" etc. */
const INTEGRATED_GPU = /^apple\b/i;

/**
 * A CodeCarbon run on a laptop or desktop (docs/METHODOLOGY.md, "Context-aware defaults"): no cloud provider in
 * the row or the upload form, `on_cloud` not `Y`, and no discrete GPU drawing energy (no `gpu_model`, a
 * `gpu_energy` of exactly 0, or an integrated Apple silicon GPU). An NVIDIA card drawing energy off cloud, or whose
 * energy is unknown, may be an on-premise server, so it keeps the data-centre defaults.
 */
export function isPersonalDevice(
  row: Pick<CodecarbonRow, 'cloudProvider' | 'onCloud' | 'gpuModel' | 'gpuEnergyKwh'>,
  defaults: Partial<TUsageRecordInput>,
): boolean {
  if (row.cloudProvider || row.onCloud === 'Y' || defaults.provider) {
    return false;
  }
  const model = row.gpuModel?.replace(/^\d+\s*x\s*/i, '').trim();
  return !model || INTEGRATED_GPU.test(model) || row.gpuEnergyKwh === 0;
}

/**
 * Provider and region for a CodeCarbon row. On cloud (cloud_provider set; CodeCarbon only keeps `gcp`, it
 * resets detected AWS/Azure to empty) → the provider and its cloud region code (e.g. europe-west1).
 * Otherwise the upload form's provider/region win (the user knows the site; CodeCarbon may have lost the
 * cloud provider or fallen back to Quebec), else on_prem in the ISO 3166-1 alpha-3 country (e.g. FRA),
 * else CodeCarbon's `region` text. A laptop/desktop run (`isPersonalDevice`) is provider `edge`: not a data
 * centre, so PUE 1.0 and no data-centre accelerator embodied share.
 */
export function codecarbonLocation(
  row: Pick<CodecarbonRow, 'cloudProvider' | 'cloudRegion' | 'countryIso' | 'region'> &
    Partial<Pick<CodecarbonRow, 'onCloud' | 'gpuModel' | 'gpuEnergyKwh'>>,
  defaults: Partial<TUsageRecordInput>,
): { provider: TProvider; region: string | undefined } {
  const cloud = row.cloudProvider;
  if (cloud && (PROVIDERS as readonly string[]).includes(cloud)) {
    return { provider: cloud as TProvider, region: row.cloudRegion ?? defaults.region ?? row.countryIso };
  }
  const personal = row.onCloud !== undefined && isPersonalDevice(row, defaults);
  return {
    provider: defaults.provider ?? (personal ? 'edge' : 'on_prem'),
    region: defaults.region ?? row.countryIso?.toUpperCase() ?? row.region,
  };
}
