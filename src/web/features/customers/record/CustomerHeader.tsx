import { ActionIcon, Badge, Button, CopyButton, Group, Menu, Paper, Stack, Text, Title } from '@mantine/core';
import {
  IconMail,
  IconAddressBook,
  IconArrowsJoin,
  IconBan,
  IconBuilding,
  IconCheck,
  IconCircleCheck,
  IconCopy,
  IconDots,
  IconEdit,
  IconMoodSmile,
  IconUser,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useLocations } from '@web/app/org-queries';
import { ContactPhaseBadge } from '@web/features/lifecycle/PhaseBadge';
import { WriteMessageButton } from '@web/features/messages/WriteMessageButton';
import type { Contact } from '../types';
import { LazyTooltip } from '@web/ui/components/LazyTooltip';

interface CustomerHeaderProps {
  contact: Contact;
  canEdit: boolean;
  canManage: boolean;
  onEdit(): void;
  onBlock(): void;
  onUnblock(): void;
  onMerge(): void;
  /** "E-Mail schreiben"; hidden without it. */
  onEmail?(): void;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} component="div">
        {children}
      </Text>
    </Stack>
  );
}

/** Who this is, at a glance: name, number, home location, the colleagues in charge, tags. */
export function CustomerHeader({
  contact,
  canEdit,
  canManage,
  onEdit,
  onBlock,
  onUnblock,
  onMerge,
  onEmail,
}: CustomerHeaderProps) {
  const { t } = useTranslation();
  const locations = useLocations();
  const location = locations.data?.find((entry) => entry.id === contact.homeLocationId);
  const company = contact.kind === 'company';

  return (
    <Paper withBorder radius="md" p="lg" mb="md">
      <Group justify="space-between" align="flex-start" gap="md">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Group gap="xs">
            {company ? <IconBuilding size={24} stroke={1.6} /> : <IconUser size={24} stroke={1.6} />}
            <Title order={2} style={{ wordBreak: 'break-word' }}>
              {contact.displayName}
            </Title>
            <Badge variant="light" color="gray" tt="none">
              {t(`customers.kind.${contact.kind}`)}
            </Badge>
            <Badge
              variant="light"
              color={contact.lifecycle === 'prospect' ? 'orange' : 'teal'}
              tt="none"
              data-testid="customer-lifecycle"
            >
              {t(`customers.lifecycle.${contact.lifecycle}`)}
            </Badge>
            <ContactPhaseBadge contactId={contact.id} />
            {contact.activeBlock && (
              <Badge color="red" variant="filled">
                {t('customers.blocked')}
              </Badge>
            )}
          </Group>
          {contact.tags.length > 0 && (
            <Group gap={4}>
              {contact.tags.map((tag) => (
                <Badge key={tag} variant="outline" color="autohaus" size="sm" tt="none">
                  {tag}
                </Badge>
              ))}
            </Group>
          )}
        </Stack>
        <Group gap="xs">
          {canEdit && onEmail && (
            <Button variant="default" leftSection={<IconMail size={16} />} onClick={onEmail}>
              {t('correspondence.open')}
            </Button>
          )}
          {canEdit && (
            <Button
              variant="default"
              component={Link}
              to={`/surveys/new?contactId=${contact.id}`}
              leftSection={<IconMoodSmile size={16} />}
            >
              {t('surveys.capture')}
            </Button>
          )}
          <WriteMessageButton
            variant="default"
            customer={{ id: contact.id, displayName: contact.displayName, customerNumber: contact.customerNumber }}
            blocked={Boolean(contact.activeBlock)}
          />
          {canEdit && (
            <Button variant="default" leftSection={<IconEdit size={16} />} onClick={onEdit}>
              {t('common.edit')}
            </Button>
          )}
          <Menu position="bottom-end" withinPortal>
            <Menu.Target>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={t('common.moreActions', { name: contact.displayName })}
              >
                <IconDots size={18} />
              </ActionIcon>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Item
                component="a"
                href={`/api/contacts/${contact.id}/vcard`}
                download
                leftSection={<IconAddressBook size={16} />}
              >
                {t('customers.record.vcard')}
              </Menu.Item>
              {canManage && (
                <Menu.Item leftSection={<IconArrowsJoin size={16} />} onClick={onMerge}>
                  {t('customers.merge.action')}
                </Menu.Item>
              )}
              {canManage && !contact.activeBlock && (
                <Menu.Item color="red" leftSection={<IconBan size={16} />} onClick={onBlock}>
                  {t('customers.block.block')}
                </Menu.Item>
              )}
              {canManage && contact.activeBlock && (
                <Menu.Item leftSection={<IconCircleCheck size={16} />} onClick={onUnblock}>
                  {t('customers.block.unblock')}
                </Menu.Item>
              )}
            </Menu.Dropdown>
          </Menu>
        </Group>
      </Group>
      <Group gap="xl" mt="md" wrap="wrap">
        <Fact label={t('customers.fields.customerNumber')}>
          <Group gap={4} wrap="nowrap">
            <Text ff="monospace" fw={600} size="sm">
              {contact.customerNumber}
            </Text>
            <CopyButton value={contact.customerNumber}>
              {({ copied, copy }) => (
                <LazyTooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
                  <ActionIcon
                    size="xs"
                    variant="subtle"
                    color={copied ? 'teal' : 'gray'}
                    onClick={copy}
                    aria-label={t('common.copy')}
                  >
                    {copied ? <IconCheck size={12} /> : <IconCopy size={12} />}
                  </ActionIcon>
                </LazyTooltip>
              )}
            </CopyButton>
          </Group>
        </Fact>
        <Fact label={t('customers.fields.homeLocation')}>{location?.name ?? '…'}</Fact>
        <Fact label={t('customers.fields.salesConsultant')}>
          {contact.salesConsultant?.displayName ?? t('common.none')}
        </Fact>
        <Fact label={t('customers.fields.serviceAdvisor')}>
          {contact.serviceAdvisor?.displayName ?? t('common.none')}
        </Fact>
      </Group>
    </Paper>
  );
}
