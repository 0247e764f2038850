import { Alert, List } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { INPUT_REPAIR_CODES, type InputRepair } from '@shared/text/repairs';
import { useRequestEvents } from '../queries';

const isRepair = (value: unknown): value is InputRepair =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as InputRepair).path === 'string' &&
  (INPUT_REPAIR_CODES as readonly string[]).includes((value as InputRepair).code);

/**
 * What machine intake changed so that a lead could be stored at all (a NUL removed, a name cut
 * to its maximum, an impossible date left out): staff must know the words shown are not
 * exactly what was sent.
 */
export function IntakeRepairsNotice({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const events = useRequestEvents(requestId);
  const created = events.data?.find((event) => event.kind === 'created');
  const listed = created?.data?.repairs;
  const repairs = Array.isArray(listed) ? listed.filter(isRepair) : [];
  if (repairs.length === 0) return null;
  return (
    <Alert
      color="yellow"
      variant="light"
      radius="md"
      mt="sm"
      icon={<IconAlertTriangle />}
      title={t('requests.repairs.title')}
      role="alert"
    >
      <List size="sm" spacing={2}>
        {repairs.map((repair, i) => (
          <List.Item key={`${repair.path}-${repair.code}-${i}`}>
            {repair.path}: {t(`requests.repairs.${repair.code}`, { limit: repair.limit })}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
