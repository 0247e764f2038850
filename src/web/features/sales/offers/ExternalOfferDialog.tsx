import { Button, FileInput, Group, Modal, Select, SimpleGrid, Stack } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EXTERNAL_OFFER_TOOLS, type ExternalOfferTool } from '@shared/sales/enums';
import { EXTERNAL_OFFER_MAX_BYTES } from '@shared/sales/offer-api';
import { describeProblem, serverFieldErrors } from '@web/ui/form-errors';
import { AmountInput } from './AmountInput';
import { useUploadExternalOffer } from './queries';
import { DayField } from '@web/ui/date-fields';

/** A brand tool's offer PDF as the next version, with the price and rate the user reads off it. */
export function ExternalOfferDialog({
  opportunityId,
  opened,
  onClose,
}: {
  opportunityId: string;
  opened: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const upload = useUploadExternalOffer(opportunityId);
  const [tool, setTool] = useState<ExternalOfferTool | null>(null);
  const [file, setFile] = useState<File | null>(null);
  const [grossCents, setGross] = useState<number | null>(null);
  const [monthlyRateCents, setRate] = useState<number | null>(null);
  const [validUntil, setValidUntil] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});

  async function send() {
    const missing: Record<string, string> = {};
    if (!tool) missing.tool = t('validation.required');
    if (!file) missing.file = t('validation.required');
    else if (file.size > EXTERNAL_OFFER_MAX_BYTES) missing.file = t('offers.fileTooLarge');
    setErrors(missing);
    if (!tool || !file || Object.keys(missing).length > 0) return;
    const form = new FormData();
    form.set('tool', tool);
    if (grossCents !== null) form.set('grossCents', String(grossCents));
    if (monthlyRateCents !== null) form.set('monthlyRateCents', String(monthlyRateCents));
    if (validUntil) form.set('validUntil', validUntil);
    form.set('file', file, file.name);
    try {
      const offer = await upload.mutateAsync(form);
      notifications.show({ color: 'green', message: t('offers.saved', { version: offer.version }) });
      onClose();
    } catch (error) {
      const fieldErrors = serverFieldErrors(error);
      if (Object.keys(fieldErrors).length > 0) setErrors(fieldErrors);
      else notifications.show({ color: 'red', message: describeProblem(error) });
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('offers.uploadTitle')} size="lg">
      <Stack gap="sm">
        <Select
          label={t('offers.tool')}
          required
          value={tool}
          error={errors.tool}
          data={EXTERNAL_OFFER_TOOLS.map((value) => ({ value, label: t(`offers.tools.${value}`) }))}
          onChange={(v) => setTool(v as ExternalOfferTool | null)}
        />
        <FileInput
          label={t('offers.pdf')}
          required
          accept="application/pdf"
          value={file}
          error={errors.file}
          onChange={setFile}
          clearable
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <AmountInput label={t('offers.gross')} value={grossCents} error={errors.grossCents} onChange={setGross} />
          <AmountInput
            label={t('offers.monthlyRate')}
            value={monthlyRateCents}
            error={errors.monthlyRateCents}
            onChange={setRate}
          />
          <DayField
            clearable
            label={t('offers.validUntil')}
            value={validUntil}
            error={errors.validUntil}
            onChange={setValidUntil}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={send} loading={upload.isPending}>
            {t('offers.upload')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
