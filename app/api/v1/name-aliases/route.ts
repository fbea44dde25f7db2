import { findNameAliases, saveNameAlias } from '@/lib/server/factors/name-aliases';
import { defineRoute } from '@/lib/server/http/define-route';
import { NAME_ALIAS_CREATE_ROUTE, NAME_ALIAS_LIST_ROUTE } from '@/lib/server/http/routes/factor-routes';

// The organisation's name mappings (factor decision F9).
export const GET = defineRoute(NAME_ALIAS_LIST_ROUTE, async ({ ctx }) =>
  Response.json({ aliases: await findNameAliases(ctx) }),
);

// Maps a name the catalog does not know; audited, applies to later uploads and records.
export const POST = defineRoute(NAME_ALIAS_CREATE_ROUTE, async ({ ctx, body }) =>
  Response.json(await saveNameAlias(ctx, body), { status: 201 }),
);

export const dynamic = 'force-dynamic';
