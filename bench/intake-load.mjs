// The intake benchmark's load generator. It runs in a worker thread so that
// building and sending requests does not take the event loop of the server
// being measured; plain JavaScript because worker threads start without the
// TypeScript loader.
import http from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const TYPES = ['sales_lead', 'service_appointment', 'callback', 'parts', 'complaint', 'general'];

/** A web-form lead from a new customer each time: duplicate check, contact creation, assignment, SLA timer. */
export function intakeBody(run, locationCode, i, names = { first: ['Erika'], last: ['Mustermann'] }) {
  const type = TYPES[i % TYPES.length];
  return {
    type,
    channel: 'web_form',
    source: 'Bench Website',
    locationCode,
    subject: `Bench-Anfrage ${i}`,
    message: 'Bitte melden Sie sich bei mir, gern vormittags.',
    customer: {
      salutation: i % 2 ? 'mr' : 'ms',
      // Names as customers have them, from a fixed list: made-up unique names would only grow
      // the search's word list. Phone and e-mail are what tells the new customers apart.
      firstName: names.first[i % names.first.length],
      lastName: names.last[(i * 7) % names.last.length],
      // Distinct per run too: a number from an earlier run would match that run's contact instead.
      phone: `+49 151 ${String(10_000_000 + ((Number.parseInt(run, 36) + i * 7919) % 89_999_999)).padStart(8, '0')}`,
      email: `bench-${run}-${i}@example.test`,
    },
  };
}

/** Sends requests from..from+count, `concurrency` in flight; answers with each latency in ms. */
async function drive({ origin, secret, run, locationCode, from, count, concurrency, names }) {
  const latencies = [];
  let errors = 0;
  let firstError = '';
  let next = from;
  // Plain keep-alive HTTP: a lean client, so the figures are the server's, not the client's.
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL('/api/intake/requests', origin);
  const post = (i) =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify(intakeBody(run, locationCode, i, names));
      const req = http.request(
        url,
        {
          method: 'POST',
          agent,
          headers: {
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
            'x-api-key': secret,
            'idempotency-key': `bench-${run}-${i}`,
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const fire = async (i) => {
    const started = performance.now();
    const res = await post(i);
    if (res.status !== 201) {
      errors++;
      firstError ||= `${res.status} ${res.body.slice(0, 300)}`;
    }
    latencies.push(performance.now() - started);
  };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < from + count) await fire(next++);
    }),
  );
  const milliseconds = performance.now() - started;
  agent.destroy();
  return { latencies, errors, firstError, milliseconds };
}

if (parentPort && workerData) parentPort.postMessage(await drive(workerData));
