import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import { CustomerEmailDialog } from '@web/features/correspondence';
import { api } from '@web/ui/api';
import type { Offer, OfferSent } from './queries';

export interface SendOfferDialogProps {
  offer: Offer | null;
  contactId: string;
  opportunityNumber: string;
  requestId?: string | null;
  onClose: () => void;
}

/**
 * "Angebot senden": the customer e-mail dialog with the offer template and the offer's PDF; sending
 * marks the offer sent, moves the opportunity to "offer" and plans the follow-up.
 */
export function SendOfferDialog({ offer, contactId, opportunityNumber, requestId, onClose }: SendOfferDialogProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  if (!offer) return null;
  const number = `${opportunityNumber}/${offer.version}`;
  return (
    <CustomerEmailDialog
      key={offer.id}
      opened
      onClose={onClose}
      contactId={contactId}
      opportunityId={offer.opportunityId}
      requestId={requestId ?? null}
      template="offer_sent"
      offerNumber={number}
      // Shown only: the send route renders the PDF and attaches it itself.
      attachments={[{ documentId: offer.id, fileName: t('offers.pdfFileName', { number }) }]}
      attachmentsFixed
      send={async (input) => {
        const sent = await api.post<OfferSent>(`/offers/${offer.id}/send`, {
          to: input.to,
          subject: input.subject,
          text: input.text,
          askedInRequest: input.askedInRequest ?? false,
        });
        void client.invalidateQueries({ queryKey: ['offers', offer.opportunityId] });
        void client.invalidateQueries({ queryKey: ['opportunities'] });
        void client.invalidateQueries({ queryKey: ['activities'] });
        void client.invalidateQueries({ queryKey: ['contacts', contactId] });
        void client.invalidateQueries({ queryKey: ['timeline'] });
        notifications.show({
          color: 'teal',
          message: t('offers.followUpPlanned', { day: sent.followUp.dueOn.split('-').reverse().join('.') }),
        });
        return sent;
      }}
    />
  );
}
