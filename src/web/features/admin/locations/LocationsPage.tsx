import { Badge, Button, Code, Table, Text } from '@mantine/core';
import { IconBuildingStore, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Location } from '@shared/org/schemas';
import { PageHeader } from '@web/ui/components/PageHeader';
import { useLocations } from '@web/app/org-queries';
import { AdminTable } from '@web/ui/admin/AdminTable';
import { EditModal } from '@web/ui/admin/EditModal';
import { ListState } from '@web/ui/admin/ListState';
import { RowActions } from '@web/ui/admin/RowActions';
import { LocationForm } from './LocationForm';

/** /admin/locations — the group's locations; one is closed by making it inactive, never removed. */
export default function LocationsPage() {
  const { t } = useTranslation();
  const locations = useLocations();
  const [editing, setEditing] = useState<Location | 'new' | null>(null);
  const sorted = useMemo(
    () => [...(locations.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'de')),
    [locations.data],
  );
  const openCreate = () => setEditing('new');

  return (
    <>
      <PageHeader
        title={t('admin.tabs.locations')}
        description={t('admin.locations.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={openCreate}>
            {t('admin.locations.new')}
          </Button>
        }
      />
      <ListState
        query={locations}
        empty={{
          icon: <IconBuildingStore />,
          title: t('admin.locations.emptyTitle'),
          text: t('admin.locations.emptyText'),
          actionLabel: t('admin.locations.new'),
          onAction: openCreate,
        }}
      >
        <AdminTable
          minWidth={860}
          columns={[
            t('admin.locations.name'),
            t('admin.locations.code'),
            t('admin.locations.address'),
            t('admin.locations.phone'),
            t('admin.locations.federalState'),
            t('admin.locations.status'),
          ]}
        >
          {sorted.map((location) => (
            <Table.Tr key={location.id} c={location.active ? undefined : 'dimmed'}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {location.name}
                </Text>
                {location.email && (
                  <Text size="xs" c="dimmed">
                    {location.email}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Code>{location.code}</Code>
              </Table.Td>
              <Table.Td>
                {location.street}, {location.postalCode} {location.city}
              </Table.Td>
              <Table.Td>{location.phone}</Table.Td>
              <Table.Td>{t(`federalStates.${location.federalState}`)}</Table.Td>
              <Table.Td>
                <Badge color={location.active ? 'teal' : 'gray'} variant="light">
                  {location.active ? t('common.active') : t('common.inactive')}
                </Badge>
              </Table.Td>
              <Table.Td ta="right">
                <RowActions
                  onEdit={() => setEditing(location)}
                  names={{ edit: `${t('common.edit')}: ${location.name}` }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </AdminTable>
      </ListState>
      <EditModal
        editing={editing}
        onClose={() => setEditing(null)}
        titles={{ create: t('admin.locations.createTitle'), edit: t('admin.locations.editTitle') }}
      >
        {(location) => <LocationForm location={location} onClose={() => setEditing(null)} />}
      </EditModal>
    </>
  );
}
