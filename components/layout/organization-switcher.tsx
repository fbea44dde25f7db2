import { switchOrganizationAction } from '@/app/(dashboard)/settings/organizations/actions';
import { ActionForm } from '@/components/ui/action-form';
import { Button } from '@/components/ui/button';
import { selectClass } from '@/components/ui/select-class';
import { roleLabel } from '@/lib/format/labels';

export interface TOrganizationOption {
  orgSlug: string;
  orgName: string;
  role: string;
}

/** Picks the active organisation among the user's memberships (works without JavaScript: select + submit). */
export function OrganizationSwitcher({
  current,
  options,
}: {
  current: string;
  options: TOrganizationOption[];
}) {
  if (options.length < 2) {
    return null;
  }
  return (
    <ActionForm action={switchOrganizationAction} className="flex items-center gap-2">
      <select
        name="orgSlug"
        defaultValue={current}
        aria-label="Active organisation"
        className={`${selectClass} min-w-0 flex-1`}
      >
        {options.map((o) => (
          <option key={o.orgSlug} value={o.orgSlug}>
            {o.orgName} ({roleLabel(o.role)})
          </option>
        ))}
      </select>
      <Button type="submit" variant="secondary" className="px-3">
        Switch
      </Button>
    </ActionForm>
  );
}
