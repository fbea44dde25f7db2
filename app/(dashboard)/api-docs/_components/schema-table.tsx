import { ScrollRegion } from '@/components/ui/scroll-region';

/** A JSON Schema object (from the generated OpenAPI document) as a property table; nested objects indent. */

type TSchema = {
  type?: string | string[];
  format?: string;
  $ref?: string;
  enum?: unknown[];
  items?: TSchema;
  anyOf?: TSchema[];
  properties?: Record<string, TSchema>;
  required?: string[];
  description?: string;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
};

/** Short human type: `string`, `integer ≥ 0`, `array of RecordError`, `"a" | "b"`. */
export function describeType(schema: TSchema | undefined): string {
  if (!schema) {
    return 'any';
  }
  if (schema.$ref) {
    return schema.$ref.split('/').pop() ?? 'object';
  }
  if (schema.enum) {
    return schema.enum.map((v) => JSON.stringify(v)).join(' | ');
  }
  if (schema.anyOf) {
    return schema.anyOf.map(describeType).join(' or ');
  }
  if (schema.type === 'array') {
    return `array of ${describeType(schema.items)}`;
  }
  const base = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
  const type = schema.format ? `${base} (${schema.format})` : base;
  const bounds = [
    schema.minimum !== undefined && schema.minimum > -1e15 ? `≥ ${schema.minimum}` : null,
    schema.maximum !== undefined && schema.maximum < 1e15 ? `≤ ${schema.maximum}` : null,
  ].filter(Boolean);
  return [type, ...bounds].join(' ');
}

function rows(
  schema: TSchema,
  depth: number,
  prefix = '',
): { key: string; name: string; depth: number; type: string; required: boolean; note: string }[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, child]) => {
    const nested = child.type === 'array' ? child.items : child;
    const own = {
      key: `${prefix}${name}`,
      name,
      depth,
      type: describeType(child),
      required: required.has(name),
      note: child.description ?? '',
    };
    return nested?.properties && depth < 2 ? [own, ...rows(nested, depth + 1, `${prefix}${name}.`)] : [own];
  });
}

export function SchemaTable({ name, schema }: { name: string; schema: TSchema }) {
  const list = rows(schema, 0);
  return (
    <section aria-labelledby={`schema-${name}`} className="space-y-2">
      <h3 id={`schema-${name}`} className="font-mono text-sm font-semibold">
        {name}
      </h3>
      <ScrollRegion label={`Schema ${name}`}>
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-slate-500">
            <tr>
              <th scope="col" className="py-1 pr-4">
                Field
              </th>
              <th scope="col" className="py-1 pr-4">
                Type
              </th>
              <th scope="col" className="py-1">
                Required
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => (
              <tr key={r.key} className="border-t border-slate-100 align-top">
                <td className="py-1 pr-4 font-mono" style={{ paddingLeft: `${r.depth * 1.25}rem` }}>
                  {r.name}
                  {r.note ? <span className="block font-sans text-xs text-slate-500">{r.note}</span> : null}
                </td>
                <td className="py-1 pr-4 font-mono text-xs">{r.type}</td>
                <td className="py-1">{r.required ? 'yes' : 'no'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
