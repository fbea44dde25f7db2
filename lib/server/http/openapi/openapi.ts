import { z } from 'zod';
import { REQUEST_SCHEMAS, RESPONSE_SCHEMAS } from './openapi-components';
import {
  API_ENDPOINTS,
  type TApiEndpoint,
  type TApiResponse,
  type TComponentName,
} from './openapi-endpoints';

export { RESPONSE_SCHEMAS } from './openapi-components';

/**
 * The OpenAPI 3.1 document of /api/v1 and /api/codecarbon, GENERATED from the route definitions every handler runs
 * through (`defineRoute`, lib/server/http/routes): the Zod schemas the wrapper parses requests with, and the
 * response schemas the contract tests validate real answers with, so the document cannot drift from the code.
 * Pure: no I/O. JSON Schema dialect 2020-12 (OpenAPI 3.1's own).
 */

type TJsonSchema = Record<string, unknown>;

const ref = (name: TComponentName) => ({ $ref: `#/components/schemas/${name}` });

const DATE_TIME = { type: 'string', format: 'date-time' } as const;

/**
 * JSON has no date type: a Date travels as its ISO 8601 text. So `z.date()` is a date-time string, and a field
 * that takes either a Date or ISO text (lib/schemas/usage-record.ts ZInstant: callers in the app pass Dates,
 * clients send text) is one date-time string keeping the text's description, instead of Zod's
 * `anyOf [string, {}]` (a Date is unrepresentable in JSON Schema).
 */
function jsonDates({ zodSchema, jsonSchema }: { zodSchema: z.core.$ZodTypes; jsonSchema: TJsonSchema }) {
  const def = zodSchema._zod.def;
  if (def.type === 'date') {
    Object.assign(jsonSchema, DATE_TIME);
    return;
  }
  if (def.type !== 'union') {
    return;
  }
  const kinds = def.options.map((option) => option._zod.def.type);
  if (!kinds.includes('date') || !kinds.every((kind) => kind === 'date' || kind === 'string')) {
    return;
  }
  const members = (jsonSchema.anyOf ?? []) as TJsonSchema[];
  const description = members.map((m) => m.description).find((d) => typeof d === 'string');
  delete jsonSchema.anyOf;
  Object.assign(jsonSchema, DATE_TIME, description ? { description } : {});
}

const CONVERSION = { unrepresentable: 'any', override: jsonDates } as const;

function componentSchemas(): Record<string, TJsonSchema> {
  const uri = (id: string) => `#/components/schemas/${id}`;
  const responses = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(RESPONSE_SCHEMAS)) {
    responses.add(schema, { id });
  }
  const out = z.toJSONSchema(responses, { target: 'draft-2020-12', io: 'output', ...CONVERSION, uri });
  // Request bodies describe what clients SEND (dates as ISO strings), so they use the schema's input side.
  const inputs = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(REQUEST_SCHEMAS)) {
    inputs.add(schema, { id });
  }
  const inp = z.toJSONSchema(inputs, { target: 'draft-2020-12', io: 'input', ...CONVERSION, uri });
  const all = { ...out.schemas, ...inp.schemas } as Record<string, TJsonSchema>;
  // Each entry is embedded in the document: drop per-schema $schema/$id (the document sets the dialect).
  return Object.fromEntries(
    Object.entries(all).map(([id, s]) => {
      const { $schema: _s, $id: _i, ...rest } = s;
      return [id, rest];
    }),
  );
}

function paramSchema(schema: z.ZodType): TJsonSchema {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io: 'input', ...CONVERSION }) as TJsonSchema;
  return rest;
}

/** RateLimit-* on every answer counted against a limit; Retry-After on 429 (lib/server/http/rate-limit-policy.ts). */
function rateLimitHeaderDocs(status: string) {
  const integer = (description: string) => ({ description, schema: { type: 'integer' } });
  return {
    'RateLimit-Limit': integer('Requests allowed in the window (the most constraining limit)'),
    'RateLimit-Remaining': integer('Requests left in the window'),
    'RateLimit-Reset': integer('Seconds until the window resets'),
    ...(status === '429' ? { 'Retry-After': integer('Seconds to wait before retrying') } : {}),
  };
}

/** A file body by media type: multipart carries it as the part `file`, text/* is text, the rest bytes. */
function fileSchema(mediaType: string): TJsonSchema {
  if (mediaType === 'multipart/form-data') {
    return {
      type: 'object',
      properties: { file: { type: 'string', format: 'binary', description: 'The file' } },
      required: ['file'],
    };
  }
  return mediaType.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' };
}

