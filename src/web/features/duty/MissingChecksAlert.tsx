import { Alert, Anchor, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMissingChecks } from './queries';

const germanDay = (day: string) => day.split('-').reverse().join('.');

/** On the home page: days of the last week whose check (one the user runs or manages) has no entry. */
export function MissingChecksAlert() {
  const { t } = useTranslation();
  const missing = useMissingChecks();
  if (!missing.data || missing.data.length === 0) return null;
  return (
    <Alert color="orange" icon={<IconAlertTriangle />} title={t('dailyChecks.missingTitle')}>
      {missing.data.map((m) => (
        <Text key={`${m.checkId}:${m.day}`} size="sm">
          {t('dailyChecks.missing', { check: m.checkName, day: germanDay(m.day), location: m.locationName })}
        </Text>
      ))}
      <Anchor component={Link} to="/checks" size="sm">
        {t('dailyChecks.open')}
      </Anchor>
    </Alert>
  );
}
