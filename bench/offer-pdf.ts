import type { Database } from '../src/server/db/client';
import { offerContent, salesRecords } from '../src/server/modules/sales/documents/test-factory';
import type { BenchApp } from './http';
import { type Measurement, measure } from './stats';

const OFFER_PDF_TARGET_MS = 200;
const OFFERS = Number(process.env.BENCH_OFFER_PDFS ?? 300);

/**
 * The offer PDF through its route (POST /api/offers/:id/pdf): read the offer, render it on the
 * letterhead, store it, point the offer to it. Every sample is another offer, so each one renders
 * and stores a new file; then the same offers once more with four at a time, for the sustained rate.
 */
export async function measureOfferPdf(bench: BenchApp, database: Database): Promise<Measurement[]> {
  const [location] = await database.query<{ id: string }>('SELECT id FROM locations ORDER BY code LIMIT 1');
  const contacts = await database.query<{ id: string }>(
    'SELECT id FROM contacts WHERE merged_into_id IS NULL ORDER BY id LIMIT $1',
    [OFFERS],
  );
  const offerIds: string[] = [];
  for (const [i, contact] of contacts.entries()) {
    const records = await salesRecords(database.db, {
      locationId: location!.id,
      ownerId: bench.actor.userId,
      contactId: contact.id,
      content: offerContent({ discountCents: 100_000 + i }),
    });
    offerIds.push(records.offer.id);
  }
  const render = async (id: string) => {
    const res = await bench.asUser({ method: 'POST', url: `/api/offers/${id}/pdf` });
    if (res.statusCode !== 200) throw new Error(`offer pdf ${id}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  };
  const samples = await measure(offerIds, (id) => render(id), 20);

  // Sustained: the offers again, four requests in flight (re-renders: rendered and hashed, the stored copy found).
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < offerIds.length) await render(offerIds[next++]!);
    }),
  );
  const perSecond = offerIds.length / ((performance.now() - started) / 1000);
  return [
    {
      name: 'offer PDF rendered and stored',
      samples,
      targetP95Ms: OFFER_PDF_TARGET_MS,
      note: `${offerIds.length} offers; sustained with 4 in flight ${perSecond.toFixed(0)}/s (target ≥ 20/s ${perSecond >= 20 ? '✓' : '✗'})`,
    },
  ];
}
