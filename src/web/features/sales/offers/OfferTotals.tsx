import { Alert, Paper, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { offerFigures } from '@shared/sales/financing';
import { formatEuro, OfferFigureError } from '@shared/sales/money';
import type { OfferContent, OfferFigures } from '@shared/sales/offer-content';
import { translateServerMessage } from '@web/ui/form-errors';

const percent = (basisPoints: number) => `${(basisPoints / 100).toFixed(2).replace('.', ',')} %`;

/** The figures as the server will store them, computed with the same functions; null when the content breaks a rule. */
export function liveFigures(content: OfferContent): { figures: OfferFigures | null; problem: string | null } {
  try {
    // A loan still being typed (no rate or term yet) is left out until it can be computed.
    const f = content.financing;
    const incomplete =
      f && !(Number.isFinite(f.nominalRateBasisPoints) && Number.isInteger(f.termMonths) && f.termMonths > 0);
    const l = content.leasing;
    const leasingIncomplete = l && !(Number.isInteger(l.termMonths) && Number.isInteger(l.mileagePerYearKm));
    const computable = {
      ...content,
      financing: incomplete ? undefined : f,
      leasing: leasingIncomplete ? undefined : l,
    };
    return { figures: offerFigures(computable), problem: null };
  } catch (error) {
    if (!(error instanceof OfferFigureError)) throw error;
    return {
      figures: null,
      problem: translateServerMessage({
        field: error.field,
        code: error.code,
        params: error.params,
        message: error.message,
      }),
    };
  }
}

/** The running totals beside the editor: what the customer pays, and the monthly rates. */
export function OfferTotals({ content }: { content: OfferContent }) {
  const { t } = useTranslation();
  const { figures, problem } = liveFigures(content);
  if (!figures) return <Alert color="red">{problem}</Alert>;
  const row = (label: string, cents: number, strong = false) => (
    <Table.Tr key={label}>
      <Table.Td>{strong ? <Text fw={700}>{label}</Text> : label}</Table.Td>
      {/* An amount is read as one: never broken before its euro sign. */}
      <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }} data-testid={`total-${label}`}>
        {strong ? <Text fw={700}>{formatEuro(cents)}</Text> : formatEuro(cents)}
      </Table.Td>
    </Table.Tr>
  );
  const { loan, leasing, insurance } = figures;
  return (
    <Paper withBorder p="sm" aria-label={t('offers.totals')} role="region">
      <Stack gap="xs">
        <Table>
          <Table.Tbody>
            {row(t('offers.net'), figures.netCents)}
            {row(t('offers.vat'), figures.vatCents)}
            {row(t('offers.gross'), figures.grossCents, true)}
            {figures.tradeInCents > 0 && row(t('offers.tradeInValue'), figures.tradeInCents)}
            {row(t('offers.payable'), figures.payableCents, true)}
          </Table.Tbody>
        </Table>
        {loan && (
          <Table>
            <Table.Tbody>
              {row(t('offers.financed'), loan.financedCents)}
              {row(t('offers.monthlyRate'), loan.monthlyRateCents, true)}
              {loan.balloonCents > 0 && row(t('offers.balloon'), loan.balloonCents)}
              {row(t('offers.totalInterest'), loan.totalInterestCents)}
              {row(t('offers.totalCost'), loan.totalCostCents)}
              <Table.Tr>
                <Table.Td>{t('offers.rates')}</Table.Td>
                <Table.Td ta="right">
                  {t('offers.ratesValue', {
                    nominal: percent(loan.nominalRateBasisPoints),
                    effective: percent(loan.effectiveRateBasisPoints),
                  })}
                </Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
        )}
        {leasing && (
          <Table>
            <Table.Tbody>
              {row(t('offers.leasingRate'), leasing.monthlyRateCents, true)}
              {row(t('offers.leasingTotal'), leasing.totalCostCents)}
            </Table.Tbody>
          </Table>
        )}
        {insurance && (
          <Text size="sm">{t('offers.annualPremiumIs', { amount: formatEuro(insurance.annualPremiumCents) })}</Text>
        )}
      </Stack>
    </Paper>
  );
}
