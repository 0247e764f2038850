import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '@test/support/app';
import { ManualClock } from '@server/lib/clock';
import { uniqueVin, vehicleInput } from '@server/modules/vehicles/test-factories';
import { upload, windows1252 } from './test-support';

/**
 * The bank's end-of-contract list (R2.11): each row finds its vehicle by VIN, else by plate,
 * and sets the contract the bank reports; what cannot be matched for sure is only reported.
 * The lifecycle's financing-end rule then acts on the new dates.
 */
type Client = TestClient & { userId: string };

let t: TestApp;
let admin: Client;
let manager: Client;
let consultant: Client;

beforeAll(async () => {
  // Monday 2 March 2026, 09:00 in Berlin.
  t = await createTestApp({
    clock: new ManualClock('2026-03-02T08:00:00Z'),
    env: { CRM_SESSION_IDLE_MINUTES: '1000000', CRM_SESSION_MAX_HOURS: '100000' },
  });
  admin = await t.userWithRole('admin');
  manager = await t.userWithRole('manager');
  consultant = await t.userWithRole('sales');
});
afterAll(() => t?.close());

/** A customer of the consultant who may be called about offers, with one car. */
async function customerWithCar(vehicle: Record<string, unknown>) {
  const contact = await manager.post('/api/contacts', {
    firstName: 'Jürgen',
    lastName: `Müller${Math.random().toString(36).slice(2, 8)}`,
    homeLocationId: t.location.id,
    salesConsultantId: consultant.userId,
    ignoreDuplicates: true,
  });
  expect(contact.statusCode, contact.body).toBe(201);
  const contactId = contact.json().id as string;
  const consent = await manager.post(`/api/contacts/${contactId}/consents`, {
    channel: 'phone',
    purpose: 'marketing',
    status: 'granted',
    source: 'signed_form',
  });
  expect(consent.statusCode, consent.body).toBeLessThan(300);
  const created = await manager.post(
    '/api/vehicles',
    vehicleInput({ locationId: t.location.id, contacts: [{ contactId, role: 'owner' }], ...vehicle }),
  );
  expect(created.statusCode, created.body).toBe(201);
  return { contactId, vehicleId: created.json().id as string };
}

async function vehicleRow(id: string) {
  const [row] = await t.database.query<{
    financing_type: string;
    financing_end: string | null;
    financing_bank: string | null;
    financing_contract_number: string | null;
    financing_residual_cents: number | null;
    version: number;
  }>(
    `SELECT financing_type, financing_end::text AS financing_end, financing_bank, financing_contract_number,
            financing_residual_cents, version FROM vehicles WHERE id = $1`,
    [id],
  );
  return row!;
}

async function uploadList(csv: string | Buffer, name = 'vertragsende.csv') {
  const res = await upload(admin, 'bank_contracts', name, typeof csv === 'string' ? Buffer.from(csv) : csv);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    headers: string[];
    sampleRows: string[][];
    suggestedMapping: Record<string, string>;
  };
}

interface RowReport {
  row: number;
  action: string;
  reasons: Array<{ field: string; column: string | null; code?: string; message: string }>;
  vehicleId?: string;
}

async function dryRun(id: string, mapping: Record<string, string>) {
  const res = await admin.post(`/api/imports/${id}/dry-run`, { mapping });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { totals: Record<string, number>; rows: RowReport[] };
}

async function apply(id: string, mapping: Record<string, string>) {
  const res = await admin.post(`/api/imports/${id}/apply`, { mapping });
  expect(res.statusCode, res.body).toBe(202);
  await t.services.imports.idle();
  return (await admin.get(`/api/imports/${id}`)).json();
}

async function bankEntries(contactId: string) {
  const timeline = (await manager.get(`/api/contacts/${contactId}/timeline?kinds=vehicle_changed`)).json();
  return (timeline.items as Array<{ summary: string }>).filter((e) => e.summary.includes('laut Bank'));
}

