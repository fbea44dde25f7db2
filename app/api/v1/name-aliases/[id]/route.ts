import { deleteNameAlias } from '@/lib/server/factors/name-aliases';
import { defineRoute } from '@/lib/server/http/define-route';
import { NAME_ALIAS_DELETE_ROUTE } from '@/lib/server/http/routes/factor-routes';

// Removes one name mapping (audited); stored records are not recomputed by it.
export const DELETE = defineRoute(NAME_ALIAS_DELETE_ROUTE, async ({ ctx, params }) =>
  Response.json(await deleteNameAlias(ctx, params.id)),
);

export const dynamic = 'force-dynamic';
