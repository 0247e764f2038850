import type { SalesFunnelBreakdownRow, SalesFunnelReport } from '@shared/sales/funnel';
import type { LostReason, OpportunityStage } from '@shared/sales/enums';
import { csvField } from '@server/lib/csv';
import { formatPct } from './csv';

const STEP_NAMES = {
  lead: 'Leads',
  test_drive: 'Probefahrten',
  offer: 'Angebote',
  contract: 'Verträge',
  delivered: 'Auslieferungen',
} as const;
const LOST_REASON_NAMES: Record<LostReason, string> = {
  price: 'Preis',
  financing_declined: 'Finanzierung abgelehnt',
  bought_elsewhere: 'woanders gekauft',
  no_longer_interested: 'kein Interesse mehr',
  unreachable: 'nicht erreichbar',
  other: 'Sonstiges',
};
const STAGE_NAMES: Record<OpportunityStage, string> = {
  new: 'Neu',
  contacted: 'Kontaktiert',
  test_drive: 'Probefahrt',
  offer: 'Angebot',
  negotiation: 'Verhandlung',
  contract: 'Vertrag',
  delivered: 'Ausgeliefert',
};
const STEPS = Object.keys(STEP_NAMES) as Array<keyof typeof STEP_NAMES>;

const BREAKDOWNS = [
  ['bySource', 'Quelle / Kampagne'],
  ['byConsultant', 'Verkäufer'],
  ['byLocation', 'Standort'],
] as const;

/** Cents as Excel reads them in a German locale: 1234,56. */
const euro = (cents: number) => (cents / 100).toFixed(2).replace('.', ',');

const breakdownRow = (kind: string, r: SalesFunnelBreakdownRow) => [
  kind,
  r.key === null ? '(ohne Quelle)' : r.label,
  ...STEPS.map((s) => r.counts[s] ?? 0),
  formatPct(r.contractRate),
];

/**
 * The funnel as CSV for Excel (UTF-8 with BOM, ';', German headers): the total row, then one row per
 * source, consultant and location; lost reasons and the open pipeline as their own blocks below.
 */
export function salesFunnelCsv(report: SalesFunnelReport): string {
  const total = Object.fromEntries(report.steps.map((s) => [s.step, s.count]));
  const contract = report.steps.find((s) => s.step === 'contract')!;
  const lines: Array<Array<string | number>> = [
    ['Aufteilung', 'Wert', ...STEPS.map((s) => STEP_NAMES[s]), 'Lead → Vertrag in %'],
    ['Gesamt', '', ...STEPS.map((s) => total[s] ?? 0), formatPct(contract.rateFromLeads)],
    ...BREAKDOWNS.flatMap(([field, kind]) => report[field].map((r) => breakdownRow(kind, r))),
    [],
    ['Verlustgrund', 'Marke', 'Anzahl'],
    ...report.lost.map((l) => [LOST_REASON_NAMES[l.reason as LostReason] ?? l.reason, l.brand ?? '', l.count]),
    [],
    ['Offene Phase', 'Anzahl', 'Erwarteter Wert in €'],
    ...report.pipeline.map((p) => [STAGE_NAMES[p.stage as OpportunityStage] ?? p.stage, p.count, euro(p.valueCents)]),
  ];
  return `\uFEFF${lines.map((cells) => cells.map(csvField).join(';')).join('\r\n')}\r\n`;
}
