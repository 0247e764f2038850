import { Button, type ButtonProps } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { lazy, Suspense, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { reportError } from '@web/ui/form-errors';
import { can } from '@shared/auth/policies';
import { useCurrentUser } from '@web/app/auth';
import { type CustomerMessage, useToBoard } from './queries';
import type { MessageCustomer } from './MessageDialog';

// The button sits on records and lists; its dialog's code loads when it is first opened.
const MessageDialog = lazy(() => import('./MessageDialog').then((m) => ({ default: m.MessageDialog })));

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
        <Suspense fallback={null}>
          <MessageDialog
            opened
            onClose={() => setOpened(false)}
            customer={customer}
            blocked={blocked}
            onToBoard={onToBoard ?? openOnBoard}
          />
        </Suspense>
      )}
    </>
  );
}
