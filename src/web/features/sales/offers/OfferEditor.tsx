import { Button, Grid, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { offerContentSchema } from '@shared/sales/offer-content';
import { RepeatableRows } from '@web/ui/admin/RepeatableRows';
import { describeError, messageForIssue, serverFieldErrors } from '@web/ui/form-errors';
import { AmountInput } from './AmountInput';
import { contentOf, emptyDraft, emptyLine, type OfferDraft } from './draft';
import { OfferSections } from './OfferSections';
import { OfferTotals } from './OfferTotals';
import { useCreateOffer } from './queries';
import { DayField } from '@web/ui/date-fields';

const LINE_KINDS = ['option', 'accessory', 'transfer', 'registration', 'other'] as const;

interface OfferEditorProps {
  opportunityId: string;
  /** Where the new version starts from: a copy of an earlier one, or empty. */
  initial?: OfferDraft;
  opened: boolean;
  onClose(): void;
}

/** A new offer version: the car, its lines, discount and the optional parts, with the totals as they are typed. */
export function OfferEditor({ opportunityId, initial, opened, onClose }: OfferEditorProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<OfferDraft>(() => initial ?? emptyDraft());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreateOffer(opportunityId);
  const content = contentOf(draft);

  const set = (change: Partial<OfferDraft>) => setDraft((d) => ({ ...d, ...change }));
  const patch = <K extends 'tradeIn' | 'financing' | 'leasing' | 'insurance'>(key: K, value: Partial<OfferDraft[K]>) =>
    setDraft((d) => ({ ...d, [key]: { ...d[key], ...value } }));
  const setLine = (index: number, change: Partial<OfferDraft['lines'][number]>) =>
    set({ lines: draft.lines.map((line, i) => (i === index ? { ...line, ...change } : line)) });

  async function save() {
    const checked = offerContentSchema.safeParse(content);
    if (!checked.success) {
      const found: Record<string, string> = {};
      for (const issue of checked.error.issues) {
        const field = ['content', ...issue.path.map(String)].join('.');
        found[field] ??= messageForIssue(issue, field);
      }
      setErrors(found);
      return;
    }
    setErrors({});
    try {
      const offer = await create.mutateAsync({ content: checked.data, validUntil: draft.validUntil || undefined });
      notifications.show({ color: 'green', message: t('offers.saved', { version: offer.version }) });
      onClose();
    } catch (error) {
      const fieldErrors = serverFieldErrors(error);
      if (Object.keys(fieldErrors).length > 0) setErrors(fieldErrors);
      else notifications.show({ color: 'red', message: describeError(error) });
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title={t('offers.newVersion')} size={1120}>
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput
                label={t('offers.make')}
                required
                value={draft.make}
                error={errors['content.vehicle.make']}
                onChange={(e) => set({ make: e.currentTarget.value })}
              />
              <TextInput
                label={t('offers.model')}
                required
                value={draft.model}
                error={errors['content.vehicle.model']}
                onChange={(e) => set({ model: e.currentTarget.value })}
              />
              <TextInput
                label={t('offers.variant')}
                value={draft.variant}
                onChange={(e) => set({ variant: e.currentTarget.value })}
              />
              <TextInput
                label={t('offers.vin')}
                maxLength={17}
                value={draft.vin}
                error={errors['content.vehicle.vin']}
                onChange={(e) => set({ vin: e.currentTarget.value })}
              />
              <AmountInput
                label={t('offers.listPrice')}
                required
                value={draft.listPriceCents}
                error={errors['content.vehicle.listPriceCents']}
                onChange={(v) => set({ listPriceCents: v })}
              />
            </SimpleGrid>
            <RepeatableRows
              label={t('offers.lines')}
              rows={draft.lines}
              onAdd={() => set({ lines: [...draft.lines, emptyLine()] })}
              onRemove={(index) => set({ lines: draft.lines.filter((_, i) => i !== index) })}
              addLabel={t('offers.addLine')}
              removeLabel={t('offers.removeLine')}
              max={60}
              wrap
            >
              {(line, index) => (
                <Group grow align="flex-start" wrap="nowrap">
                  <TextInput
                    label={t('offers.lineLabel')}
                    required
                    value={line.label}
                    error={errors[`content.lines.${index}.label`]}
                    onChange={(e) => setLine(index, { label: e.currentTarget.value })}
                  />
                  <Select
                    label={t('offers.lineKind')}
                    allowDeselect={false}
                    value={line.kind}
                    data={LINE_KINDS.map((value) => ({ value, label: t(`offers.lineKinds.${value}`) }))}
                    onChange={(v) => v && setLine(index, { kind: v as (typeof LINE_KINDS)[number] })}
                  />
                  <AmountInput
                    label={t('offers.linePrice')}
                    required
                    value={line.priceCents}
                    error={errors[`content.lines.${index}.priceCents`]}
                    onChange={(v) => setLine(index, { priceCents: v })}
                  />
                </Group>
              )}
            </RepeatableRows>
            <AmountInput
              label={t('offers.discount')}
              value={draft.discountCents}
              error={errors['content.discountCents']}
              onChange={(v) => set({ discountCents: v })}
            />
            <OfferSections draft={draft} patch={patch} errors={errors} />
            <Textarea
              label={t('offers.remarks')}
              maxLength={4000}
              autosize
              minRows={2}
              value={draft.remarks}
              onChange={(e) => set({ remarks: e.currentTarget.value })}
            />
            <DayField
              clearable
              label={t('offers.validUntil')}
              description={t('offers.validUntilDefault')}
              value={draft.validUntil}
              error={errors.validUntil}
              onChange={(validUntil) => set({ validUntil })}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <OfferTotals content={content} />
        </Grid.Col>
      </Grid>
      <Group justify="flex-end" mt="md">
        <Button variant="default" onClick={onClose}>
          {t('common.cancel')}
        </Button>
        <Button onClick={save} loading={create.isPending}>
          {t('offers.save')}
        </Button>
      </Group>
    </Modal>
  );
}
