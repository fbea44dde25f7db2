import type { FactorBasis, FactorGranularity, GridFactor } from './factor-library-types';

/** What factors share: zone, basis, granularity, source, licence and dataset version (a few hundred combinations). */
interface TFactorMeta {
  zone: string;
  granularity: FactorGranularity;
  basis: FactorBasis;
  source: string;
  licence: string;
  datasetVersion: string;
}

/**
 * Column storage for a large set of grid factors (the bundled library holds ~105k): ids, period bounds (ms) and
 * values in arrays, the shared texts once per distinct combination. Each factor is a small view object
 * (`GridFactor` through getters), ~40 B instead of ~430 B for a plain object with two Dates and its own copies
 * of the texts (docs/decisions/ingest-perf.md). Views are read-only; `plainGridFactor` copies one.
 */
export class GridFactorColumns {
  readonly ids: string[] = [];
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  readonly values: number[] = [];
  readonly metaIndex: number[] = [];
  readonly metas: TFactorMeta[] = [];
  private readonly metaByKey = new Map<string, number>();

  /** Appends a factor and returns its view. Period bounds in ms since the epoch. */
  add(id: string, startMs: number, endMs: number, gCo2ePerKwh: number, meta: TFactorMeta): GridFactor {
    const key = `${meta.zone}\u0000${meta.granularity}\u0000${meta.basis}\u0000${meta.source}\u0000${meta.licence}\u0000${meta.datasetVersion}`;
    let m = this.metaByKey.get(key);
    if (m === undefined) {
      m = this.metas.length;
      this.metas.push({ ...meta });
      this.metaByKey.set(key, m);
    }
    const index = this.ids.length;
    this.ids.push(id);
    this.starts.push(startMs);
    this.ends.push(endMs);
    this.values.push(gCo2ePerKwh);
    this.metaIndex.push(m);
    return new StoredGridFactor(this, index);
  }
}

class StoredGridFactor implements GridFactor {
  readonly #columns: GridFactorColumns;
  readonly #index: number;
  constructor(columns: GridFactorColumns, index: number) {
    this.#columns = columns;
    this.#index = index;
  }
  #meta(): TFactorMeta {
    return this.#columns.metas[this.#columns.metaIndex[this.#index] as number] as TFactorMeta;
  }
  get id(): string {
    return this.#columns.ids[this.#index] as string;
  }
  get zone(): string {
    return this.#meta().zone;
  }
  get granularity(): FactorGranularity {
    return this.#meta().granularity;
  }
  /** A new Date per read (callers never mutate factor dates). */
  get periodStart(): Date {
    return new Date(this.#columns.starts[this.#index] as number);
  }
  get periodEnd(): Date {
    return new Date(this.#columns.ends[this.#index] as number);
  }
  get gCo2ePerKwh(): number {
    return this.#columns.values[this.#index] as number;
  }
  get basis(): FactorBasis {
    return this.#meta().basis;
  }
  get source(): string {
    return this.#meta().source;
  }
  get licence(): string {
    return this.#meta().licence;
  }
  get datasetVersion(): string {
    return this.#meta().datasetVersion;
  }
  /** Serialises like a plain factor (getters are not own properties). */
  toJSON(): GridFactor {
    return plainGridFactor(this);
  }
}

/** A plain-object copy of a factor (views have no own properties, so `{ ...factor }` would be empty). */
export function plainGridFactor(f: GridFactor): GridFactor {
  return {
    id: f.id,
    zone: f.zone,
    granularity: f.granularity,
    periodStart: f.periodStart,
    periodEnd: f.periodEnd,
    gCo2ePerKwh: f.gCo2ePerKwh,
    basis: f.basis,
    source: f.source,
    licence: f.licence,
    datasetVersion: f.datasetVersion,
  };
}
