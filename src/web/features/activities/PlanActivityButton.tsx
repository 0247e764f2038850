import { Button, type ButtonProps } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/auth/policies';
import { useCurrentUser } from '@web/app/auth';
import { PlanActivityDialog, type PlanPreset } from './PlanActivityDialog';

/** "Plan activity" wherever a customer or request is at hand (call card, walk-in); hidden from read-only roles. */
export function PlanActivityButton({ preset, ...props }: { preset: PlanPreset } & ButtonProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [opened, setOpened] = useState(false);
  if (!can(me.role, 'activities.plan')) return null;
  return (
    <>
      <Button leftSection={<IconCalendarPlus size={15} />} onClick={() => setOpened(true)} {...props}>
        {t('activity.plan')}
      </Button>
      <PlanActivityDialog opened={opened} onClose={() => setOpened(false)} preset={preset} />
    </>
  );
}
