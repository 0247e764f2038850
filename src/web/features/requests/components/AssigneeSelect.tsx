import { Select, type SelectProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useDirectory } from '@web/features/customers/queries';

type AssigneeSelectProps = Omit<SelectProps, 'data'> & {
  /** Only colleagues working at this location, when given. */
  locationId?: string | null;
};

/** Active colleagues with their role, for assigning and filtering. */
export function AssigneeSelect({ locationId, ...props }: AssigneeSelectProps) {
  const { t } = useTranslation();
  const directory = useDirectory();
  const data = (directory.data ?? [])
    .filter((entry) => entry.active)
    .filter((entry) => !locationId || entry.homeLocationId === locationId || entry.locationIds.includes(locationId))
    .sort((a, b) => a.displayName.localeCompare(b.displayName, 'de'))
    .map((entry) => ({ value: entry.id, label: `${entry.displayName} (${t(`roles.${entry.role}`)})` }));
  return <Select searchable clearable data={data} nothingFoundMessage={t('search.noHits')} {...props} />;
}
