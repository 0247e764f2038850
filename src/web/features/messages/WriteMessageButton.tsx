import { Button, type ButtonProps } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { reportError } from '@web/ui/form-errors';
import { can } from '@shared/auth/policies';
import { useCurrentUser } from '@web/app/auth';
import { type CustomerMessage, useToBoard } from './queries';
import { MessageDialog, type MessageCustomer } from './MessageDialog';

/**
 * "Mitteilung" wherever a customer is at hand (record, search, call card, walk-in); hidden from
 * read-only roles. "An das Board" saves the message, opens its board thread and goes there, unless
 * the caller hands over the message another way (`onToBoard`).
 */
export function WriteMessageButton({
  customer,
  blocked,
  onToBoard,
  ...props
}: { customer: MessageCustomer; blocked?: boolean; onToBoard?: (message: CustomerMessage) => void } & ButtonProps) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [opened, setOpened] = useState(false);
  const navigate = useNavigate();
  const toBoard = useToBoard();
  const openOnBoard = (message: CustomerMessage) =>
    toBoard.mutate(message.id, {
      onSuccess: ({ threadId }) => navigate(`/board/threads/${threadId}`),
      onError: (error) => reportError(error),
    });
  if (!can(me.role, 'messages.write')) return null;
  return (
    <>
      <Button
        leftSection={<IconMessagePlus size={15} />}
        onClick={() => setOpened(true)}
        title={t('messages.openTitle')}
        {...props}
      >
        {t('messages.open')}
      </Button>
      {opened && (
        <MessageDialog
          opened
          onClose={() => setOpened(false)}
          customer={customer}
          blocked={blocked}
          onToBoard={onToBoard ?? openOnBoard}
        />
      )}
    </>
  );
}
