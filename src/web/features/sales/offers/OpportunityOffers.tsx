import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Menu,
  Modal,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDots } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatEuro } from '@shared/sales/money';
import { describeError } from '@web/ui/form-errors';
import { draftOf, type OfferDraft } from './draft';
import { ExternalOfferDialog } from './ExternalOfferDialog';
import { OfferEditor } from './OfferEditor';
import { downloadOfferPdf, type Offer, useAcceptOffer, useOffers, useRejectOffer } from './queries';
import { SendOfferDialog } from './SendOfferDialog';

const STATUS_COLORS: Record<Offer['status'], string> = {
  draft: 'gray',
  sent: 'blue',
  accepted: 'green',
  rejected: 'red',
  superseded: 'gray',
};
/** 2026-03-17 → 17.03.2026 (a calendar day, no time zone involved). */
const day = (isoDate: string) => isoDate.split('-').reverse().join('.');
const money = (cents: number | null) => (cents === null ? '–' : formatEuro(cents));

export interface OpportunityOffersProps {
  opportunityId: string;
  /** With the customer and the opportunity's number an offer can be sent by e-mail. */
  contactId?: string;
  opportunityNumber?: string;
  requestId?: string | null;
}

/** An opportunity's offers: every version with its figures, a new one (built here or a brand PDF), the customer's decision. */
export function OpportunityOffers({ opportunityId, contactId, opportunityNumber, requestId }: OpportunityOffersProps) {
  const { t } = useTranslation();
  const offers = useOffers(opportunityId);
  const accept = useAcceptOffer(opportunityId);
  const reject = useRejectOffer(opportunityId);
  const [editing, setEditing] = useState<{ initial?: OfferDraft; key: number } | null>(null);
  const [uploading, setUploading] = useState(false);
  const [rejecting, setRejecting] = useState<Offer | null>(null);
  const [reason, setReason] = useState('');
  const [sending, setSending] = useState<Offer | null>(null);

  if (offers.isPending) return <Loader aria-label={t('offers.loading')} />;
  if (offers.isError) return <Alert color="red">{describeError(offers.error)}</Alert>;
  const { items, closed } = offers.data;
  const decided = items.some((o) => o.status === 'accepted');
  const canAdd = !closed && !decided;
  const open = (o: Offer) => !closed && (o.status === 'draft' || o.status === 'sent');
  const failed = (error: unknown) => notifications.show({ color: 'red', message: describeError(error) });

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Title order={3}>{t('offers.title')}</Title>
        {canAdd && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setUploading(true)}>
              {t('offers.uploadBrandPdf')}
            </Button>
            <Button onClick={() => setEditing({ key: Date.now() })}>{t('offers.newVersion')}</Button>
          </Group>
        )}
      </Group>
      {closed && <Text c="dimmed">{t('offers.closed')}</Text>}
      {items.length === 0 ? (
        <Text c="dimmed">{t('offers.empty')}</Text>
      ) : (
        <Table striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('offers.version')}</Table.Th>
              <Table.Th>{t('offers.status')}</Table.Th>
              <Table.Th ta="right">{t('offers.gross')}</Table.Th>
              <Table.Th ta="right">{t('offers.monthlyRate')}</Table.Th>
              <Table.Th>{t('offers.validUntil')}</Table.Th>
              <Table.Th>{t('offers.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((offer) => (
              <Table.Tr key={offer.id}>
                <Table.Td>
                  {offer.version}
                  {offer.externalTool && (
                    <Text size="xs" c="dimmed">
                      {t(`offers.tools.${offer.externalTool}`)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge color={STATUS_COLORS[offer.status]}>{t(`offers.statuses.${offer.status}`)}</Badge>
                  {offer.rejectionReason && <Text size="xs">{offer.rejectionReason}</Text>}
                </Table.Td>
                <Table.Td ta="right">{money(offer.grossCents)}</Table.Td>
                <Table.Td ta="right">{money(offer.monthlyRateCents)}</Table.Td>
                <Table.Td>{day(offer.validUntil)}</Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    {offer.content && (
                      <Button
                        variant="subtle"
                        size="compact-sm"
                        onClick={() => void downloadOfferPdf(offer.id).catch(failed)}
                      >
                        {t('offers.pdf')}
                      </Button>
                    )}
                    {open(offer) && contactId && opportunityNumber && (
                      <Button variant="light" size="compact-sm" onClick={() => setSending(offer)}>
                        {t('offers.send')}
                      </Button>
                    )}
                    {offer.externalFileName && (
                      <Anchor href={`/api/offers/${offer.id}/external-pdf`} download>
                        {t('offers.downloadPdf')}
                      </Anchor>
                    )}
                    {(open(offer) || (canAdd && offer.content)) && (
                      <Menu>
                        <Menu.Target>
                          <Button
                            variant="subtle"
                            size="compact-sm"
                            aria-label={t('offers.actionsFor', { version: offer.version })}
                          >
                            <IconDots size={16} />
                          </Button>
                        </Menu.Target>
                        <Menu.Dropdown>
                          {canAdd && offer.content && (
                            <Menu.Item
                              onClick={() => setEditing({ initial: draftOf(offer.content!), key: Date.now() })}
                            >
                              {t('offers.copyAsNew')}
                            </Menu.Item>
                          )}
                          {open(offer) && (
                            <Menu.Item onClick={() => accept.mutate(offer.id, { onError: failed })}>
                              {t('offers.accept')}
                            </Menu.Item>
                          )}
                          {open(offer) && (
                            <Menu.Item color="red" onClick={() => (setReason(''), setRejecting(offer))}>
                              {t('offers.reject')}
                            </Menu.Item>
                          )}
                        </Menu.Dropdown>
                      </Menu>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {contactId && opportunityNumber && (
        <SendOfferDialog
          offer={sending}
          contactId={contactId}
          opportunityNumber={opportunityNumber}
          requestId={requestId}
          onClose={() => setSending(null)}
        />
      )}
      {editing && (
        <OfferEditor
          key={editing.key}
          opportunityId={opportunityId}
          initial={editing.initial}
          opened
          onClose={() => setEditing(null)}
        />
      )}
      {uploading && <ExternalOfferDialog opportunityId={opportunityId} opened onClose={() => setUploading(false)} />}
      <Modal opened={rejecting !== null} onClose={() => setRejecting(null)} title={t('offers.rejectTitle')}>
        <Stack gap="sm">
          <Textarea
            label={t('offers.rejectReason')}
            required
            maxLength={2000}
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRejecting(null)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              disabled={reason.trim() === ''}
              loading={reject.isPending}
              onClick={() =>
                reject.mutate(
                  { offerId: rejecting!.id, reason },
                  { onSuccess: () => setRejecting(null), onError: failed },
                )
              }
            >
              {t('offers.reject')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
