import { ActionIcon, Badge, Button, Code, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconBuildingStore, IconPencil, IconPlus } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Location } from '@shared/org/schemas';
import { PageHeader } from '@web/ui/components/PageHeader';
import { useLocations } from '@web/app/org-queries';
import { ListState } from '@web/ui/admin/ListState';
import { LocationFormModal } from './LocationFormModal';

type Editing = { location: Location | null } | null;

export default function LocationsPage() {
  const { t } = useTranslation();
  const locations = useLocations();
  const [editing, setEditing] = useState<Editing>(null);
  const sorted = useMemo(
    () => [...(locations.data ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'de')),
    [locations.data],
  );
  const openCreate = () => setEditing({ location: null });

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
        <Table.ScrollContainer minWidth={860}>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('admin.locations.name')}</Table.Th>
                <Table.Th>{t('admin.locations.code')}</Table.Th>
                <Table.Th>{t('admin.locations.address')}</Table.Th>
                <Table.Th>{t('admin.locations.phone')}</Table.Th>
                <Table.Th>{t('admin.locations.federalState')}</Table.Th>
                <Table.Th>{t('admin.locations.status')}</Table.Th>
                <Table.Th w={56}>
                  <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
                  <Table.Td>
                    <Tooltip label={t('common.edit')}>
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        onClick={() => setEditing({ location })}
                        aria-label={`${t('common.edit')}: ${location.name}`}
                      >
                        <IconPencil size={18} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </ListState>
      <LocationFormModal
        opened={editing !== null}
        location={editing?.location ?? null}
        onClose={() => setEditing(null)}
      />
    </>
  );
}
