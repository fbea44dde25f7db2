import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import type { z } from 'zod';
import type { TActionState } from '@/lib/action-state';
import type { TPermission } from '@/lib/auth/roles';
import { requireActionAuth, requireActionOrigin, type TAuthContext } from '@/lib/server/access/auth-context';
import { toActionState, toInvalidState } from './action-result';

/**
 * Who may call an action: a permission of lib/auth/roles.ts (a signed-in member whose role has it), or `public`
 * (anyone: sign-in, sign-out, invitation acceptance, where the form or link carries the credential).
 */
export type TActionAccess = TPermission | 'public';

export interface TActionDefinition<A extends TActionAccess, S extends z.ZodType> {
  permission: A;
  /** The input's one schema (lib/schemas); omitted when the action takes no input (sign-out). */
  input?: S;
  /** How a submitted form becomes the schema's input; default: one value per field (`Object.fromEntries`). */
  fromForm?: (formData: FormData) => unknown;
}

/** What the handler is given: the caller (null for public actions) and the parsed input. */
export interface TActionArgs<A extends TActionAccess, I> {
  ctx: A extends 'public' ? null : TAuthContext;
  input: I;
}

/** A handler's success: an optional message for the user and data for the page; failures are thrown. */
export interface TActionSuccess<T> {
  message?: string;
  data?: T;
}

/**
 * What a 'use server' module exports. The input is the last argument: a form's FormData (`<form action>` passes
 * it alone, useActionState after the previous state) or a plain value from a client call. One signature (not
 * overloads) so the same function fits useActionState, `<form action>` and direct calls.
 */
export type TServerAction<I, T> = (
  inputOrPrevious: I | FormData | TActionState<T>,
  formData?: FormData,
) => Promise<TActionState<T>>;

/** Marks functions made here, so a repository test can prove no exported action bypasses the wrapper. */
const SERVER_ACTION_BRAND = Symbol.for('ai-footprint.server-action');

/** True for a function produced by defineAction (tests/repo/server-actions-wrapped.test.ts). */
export function isDefinedAction(value: unknown): boolean {
  return typeof value === 'function' && SERVER_ACTION_BRAND in value;
}

async function authorize<A extends TActionAccess>(access: A): Promise<TActionArgs<A, unknown>['ctx']> {
  if (access === 'public') {
    await requireActionOrigin();
    return null as TActionArgs<A, unknown>['ctx'];
  }
  // Session, CSRF (Origin), role; schedules budget alerts after the response (actions are writes).
  return (await requireActionAuth(access)) as TActionArgs<A, unknown>['ctx'];
}

/**
 * The one way to write a server action, in one fixed order: authenticate, refuse cross-site calls and check the
 * role → parse the input with its Zod schema (failure: field errors) → run the handler → answer one result
 * contract (TActionState). AppErrors become their message; any other error is logged once with the request id
 * and answered generically. Next's control-flow errors (redirect(), notFound()) are rethrown, so handlers may
 * redirect after a success; revalidatePath works as in any action.
 */
export function defineAction<A extends TActionAccess, S extends z.ZodType = z.ZodUndefined, T = undefined>(
  definition: TActionDefinition<A, S>,
  // biome-ignore lint/suspicious/noConfusingVoidType: a handler that only writes (or redirects) has no return statement.
  handler: (args: TActionArgs<A, z.output<S>>) => Promise<TActionSuccess<T> | void>,
): TServerAction<z.input<S>, T> {
  const { permission, input: schema, fromForm = (formData) => Object.fromEntries(formData) } = definition;
  const action = async (...args: unknown[]): Promise<TActionState<T>> => {
    try {
      const ctx = await authorize(permission);
      const raw = args.at(-1);
      const parsed = schema?.safeParse(raw instanceof FormData ? fromForm(raw) : raw);
      if (parsed && !parsed.success) {
        return toInvalidState(parsed.error);
      }
      const result = await handler({ ctx, input: parsed?.data as z.output<S> });
      return { ok: true, ...(result ?? {}) };
    } catch (error) {
      unstable_rethrow(error);
      return toActionState(error);
    }
  };
  Object.defineProperty(action, SERVER_ACTION_BRAND, { value: permission });
  return action;
}
