import { Button, type ButtonProps } from '@mantine/core';
import { IconCoin } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '@shared/auth/policies';
import { useCurrentUser } from '@web/app/auth';
import { CreateOpportunityDialog } from './CreateOpportunityDialog';

/** "New opportunity" from a sales lead or the walk-in confirmation; hidden from roles that may not open one. */
export function CreateOpportunityButton({
  requestId,
  contactId,
  ...props
}: { requestId?: string; contactId?: string } & ButtonProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [opened, setOpened] = useState(false);
  if (!can(me.role, 'sales.create')) return null;
  return (
    <>
      <Button leftSection={<IconCoin size={15} />} onClick={() => setOpened(true)} {...props}>
        {t('sales.create.open')}
      </Button>
      <CreateOpportunityDialog
        opened={opened}
        onClose={() => setOpened(false)}
        requestId={requestId}
        contactId={requestId ? undefined : contactId}
        navigateOnCreate={can(me.role, 'sales.work')}
      />
    </>
  );
}
