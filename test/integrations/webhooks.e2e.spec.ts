import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifySignature, WebhookDispatcher } from '@app/notifications';
import { MovingClock } from '../support/moving-clock.js';
import { type ApiKey, apiKey, family } from '../support/people.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** A webhook receiver on this machine: records what arrives, answers with the statuses it is told. */
class Receiver {
  readonly received: { headers: IncomingHttpHeaders; body: string }[] = [];
  /** How many more times to answer 500 to an event type; everything else gets 200. */
  readonly failures = new Map<string, number>();
  private server: Server | undefined;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        this.received.push({ headers: req.headers, body });
        const type = (JSON.parse(body) as { type: string }).type;
        const failing = this.failures.get(type) ?? 0;
        if (failing > 0) this.failures.set(type, failing - 1);
        res.statusCode = failing > 0 ? 500 : 200;
        res.end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${String((this.server.address() as AddressInfo).port)}/hook`;
  }

  events(): { id: string; type: string; caseReference: string; state: string }[] {
    return this.received.map((delivery) => JSON.parse(delivery.body) as never);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }
}

const clock = new MovingClock(new Date('2026-11-22T10:00:00Z'));
const receiver = new Receiver();
let t: TestApp;
let key: ApiKey;
let secret: string;
let subscriptionId: string;

beforeAll(async () => {
  t = await createTestApp({ WEBHOOK_ALLOW_PRIVATE_TARGETS: true }, { clock });
  key = await apiKey(t, ['webhooks:manage'], { name: 'helpdesk' });
  const url = await receiver.start();
  const created = await key
    .post('/api/v1/webhooks')
    .send({ url, events: ['case.created', 'hold.placed', 'case.state_changed', 'document.uploaded'] })
    .expect(201);
  ({ id: subscriptionId, secret } = created.body as { id: string; secret: string });
});
afterAll(async () => {
  await receiver.stop();
  await t.close();
});

const dispatch = () => t.app.get(WebhookDispatcher).runOnce();
const submit = () => family(t);

describe('webhooks', () => {
  it('deliver each event once, signed over timestamp and body, with its case and state', async () => {
    const { reference } = await submit();
    expect(await dispatch()).toMatchObject({ delivered: 2, retrying: 0 });
    const events = receiver.events().sort((a, b) => a.type.localeCompare(b.type));
    expect(events).toEqual([
      expect.objectContaining({ type: 'case.created', caseReference: reference, state: 'AWAITING_DOCUMENTS' }),
      expect.objectContaining({ type: 'hold.placed', caseReference: reference, state: 'AWAITING_DOCUMENTS' }),
    ]);
    for (const { headers, body } of receiver.received) {
      expect(verifySignature(secret, body, String(headers['nok-signature']), clock.now())).toBe(true);
      expect(verifySignature('whsec_wrong', body, String(headers['nok-signature']), clock.now())).toBe(false);
      expect(headers['nok-event-id']).toBe((JSON.parse(body) as { id: string }).id);
    }
    expect(await dispatch()).toMatchObject({ delivered: 0 }); // nothing twice
  });

  it('retry with backoff: a receiver that fails twice gets the event exactly once more', async () => {
    receiver.received.length = 0;
    receiver.failures.set('case.created', 2);
    const { reference } = await submit();
    expect(await dispatch()).toMatchObject({ delivered: 1, retrying: 1 }); // hold.placed arrives; case.created: 500
    expect(await dispatch()).toMatchObject({ delivered: 0, retrying: 0 }); // not due yet (30 s)
    clock.advanceMinutes(1);
    expect(await dispatch()).toMatchObject({ delivered: 0, retrying: 1 }); // 500 again; next in 60 s
    clock.advanceMinutes(2);
    expect(await dispatch()).toMatchObject({ delivered: 1, retrying: 0 });
    clock.advanceMinutes(120);
    expect(await dispatch()).toMatchObject({ delivered: 0, retrying: 0 });
    const created = receiver.events().filter((event) => event.type === 'case.created');
    expect(created).toHaveLength(3);
    expect(new Set(created.map((event) => event.id)).size).toBe(1); // the same event id each time
    const deliveries = await key.get(`/api/v1/webhooks/${subscriptionId}/deliveries`).expect(200);
    expect(
      (deliveries.body as { caseReference: string; type: string; status: string; attempts: number }[])
        .filter((delivery) => delivery.caseReference === reference)
        .map(({ type, status, attempts }) => ({ type, status, attempts }))
        .sort((a, b) => a.type.localeCompare(b.type)),
    ).toEqual([
      { type: 'case.created', status: 'DELIVERED', attempts: 3 },
      { type: 'hold.placed', status: 'DELIVERED', attempts: 1 },
    ]);
  });

  it('dead-letter after 24 hours of failures, and deliver again on replay with the same event id', async () => {
    receiver.received.length = 0;
    receiver.failures.set('case.created', 1000).set('hold.placed', 1000);
    const { reference } = await submit();
    for (let hour = 0; hour < 26; hour++) {
      await dispatch();
      clock.advanceMinutes(60);
    }
    const dead = await key.get(`/api/v1/webhooks/${subscriptionId}/deliveries?status=DEAD`).expect(200);
    const deadOnes = dead.body as { id: string; eventId: string; lastStatus: number; caseReference: string }[];
    expect(deadOnes.map((delivery) => [delivery.caseReference, delivery.lastStatus])).toEqual([
      [reference, 500],
      [reference, 500],
    ]);

    receiver.failures.clear();
    receiver.received.length = 0;
    await key.post(`/api/v1/webhooks/deliveries/${deadOnes[0].id}/replay`).expect(200);
    expect(await dispatch()).toMatchObject({ delivered: 1 });
    expect(receiver.events().map((event) => event.id)).toEqual([deadOnes[0].eventId]);
  });

  it('deliver what another instance committed before it stopped', async () => {
    receiver.received.length = 0;
    const other = await createTestApp(
      { DATABASE_URL: t.config.DATABASE_URL, DOCUMENT_MASTER_KEY: t.config.DOCUMENT_MASTER_KEY },
      { clock },
    );
    const { reference } = await family(other);
    await other.close(); // stopped before any dispatch ran there
    await dispatch();
    expect(receiver.events().filter((event) => event.caseReference === reference)).toHaveLength(2);
  });

  it('keep each key to its own subscriptions', async () => {
    const stranger = await apiKey(t, ['webhooks:manage'], { name: 'other' });
    const listed = await stranger.get('/api/v1/webhooks').expect(200);
    expect(listed.body).toEqual([]);
    await stranger.get(`/api/v1/webhooks/${subscriptionId}/deliveries`).expect(404);
    await stranger.delete(`/api/v1/webhooks/${subscriptionId}`).expect(404);
  });
});

describe('webhook targets in production', () => {
  it.each(['http://hooks.example.com/x', 'https://127.0.0.1/x', 'https://10.0.0.1/x', 'https://localhost/x'])(
    'refuse %s',
    async (url) => {
      const production = await createTestApp({ NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE_TARGETS: false });
      try {
        const productionKey = await apiKey(production, ['webhooks:manage'], { name: 'p' });
        const refused = await productionKey
          .post('/api/v1/webhooks')
          .send({ url, events: ['case.created'] })
          .expect(400);
        expect((refused.body as { errors: { field: string }[] }).errors[0].field).toBe('url');
      } finally {
        await production.close();
      }
    },
  );
});