/** The body of one response: its JSON schema, or per download media type (JSON ones carry the schema). */
function responseContent(status: string, r: TApiResponse) {
  if (r.contentTypes) {
    return Object.fromEntries(
      r.contentTypes.map((t) => [
        t,
        { schema: t === 'application/json' && r.schema ? ref(r.schema) : fileSchema(t) },
      ]),
    );
  }
  return r.schema
    ? { [status === '429' ? 'application/problem+json' : 'application/json']: { schema: ref(r.schema) } }
    : undefined;
}

function operation(endpoint: TApiEndpoint) {
  const requestBody = endpoint.requestBody && {
    required: true,
    description: endpoint.requestBody.description,
    content: Object.fromEntries(
      Object.entries(endpoint.requestBody.contentTypes).map(([type, body]) => [
        type,
        {
          schema:
            body === 'binary'
              ? fileSchema(type)
              : body === 'recordArray'
                ? { type: 'array', maxItems: 10_000, items: ref('UsageRecordInput') }
                : ref(body),
        },
      ]),
    ),
  };
  const responses = Object.fromEntries(
    Object.entries(endpoint.responses).map(([status, r]) => {
      const content = responseContent(status, r);
      return [
        status,
        {
          description: r.description,
          ...(status === '429' || status.startsWith('2') ? { headers: rateLimitHeaderDocs(status) } : {}),
          ...(status === '503' && r.schema === 'ErrorEnvelope'
            ? {
                headers: {
                  'Retry-After': {
                    description: 'Seconds to wait before retrying',
                    schema: { type: 'integer' },
                  },
                },
              }
            : {}),
          ...(content ? { content } : {}),
        },
      ];
    }),
  );
  return {
    operationId: `${endpoint.method}${endpoint.path.replace(/[^a-zA-Z]+(\w)?/g, (_, c: string = '') => c.toUpperCase())}`,
    summary: endpoint.summary,
    description:
      endpoint.auth.kind === 'public'
        ? `${endpoint.description}\n\nNo authentication.`
        : `${endpoint.description}\n\nPermission: \`${endpoint.auth.permission}\`.`,
    ...(endpoint.tags ? { tags: endpoint.tags } : {}),
    parameters: endpoint.parameters.map((p) => ({
      name: p.name,
      in: p.in,
      required: p.required,
      description: p.description,
      schema: paramSchema(p.schema),
      ...(p.schema instanceof z.ZodArray ? { style: 'form', explode: true } : {}),
    })),
    ...(requestBody ? { requestBody } : {}),
    responses,
  };
}

/** The whole document. `serverUrl` is where the API is served (from the request in the route). */
export function buildOpenApiDocument(serverUrl = '/') {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const endpoint of API_ENDPOINTS) {
    paths[endpoint.path] ??= {};
    (paths[endpoint.path] as Record<string, unknown>)[endpoint.method] = {
      ...operation(endpoint),
      ...(endpoint.auth.kind === 'public' ? { security: [] } : {}),
      ...(endpoint.auth.kind === 'codecarbon'
        ? { security: [{ codecarbonApiToken: [] }, { bearerAuth: [] }] }
        : {}),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'AI Footprint API',
      version: '1.0.0',
      // The repository has no licence file and package.json is private: no licence is granted. LicenseRef- is
      // SPDX's form for a licence outside its list (Redocly's info-license-strict asks for an identifier or url).
      license: { name: 'Proprietary, all rights reserved', identifier: 'LicenseRef-Proprietary' },
      description:
        'Energy (kWh), CO2e (kg, location- and market-based), embodied CO2e and water (L) of AI workloads. Authenticate with `Authorization: Bearer aif_…` (create a token under Settings → API tokens or with `npm run footprint -- token create`). Errors share one envelope: `{ "error": { "message", "code", "status" } }`.',
    },
    servers: [{ url: serverUrl }],
    security: [{ bearerAuth: [] }, { sessionCookie: [] }],
    paths,
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'aif_…' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: 'better-auth.session_token' },
        codecarbonApiToken: {
          type: 'apiKey',
          in: 'header',
          name: 'x-api-token',
          description: 'An aif_… token',
        },
      },
      schemas: componentSchemas(),
    },
  };
}

export type TOpenApiDocument = ReturnType<typeof buildOpenApiDocument>;
