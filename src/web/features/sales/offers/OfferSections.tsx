import { Group, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { AmountInput } from './AmountInput';
import type { OfferDraft } from './draft';

type Errors = Record<string, string>;
type Patch = <K extends 'tradeIn' | 'financing' | 'leasing' | 'insurance'>(
  key: K,
  value: Partial<OfferDraft[K]>,
) => void;

/** A part of the offer that opens when switched on. */
function Section({
  label,
  on,
  onToggle,
  children,
}: {
  label: string;
  on: boolean;
  onToggle(on: boolean): void;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="sm">
      <Stack gap="sm">
        <Switch label={label} checked={on} onChange={(e) => onToggle(e.currentTarget.checked)} />
        {on && children}
      </Stack>
    </Paper>
  );
}

const whole = (value: string | number) => (typeof value === 'number' ? value : '');

/** Trade-in, financing, leasing and insurance: each its own part, as the offer shows them. */
export function OfferSections({ draft, patch, errors }: { draft: OfferDraft; patch: Patch; errors: Errors }) {
  const { t } = useTranslation();
  const { tradeIn, financing, leasing, insurance } = draft;
  return (
    <Stack gap="sm">
      <Section label={t('offers.tradeIn')} on={tradeIn.on} onToggle={(on) => patch('tradeIn', { on })}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('offers.make')}
            required
            value={tradeIn.make}
            error={errors['content.tradeIn.make']}
            onChange={(e) => patch('tradeIn', { make: e.currentTarget.value })}
          />
          <TextInput
            label={t('offers.model')}
            required
            value={tradeIn.model}
            error={errors['content.tradeIn.model']}
            onChange={(e) => patch('tradeIn', { model: e.currentTarget.value })}
          />
          <TextInput
            label={t('offers.plate')}
            value={tradeIn.plate}
            onChange={(e) => patch('tradeIn', { plate: e.currentTarget.value })}
          />
          <AmountInput
            label={t('offers.appraisedValue')}
            required
            value={tradeIn.appraisedValueCents}
            error={errors['content.tradeIn.appraisedValueCents']}
            onChange={(v) => patch('tradeIn', { appraisedValueCents: v })}
          />
        </SimpleGrid>
      </Section>
      <Section label={t('offers.financing')} on={financing.on} onToggle={(on) => patch('financing', { on })}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('offers.bank')}
            value={financing.bank}
            onChange={(e) => patch('financing', { bank: e.currentTarget.value })}
          />
          <AmountInput
            label={t('offers.downPayment')}
            value={financing.downPaymentCents}
            error={errors['content.financing.downPaymentCents']}
            onChange={(v) => patch('financing', { downPaymentCents: v })}
          />
          <NumberInput
            label={t('offers.termMonths')}
            required
            min={6}
            max={120}
            allowDecimal={false}
            value={financing.termMonths}
            error={errors['content.financing.termMonths']}
            onChange={(v) => patch('financing', { termMonths: whole(v) })}
          />
          <TextInput
            label={t('offers.nominalRate')}
            required
            rightSection="%"
            value={financing.ratePercent}
            error={errors['content.financing.nominalRateBasisPoints']}
            onChange={(e) => patch('financing', { ratePercent: e.currentTarget.value })}
          />
          <AmountInput
            label={t('offers.balloon')}
            value={financing.balloonCents}
            error={errors['content.financing.balloonCents']}
            onChange={(v) => patch('financing', { balloonCents: v })}
          />
        </SimpleGrid>
      </Section>
      <Section label={t('offers.leasing')} on={leasing.on} onToggle={(on) => patch('leasing', { on })}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('offers.lessor')}
            value={leasing.lessor}
            onChange={(e) => patch('leasing', { lessor: e.currentTarget.value })}
          />
          <NumberInput
            label={t('offers.termMonths')}
            required
            min={6}
            max={120}
            allowDecimal={false}
            value={leasing.termMonths}
            error={errors['content.leasing.termMonths']}
            onChange={(v) => patch('leasing', { termMonths: whole(v) })}
          />
          <NumberInput
            label={t('offers.mileagePerYear')}
            required
            min={1000}
            max={200_000}
            step={5000}
            thousandSeparator="."
            decimalSeparator=","
            allowDecimal={false}
            value={leasing.mileagePerYearKm}
            error={errors['content.leasing.mileagePerYearKm']}
            onChange={(v) => patch('leasing', { mileagePerYearKm: whole(v) })}
          />
          <AmountInput
            label={t('offers.downPayment')}
            value={leasing.downPaymentCents}
            onChange={(v) => patch('leasing', { downPaymentCents: v })}
          />
          <AmountInput
            label={t('offers.leasingRate')}
            required
            value={leasing.monthlyRateCents}
            error={errors['content.leasing.monthlyRateCents']}
            onChange={(v) => patch('leasing', { monthlyRateCents: v })}
          />
        </SimpleGrid>
      </Section>
      <Section label={t('offers.insurance')} on={insurance.on} onToggle={(on) => patch('insurance', { on })}>
        <Group grow align="flex-start">
          <TextInput
            label={t('offers.insurer')}
            required
            value={insurance.insurer}
            error={errors['content.insurance.insurer']}
            onChange={(e) => patch('insurance', { insurer: e.currentTarget.value })}
          />
          <Select
            label={t('offers.insuranceType')}
            allowDeselect={false}
            value={insurance.type}
            data={(['liability', 'partial', 'comprehensive'] as const).map((value) => ({
              value,
              label: t(`offers.insuranceTypes.${value}`),
            }))}
            onChange={(v) => v && patch('insurance', { type: v as OfferDraft['insurance']['type'] })}
          />
          <AmountInput
            label={t('offers.annualPremium')}
            required
            value={insurance.annualPremiumCents}
            error={errors['content.insurance.annualPremiumCents']}
            onChange={(v) => patch('insurance', { annualPremiumCents: v })}
          />
        </Group>
      </Section>
    </Stack>
  );
}
