// Turns Prisma's DMMF (from @prisma/prisma-schema-wasm) into the same normalised strings that
// schema-drift.test.ts reads from the Postgres catalog, using Prisma's default PostgreSQL type mapping.

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object';
  isList: boolean;
  isRequired: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
export interface DmmfDocument {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName?: string | null; values: { name: string; dbName?: string | null }[] }[];
    indexes: { model: string; type: 'id' | 'unique' | 'normal' | 'fulltext'; fields: { name: string }[] }[];
  };
}
export interface SchemaShape {
  columns: string[];
  indexes: string[];
  enums: string[];
  foreignKeys: string[];
}

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Decimal: 'numeric',
  Boolean: 'boolean',
  Json: 'jsonb',
  Bytes: 'bytea',
  DateTime: 'timestamp without time zone(3)',
};
const NATIVE_TYPES: Record<string, string> = {
  Uuid: 'uuid',
  Timestamptz: 'timestamp with time zone',
  Text: 'text',
};
// pg_constraint.confdeltype codes.
const ON_DELETE: Record<string, string> = {
  Cascade: 'c',
  SetNull: 'n',
  Restrict: 'r',
  NoAction: 'a',
  SetDefault: 'd',
};

function columnType(field: DmmfField): string {
  if (field.kind === 'enum') {
    return field.isList ? `${field.type}[]` : field.type;
  }
  let type = SCALAR_TYPES[field.type] ?? `unknown:${field.type}`;
  if (field.nativeType) {
    const [native, args] = field.nativeType;
    const base = NATIVE_TYPES[native] ?? native.toLowerCase();
    type = base.startsWith('timestamp') ? `${base}(${args[0] ?? 3})` : base;
  }
  if (field.isList) {
    return `${type === 'text' ? 'text' : type}[]`;
  }
  return type;
}

/** The schema that schema.prisma declares, in catalog form. */
export function expectedSchema(dmmf: DmmfDocument): SchemaShape {
  const shape: SchemaShape = { columns: [], indexes: [], enums: [], foreignKeys: [] };
  const tableOf = new Map(dmmf.datamodel.models.map((m) => [m.name, m.dbName ?? m.name]));
  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    const columnOf = new Map(model.fields.map((f) => [f.name, f.dbName ?? f.name]));
    for (const field of model.fields) {
      if (field.kind === 'object') {
        if (field.relationFromFields?.length) {
          const cols = field.relationFromFields.map((f) => columnOf.get(f)).join(', ');
          const onDelete = ON_DELETE[field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull')];
          shape.foreignKeys.push(`${table} (${cols}) -> ${tableOf.get(field.type)} ON DELETE ${onDelete}`);
        }
        continue;
      }
      // Prisma creates scalar lists as nullable arrays.
      const nullable = field.isRequired && !field.isList ? 'NOT NULL' : 'NULL';
      shape.columns.push(`${table}.${field.dbName ?? field.name} ${columnType(field)} ${nullable}`);
    }
  }
  for (const index of dmmf.datamodel.indexes) {
    const model = dmmf.datamodel.models.find((m) => m.name === index.model);
    if (!model) {
      continue;
    }
    const columnOf = new Map(model.fields.map((f) => [f.name, f.dbName ?? f.name]));
    const kind = index.type === 'id' ? 'PRIMARY' : index.type === 'unique' ? 'UNIQUE' : 'INDEX';
    const cols = index.fields.map((f) => columnOf.get(f.name)).join(', ');
    shape.indexes.push(`${model.dbName ?? model.name} ${kind} (${cols})`);
  }
  for (const e of dmmf.datamodel.enums) {
    shape.enums.push(`${e.dbName ?? e.name}: ${e.values.map((v) => v.dbName ?? v.name).join(', ')}`);
  }
  for (const list of Object.values(shape)) {
    list.sort();
  }
  return shape;
}
