/**
 * What every server action returns (the one action result contract, built only by `defineAction` in
 * lib/server/http/define-action.ts): `ok`, a message for the user, field errors for a form, and data.
 * A type only, so client components (useActionState forms) import it without pulling server code.
 */
export interface TActionState<T = undefined> {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  data?: T;
}