describe('the bank end-of-contract list', () => {
  it('reads a Windows-1252 list, shows old → new end in the dry run without writing, then sets the contract once', async () => {
    const vin = uniqueVin();
    const { contactId, vehicleId } = await customerWithCar({
      vin,
      plate: 'K-BF 101',
      financingType: 'financing',
      financingBank: 'Hausbank',
      financingEnd: '2026-05-31',
    });
    const file = windows1252(
      'Vertragsnummer;Fahrgestellnummer;Amtl. Kennzeichen;Kunde;Vertragsart;Laufzeitende;Schlussrate in €;Bank\r\n' +
        `FV-778812;${vin};K-BF 101;Jürgen Müller;Ballonfinanzierung;31.03.2027;12.345,67 €;Bank für Kraftfahrzeuge Köln\r\n`,
    );
    const uploaded = await uploadList(file);
    expect(uploaded.sampleRows[0]).toContain('Jürgen Müller');
    expect(uploaded.suggestedMapping).toEqual({
      Vertragsnummer: 'contractNumber',
      Fahrgestellnummer: 'vin',
      'Amtl. Kennzeichen': 'plate',
      Kunde: 'customerName',
      Vertragsart: 'contractType',
      Laufzeitende: 'contractEnd',
      'Schlussrate in €': 'residualAmount',
      Bank: 'bank',
    });

    const before = await vehicleRow(vehicleId);
    const report = await dryRun(uploaded.id, uploaded.suggestedMapping);
    expect(report.totals).toEqual({ create: 0, update: 1, skip: 0, reject: 0 });
    expect(report.rows[0]).toMatchObject({ action: 'update', vehicleId });
    expect(report.rows[0]!.reasons).toContainEqual(
      expect.objectContaining({ code: 'financing_end_changed', message: '31.05.2026 → 31.03.2027' }),
    );
    // The dry run wrote nothing.
    expect(await vehicleRow(vehicleId)).toEqual(before);
    expect(await bankEntries(contactId)).toEqual([]);
    const csv = await admin.get(`/api/imports/${uploaded.id}/report.csv`);
    expect(csv.body).toContain('würde aktualisiert');
    expect(csv.body).toContain('Laufzeitende: 31.05.2026 → 31.03.2027');

    const job = await apply(uploaded.id, uploaded.suggestedMapping);
    expect(job).toMatchObject({ status: 'done', totals: { update: 1, skip: 0, reject: 0 } });
    expect(await vehicleRow(vehicleId)).toEqual({
      financing_type: 'balloon',
      financing_end: '2027-03-31',
      financing_bank: 'Bank für Kraftfahrzeuge Köln',
      financing_contract_number: 'FV-778812',
      financing_residual_cents: 1_234_567,
      version: before.version + 1,
    });
    const shown = (await manager.get(`/api/vehicles/${vehicleId}`)).json();
    expect(shown).toMatchObject({ financingContractNumber: 'FV-778812', financingResidualCents: 1_234_567 });
    const entries = await bankEntries(contactId);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.summary).toBe('Finanzierungsende laut Bank: 31.03.2027 (Fahrzeug K-BF 101 (VW Golf))');

    // The same list again changes nothing, and the report says so row by row.
    const again = await uploadList(file);
    const second = await apply(again.id, again.suggestedMapping);
    expect(second).toMatchObject({ status: 'done', totals: { create: 0, update: 0, skip: 1, reject: 0 } });
    const againCsv = await admin.get(`/api/imports/${again.id}/report.csv`);
    expect(againCsv.body).toContain('das Fahrzeug hat diesen Vertrag schon; keine Änderung');
    expect((await vehicleRow(vehicleId)).version).toBe(before.version + 1);
    expect(await bankEntries(contactId)).toHaveLength(1);
  });

  it('matches by VIN, falls back to the plate, and only reports what it cannot match for sure', async () => {
    const byVin = await customerWithCar({ vin: uniqueVin(), plate: 'B-BV 201' });
    const byPlate = await customerWithCar({ vin: null, plate: 'B-BP 202' });
    await customerWithCar({ vin: null, plate: 'B-BA 203' });
    await customerWithCar({ vin: null, plate: 'B-BA 203' });
    const otherVin = await customerWithCar({ vin: uniqueVin(), plate: 'B-BO 204' });
    const vinOfByVin = (await manager.get(`/api/vehicles/${byVin.vehicleId}`)).json().vin as string;
    const file =
      'Vertragsnummer;FIN;Kennzeichen;Vertragsart;Vertragsende;Restwert;Bank\n' +
      // 2: by VIN, although the bank has an old plate.
      `L-1;${vinOfByVin};B-XX 999;Leasing;30.09.2026;8.900,00;Leasingbank\n` +
      // 3: no VIN in the list: by plate.
      `L-2;;B-BP 202;Finanzierung;15.10.2026;;Autobank\n` +
      // 4: the plate is on two vehicles.
      `L-3;;B-BA 203;Leasing;31.12.2026;;Autobank\n` +
      // 5: unknown VIN; its plate belongs to a vehicle with another VIN.
      `L-4;${uniqueVin()};B-BO 204;Leasing;31.12.2026;;Autobank\n` +
      // 6: unknown plate.
      `L-5;;HH-ZZ 9;Leasing;31.12.2026;;Autobank\n` +
      // 7: the first row's vehicle again.
      `L-6;${vinOfByVin};;Leasing;31.10.2026;;Leasingbank\n` +
      // 8, 9, 10: cells that cannot be read, each named by its column.
      `L-7;;B-BP 202;Leasing;31.02.2027;;Autobank\n` +
      `L-8;;B-BP 202;Leasing;31.12.2026;zwölftausend;Autobank\n` +
      `L-9;;;Leasing;31.12.2026;;Autobank\n`;
    const uploaded = await uploadList(file);
    const report = await dryRun(uploaded.id, uploaded.suggestedMapping);
    const row = (n: number) => report.rows.find((r) => r.row === n)!;
    expect(report.totals).toEqual({ create: 0, update: 2, skip: 0, reject: 7 });
    expect(row(2)).toMatchObject({ action: 'update', vehicleId: byVin.vehicleId });
    expect(row(3)).toMatchObject({ action: 'update', vehicleId: byPlate.vehicleId });
    expect(row(4).reasons).toContainEqual(
      expect.objectContaining({ code: 'vehicle_ambiguous', column: 'Kennzeichen' }),
    );
    expect(row(5).reasons).toContainEqual(expect.objectContaining({ code: 'vehicle_not_found', column: 'FIN' }));
    expect(row(6).reasons).toContainEqual(
      expect.objectContaining({ code: 'vehicle_not_found', column: 'Kennzeichen' }),
    );
    expect(row(7).reasons).toContainEqual(expect.objectContaining({ message: 'gleiches Fahrzeug wie Zeile 2' }));
    expect(row(8).reasons).toEqual([
      expect.objectContaining({ column: 'Vertragsende', message: 'ist kein gültiges Kalenderdatum' }),
    ]);
    expect(row(9).reasons).toEqual([
      expect.objectContaining({ column: 'Restwert', message: 'erwartet einen Betrag in Euro wie 12.345,67' }),
    ]);
    expect(row(10).reasons).toEqual([expect.objectContaining({ code: 'vin_or_plate_required' })]);
    for (const n of [4, 5, 6, 7, 8, 9, 10]) expect(row(n).action).toBe('reject');

    const job = await apply(uploaded.id, uploaded.suggestedMapping);
    expect(job.totals).toEqual({ create: 0, update: 2, skip: 0, reject: 7 });
    expect(await vehicleRow(byVin.vehicleId)).toMatchObject({
      financing_type: 'leasing',
      financing_end: '2026-09-30',
      financing_residual_cents: 890_000,
    });
    expect(await vehicleRow(byPlate.vehicleId)).toMatchObject({
      financing_type: 'financing',
      financing_end: '2026-10-15',
      financing_bank: 'Autobank',
      financing_residual_cents: null,
    });
    expect(await vehicleRow(otherVin.vehicleId)).toMatchObject({ financing_type: 'none', financing_end: null });
  });

  it('refuses a mapping without the contract end, naming it', async () => {
    const uploaded = await uploadList(`FIN;Bank\n${uniqueVin()};Autobank\n`);
    const res = await admin.post(`/api/imports/${uploaded.id}/dry-run`, { mapping: uploaded.suggestedMapping });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual(
      expect.objectContaining({ field: 'mapping', code: 'column_required', params: { fields: ['contractEnd'] } }),
    );
  });

  it('gives the lifecycle the new end: its next run plans one financing-end call for the consultant', async () => {
    const vin = uniqueVin();
    const { vehicleId } = await customerWithCar({ vin, plate: 'M-LF 301' });
    const uploaded = await uploadList(`FIN;Vertragsende;Vertragsart\n${vin};30.04.2027;Leasing\n`);
    const report = await dryRun(uploaded.id, uploaded.suggestedMapping);
    expect(report.rows[0]!.reasons).toContainEqual(
      expect.objectContaining({ code: 'financing_end_changed', message: 'bisher keines → 30.04.2027' }),
    );
    await apply(uploaded.id, uploaded.suggestedMapping);

    const actions = () =>
      t.database.query<{ status: string; occurrence: string; activity_owner: string | null }>(
        `SELECT a.status, a.occurrence::text AS occurrence, x.owner_id AS activity_owner
           FROM lifecycle_actions a JOIN lifecycle_rules r ON r.id = a.rule_id
           LEFT JOIN activities x ON x.id = a.activity_id
          WHERE a.vehicle_id = $1 AND r.default_key = 'financing_end'`,
        [vehicleId],
      );
    const run = async () => expect((await manager.post('/api/lifecycle/run')).statusCode).toBe(200);

    await run();
    expect(await actions()).toEqual([]);
    // Four months before 30 April 2027.
    t.clock.set('2026-12-30T08:00:00Z');
    await run();
    await run();
    expect(await actions()).toEqual([{ status: 'done', occurrence: '2027-04-30', activity_owner: consultant.userId }]);
  });
});
