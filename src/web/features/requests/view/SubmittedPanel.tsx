import { ActionIcon, Alert, Badge, Group, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { IconCopy, IconUserPlus } from '@tabler/icons-react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { SubmittedAddress, SubmittedView } from '@shared/requests/submitted';
import { useCurrentUser } from '@web/app/auth';
import { reportError } from '@web/ui/form-errors';
import { DuplicateList } from '@web/features/customers/form/DuplicateList';
import { canEditCustomers } from '@web/features/customers/permissions';
import { useTakeOverSubmitted } from '../queries';

const addressLine = (a: SubmittedAddress) =>
  [a.street, [a.postalCode, a.city].filter(Boolean).join(' '), a.region, a.country].filter(Boolean).join(', ');

type TakeOver = { phones?: string[]; emails?: string[]; address?: boolean };

/** One value the customer sent, with a button to put it on the contact when it is not there yet. */
function Line({ text, offered, onTakeOver }: { text: string; offered: boolean; onTakeOver?: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {text}
      </Text>
      {offered && onTakeOver && (
        <Tooltip label={t('requests.submitted.takeOverHint')}>
          <ActionIcon
            size="sm"
            variant="light"
            aria-label={t('requests.submitted.takeOver', { value: text })}
            onClick={onTakeOver}
          >
            <IconUserPlus size={14} />
          </ActionIcon>
        </Tooltip>
      )}
      {offered && !onTakeOver && (
        <Badge size="xs" variant="outline" color="gray" tt="none">
          {t('requests.submitted.notOnContact')}
        </Badge>
      )}
    </Group>
  );
}

/**
 * "What the customer submitted" (R3.4): the lead's own contact data, verbatim, beside the
 * customer it was filed under — how it was matched, what was added to the customer, what
 * differs and can be taken over, and whether it may be someone we know already.
 */
export function SubmittedPanel({ requestId, submitted }: { requestId: string; submitted: SubmittedView }) {
  const { t } = useTranslation();
  const titleId = useId();
  const me = useCurrentUser();
  const takeOver = useTakeOverSubmitted(requestId);
  const { customer, notOnContact } = submitted;
  const name = customer.fullName ?? ([customer.firstName, customer.lastName].filter(Boolean).join(' ') || null);

  const offer = (body: TakeOver) =>
    canEditCustomers(me.role)
      ? () =>
          takeOver
            .mutateAsync({ phones: [], emails: [], address: false, ...body })
            .catch((error: unknown) => reportError(error))
      : undefined;

  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Title order={5} id={titleId}>
          {t('requests.submitted.title')}
        </Title>
        {submitted.match === 'possible_duplicate' || submitted.match === 'shared_number' ? (
          <Alert
            color="yellow"
            variant="light"
            icon={<IconCopy />}
            title={
              submitted.match === 'shared_number'
                ? t('requests.submitted.sharedNumberTitle')
                : t('requests.submitted.duplicateTitle')
            }
          >
            <Text size="sm" mb="xs">
              {submitted.match === 'shared_number'
                ? t('requests.submitted.sharedNumberText')
                : t('requests.submitted.duplicateText')}
            </Text>
            <DuplicateList candidates={submitted.possibleDuplicates} />
          </Alert>
        ) : (
          <Text size="xs" c="dimmed">
            {submitted.match === 'matched'
              ? t('requests.submitted.matched', {
                  by: submitted.matchedBy.map((by) => t(`customers.duplicates.reason.${by}`)).join(', '),
                })
              : t('requests.submitted.new')}
          </Text>
        )}
        {name && (
          <Text size="sm" fw={600}>
            {name}
          </Text>
        )}
        {customer.companyName && <Text size="sm">{customer.companyName}</Text>}
        {customer.phones.map((phone) => (
          <Line
            key={`phone-${phone.number}`}
            text={phone.number}
            offered={notOnContact.phones.some((p) => p.number === phone.number)}
            onTakeOver={offer({ phones: [phone.number] })}
          />
        ))}
        {customer.emails.map((email) => (
          <Line
            key={`email-${email}`}
            text={email}
            offered={notOnContact.emails.includes(email)}
            onTakeOver={offer({ emails: [email] })}
          />
        ))}
        {customer.address && (
          <Line
            text={addressLine(customer.address)}
            offered={notOnContact.address !== null}
            onTakeOver={offer({ address: true })}
          />
        )}
        {(submitted.added.phones.length > 0 || submitted.added.emails.length > 0) && (
          <Text size="xs" c="dimmed">
            {t('requests.submitted.added', {
              values: [...submitted.added.phones, ...submitted.added.emails].join(', '),
            })}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
