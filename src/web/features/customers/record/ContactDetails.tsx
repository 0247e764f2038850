import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCake, IconMail, IconMapPin, IconPhone, IconStar } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PhoneLink } from '@web/features/telephony/PhoneLink';
import { formatDate } from '../format';
import type { Contact } from '../types';
import { LazyTooltip } from '@web/ui/components/LazyTooltip';

function Row({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start">
      <Text c="dimmed" mt={2} style={{ display: 'flex' }}>
        {icon}
      </Text>
      <div style={{ minWidth: 0 }}>{children}</div>
    </Group>
  );
}

function Kind({ label, primary }: { label: string; primary: boolean }) {
  const { t } = useTranslation();
  return (
    <Text span size="xs" c="dimmed" ml={6}>
      {label}
      {primary && (
        <LazyTooltip label={t('customers.details.primary')}>
          <IconStar
            size={11}
            style={{ marginLeft: 4, verticalAlign: 'middle' }}
            aria-label={t('customers.details.primary')}
          />
        </LazyTooltip>
      )}
    </Text>
  );
}

/** Phones, e-mails, addresses and personal data; a click calls or writes. */
export function ContactDetails({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const nothing = contact.phones.length + contact.emails.length + contact.addresses.length === 0;
  return (
    <Stack gap="sm">
      {contact.phones.map((phone) => (
        <Row key={phone.id} icon={<IconPhone size={16} />}>
          <PhoneLink number={phone.e164 ?? phone.raw} display={phone.display} contactId={contact.id} fw={500} />
          <Kind label={t(`customers.phoneKind.${phone.kind}`)} primary={phone.isPrimary} />
          {!phone.valid && (
            <LazyTooltip label={t('customers.details.invalidPhone')}>
              <IconAlertTriangle
                size={14}
                color="var(--mantine-color-orange-6)"
                style={{ marginLeft: 6, verticalAlign: 'middle' }}
                aria-label={t('customers.details.invalidPhone')}
              />
            </LazyTooltip>
          )}
        </Row>
      ))}
      {contact.emails.map((email) => (
        <Row key={email.id} icon={<IconMail size={16} />}>
          <Anchor href={`mailto:${email.address}`} size="sm" style={{ wordBreak: 'break-all' }}>
            {email.address}
          </Anchor>
          <Kind label={t(`customers.emailKind.${email.kind}`)} primary={email.isPrimary} />
        </Row>
      ))}
      {contact.addresses.map((address) => (
        <Row key={address.id} icon={<IconMapPin size={16} />}>
          <Text size="sm">{address.street}</Text>
          <Text size="sm">
            {address.postalCode} {address.city}
            {address.country !== 'DE' && ` (${address.country})`}
          </Text>
          <Kind label={t(`customers.addressKind.${address.kind}`)} primary={address.isPrimary} />
        </Row>
      ))}
      {nothing && (
        <Text size="sm" c="dimmed">
          {t('customers.details.noContactData')}
        </Text>
      )}
      {contact.dateOfBirth && (
        <Row icon={<IconCake size={16} />}>
          <Text size="sm">{formatDate(contact.dateOfBirth)}</Text>
        </Row>
      )}
      {contact.preferredChannel && (
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t('customers.fields.preferredChannel')}:{' '}
          </Text>
          {t(`customers.channel.${contact.preferredChannel}`)}
        </Text>
      )}
      {contact.company && (
        <Text size="sm">
          <Text span c="dimmed" size="sm">
            {t('customers.details.company')}:{' '}
          </Text>
          <Anchor component={Link} to={`/customers/${contact.company.id}`} size="sm">
            {contact.company.displayName}
          </Anchor>
          {contact.position && ` · ${contact.position}`}
        </Text>
      )}
      {contact.contactPersons.length > 0 && (
        <Stack gap={2}>
          <Text size="xs" c="dimmed" fw={600}>
            {t('customers.details.contactPersons')}
          </Text>
          {contact.contactPersons.map((person) => (
            <Text key={person.id} size="sm">
              <Anchor component={Link} to={`/customers/${person.id}`} size="sm">
                {person.displayName}
              </Anchor>
              {person.position && ` · ${person.position}`}
            </Text>
          ))}
        </Stack>
      )}
      {contact.paymentRemarks && (
        <Badge
          color="orange"
          variant="light"
          tt="none"
          size="lg"
          radius="sm"
          style={{ whiteSpace: 'normal', height: 'auto' }}
        >
          {t('customers.details.paymentRemarks')}: {contact.paymentRemarks}
        </Badge>
      )}
      {contact.notes && (
        <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
          {contact.notes}
        </Text>
      )}
    </Stack>
  );
}
