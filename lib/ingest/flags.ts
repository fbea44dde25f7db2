/** Flag codes attached to `ParsedRecord.flags`; the UI shows them next to a record. */
export const INGEST_FLAGS = {
  /** Phase not in the file; taken as 'training' because the upload form gave none. */
  PHASE_DEFAULTED: 'PHASE_DEFAULTED',
  /** CodeCarbon row without run_id (empty or "None"): imported as its own record. */
  RUN_ID_MISSING: 'RUN_ID_MISSING',
  /** CodeCarbon placed the run in Quebec, its geolocation-failure fallback: confirm the real location. */
  QUEBEC_FALLBACK: 'QUEBEC_FALLBACK',
  /** CodeCarbon energy_consumed was divided by a reported pue ≠ 1 to get IT energy. */
  PUE_REMOVED: 'PUE_REMOVED',
  /** Neither the file nor the upload form gave a region. */
  LOCATION_MISSING: 'LOCATION_MISSING',
  /** Energy measured by nvidia-smi: GPU board energy only (no host, network, cooling). */
  GPU_ONLY_BOUNDARY: 'GPU_ONLY_BOUNDARY',
} as const;

export type TIngestFlag = (typeof INGEST_FLAGS)[keyof typeof INGEST_FLAGS];
