import type { ReactNode } from 'react';
import { cn } from '@/lib/utils/cn';
import { Label } from './label';

type TErrors = string | readonly string[] | undefined;

const firstError = (error: TErrors): string | undefined => (typeof error === 'string' ? error : error?.[0]);

/**
 * The ARIA attributes of a form control inside a FormField with the same id: invalid while it has an error, and
 * described by its description and its error message (ids `${id}-description`, `${id}-error`).
 */
export function fieldAria(id: string, error?: TErrors, hasDescription = false) {
  const message = firstError(error);
  const describedBy = [hasDescription ? `${id}-description` : null, message ? `${id}-error` : null]
    .filter(Boolean)
    .join(' ');
  return {
    'aria-invalid': message ? true : undefined,
    'aria-describedby': describedBy || undefined,
  } as const;
}

/**
 * A labelled form field: label (for `id`), the control (children: give it `id` and `{...fieldAria(id, …)}`), an
 * optional description and the first validation error. Shared by every form so labels, hints and errors read
 * the same to screen readers (the e2e specs find controls by these labels).
 */
export function FormField({
  id,
  label,
  error,
  description,
  className,
  children,
}: {
  id: string;
  label: ReactNode;
  error?: TErrors;
  description?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const message = firstError(error);
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <Label htmlFor={id}>{label}</Label>
      {children}
      {description ? (
        <p id={`${id}-description`} className="text-xs text-slate-500 dark:text-slate-400">
          {description}
        </p>
      ) : null}
      {message ? (
        <p id={`${id}-error`} className="text-xs text-red-700 dark:text-red-300">
          {message}
        </p>
      ) : null}
    </div>
  );
}
