import { z } from 'zod';
import { FILTER_DIMENSIONS } from '@/lib/schemas/dashboard-filters';
import type { TApiParameter } from '../openapi/openapi-endpoint-types';

/** Path and query pieces shared by the route contracts (lib/server/http/routes/*-routes.ts). */

/** `{id}` of a database row: a UUID; anything else names nothing (404 through `invalidParams`). */
export const ZIdParams = z.object({ id: z.uuid() });

/** The dashboard filters (repeat a key or comma-separate for several values; team/project are slugs). */
export const FILTER_PARAMS: TApiParameter[] = FILTER_DIMENSIONS.map((name) => ({
  name,
  in: 'query',
  required: false,
  description:
    name === 'aiService'
      ? 'Only AI-usage records of this service (openai, anthropic, aws-bedrock, azure-openai, google-vertex, mistral …); repeat or comma-separate for several.'
      : `Only records with this ${name}${name === 'team' || name === 'project' ? ' (slug)' : ''}; repeat or comma-separate for several.`,
  schema: z.array(z.string()),
}));

export const DAY_PARAMS: TApiParameter[] = ['from', 'to'].map((name) => ({
  name,
  in: 'query',
  required: false,
  description: `${name === 'from' ? 'First' : 'Last'} day, inclusive (UTC), YYYY-MM-DD; records overlapping the range.`,
  schema: z.string(),
}));
