import { expect } from 'vitest';
import { RESPONSE_SCHEMAS } from '@/lib/server/http/openapi/openapi';
import { API_ENDPOINTS } from '@/lib/server/http/openapi/openapi-endpoints';

/**
 * Asserts a real response matches the OpenAPI document: the status is documented for the operation, and the
 * JSON body validates against the Zod schema the document's component was generated from, with no field the
 * schema does not know (parse strips unknown keys, so `parsed` must equal the body).
 */
export async function expectContract(method: string, path: string, response: Response): Promise<unknown> {
  const endpoint = API_ENDPOINTS.find((e) => e.method === method.toLowerCase() && e.path === path);
  expect(endpoint, `${method} ${path} is documented`).toBeDefined();
  const documented = endpoint?.responses[String(response.status)];
  expect(documented, `${method} ${path} documents status ${response.status}`).toBeDefined();
  const body: unknown = await response.json();
  const name = documented?.schema;
  expect(name, `${method} ${path} ${response.status} has a JSON schema`).toBeDefined();
  const schema = RESPONSE_SCHEMAS[name as keyof typeof RESPONSE_SCHEMAS];
  const parsed = schema.safeParse(body);
  expect(parsed.error?.issues ?? [], `${method} ${path} ${response.status} body matches ${name}`).toEqual([]);
  expect(parsed.data).toEqual(body);
  return body;
}
