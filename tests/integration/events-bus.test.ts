// The event bus on both engines: an event reaches listeners only after its transaction commits (never for a
// rollback), large commits included, and on PostgreSQL every replica's bus delivers it. The server without a
// broker still feeds its bus and keeps the events in the outbox.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createEventBus, type BusEvent, type EventBus } from '../../events/bus.js';
import { createOutboxRecorder } from '../../events/outbox-recorder.js';
import { BOOTSTRAP_ADMIN } from '../../identity/actor.js';
import { ManualClock } from '../../lib/clock.js';
import { createLogger } from '../../lib/logger.js';
import type { SecretRow } from '../../models/schema.js';
import { describeEachEngine, pgliteEngine, useTestDatabase } from '../support/engines.js';
import { secretRow as baseSecretRow } from '../support/secret-row.js';
import { useTestServer } from '../support/server.js';

const log = createLogger({ level: 'silent' });
const clock = new ManualClock('2026-03-01T00:00:00Z');
const recorder = createOutboxRecorder({ clock });

const secretRow = (overrides: Partial<SecretRow> = {}): SecretRow =>
  baseSecretRow({ name: 'bus-secret', organizationId: 'org-bus', ...overrides }, clock.now());

/** Collects what a bus delivers; `until` waits for a condition (bounded). */
function collect(bus: EventBus) {
  const events: BusEvent[] = [];
  bus.subscribe((e) => events.push(e));
  return {
    events,
    async until(done: () => boolean, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (!done() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      return done();
    },
  };
}

describeEachEngine('event bus', (engine) => {
  const database = useTestDatabase(engine);
  let url: string | undefined;
  let bus: EventBus;
  beforeAll(async () => {
    // The dedicated LISTEN connection goes to the same database as the pool.
    url = engine.name === 'postgres' ? (database().pool!.options as { connectionString: string }).connectionString : undefined;
    bus = createEventBus({ database: database(), url, log });
    await bus.start();
  });
  afterAll(async () => {
    await bus?.stop();
  });

  test('delivers committed events with their stored payload, in order; nothing for a rollback', async () => {
    const seen = collect(bus);
    const secret = secretRow();
    await expect(
      database().db.transaction(async (tx) => {
        await recorder.record(tx, { kind: 'CREATED', actor: BOOTSTRAP_ADMIN, secret: secretRow({ name: 'rolled-back' }) });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await database().db.transaction(async (tx) => {
      await recorder.record(tx, { kind: 'CREATED', actor: BOOTSTRAP_ADMIN, secret });
      await recorder.record(tx, { kind: 'VALUE_UPDATED', actor: BOOTSTRAP_ADMIN, secret, data: { version: 2, valueChanged: true } });
      await recorder.record(tx, { kind: 'VALUE_READ', actor: BOOTSTRAP_ADMIN, secret });
      // Not delivered before the commit.
      await new Promise((r) => setTimeout(r, 100));
      expect(seen.events).toEqual([]);
    });
    expect(await seen.until(() => seen.events.length >= 2)).toBe(true);
    await new Promise((r) => setTimeout(r, 100));
    expect(seen.events.map((e) => e.type)).toEqual(['SECRET_CREATED', 'SECRET_UPDATED']);
    expect(seen.events[1].payload).toMatchObject({ resourceId: secret.id, suggestedCriticality: 'MEDIUM', data: { version: 2 } });
    expect(seen.events.every((e) => e.payload.resourceName === 'bus-secret')).toBe(true);
  });

  test('one commit whose events together exceed NOTIFY\'s 8 KB payload limit arrives whole (notifications carry ids only)', async () => {
    const seen = collect(bus);
    const changedFields = Array.from({ length: 32 }, (_, i) => `field${i}${'x'.repeat(50)}`);
    const secret = secretRow({ name: `n${'a'.repeat(250)}` });
    await database().db.transaction(async (tx) => {
      for (let i = 0; i < 40; i++) await recorder.record(tx, { kind: 'UPDATED', actor: BOOTSTRAP_ADMIN, secret, data: { changedFields } });
    });
    expect(await seen.until(() => seen.events.length >= 40)).toBe(true);
    expect(seen.events.reduce((n, e) => n + JSON.stringify(e.payload).length, 0)).toBeGreaterThan(8192);
    expect(seen.events[39].payload.data.changedFields).toEqual(changedFields);
  });

  test('a throwing listener does not keep the others from their events; unsubscribe stops delivery', async () => {
    const unsubscribeThrower = bus.subscribe(() => {
      throw new Error('listener bug');
    });
    const seen = collect(bus);
    const other: BusEvent[] = [];
    const unsubscribe = bus.subscribe((e) => other.push(e));
    unsubscribe();
    await database().db.transaction((tx) => recorder.record(tx, { kind: 'DELETED', actor: BOOTSTRAP_ADMIN, secret: secretRow() }));
    expect(await seen.until(() => seen.events.length === 1)).toBe(true);
    expect(other).toEqual([]);
    unsubscribeThrower();
  });

  if (engine.name !== 'postgres') return;
  test('every replica\'s bus delivers each committed event (LISTEN/NOTIFY)', async () => {
    const replica = createEventBus({ database: database(), url, log });
    await replica.start();
    try {
      const here = collect(bus);
      const there = collect(replica);
      const secret = secretRow();
      await database().db.transaction((tx) => recorder.record(tx, { kind: 'RESTORED', actor: BOOTSTRAP_ADMIN, secret }));
      expect(await here.until(() => here.events.length === 1)).toBe(true);
      expect(await there.until(() => there.events.length === 1)).toBe(true);
      expect(there.events[0].id).toBe(here.events[0].id);
    } finally {
      await replica.stop();
    }
  });
});

describe('the server without AMQP_URL (embedded default) [pglite]', () => {
  const app = useTestServer(pgliteEngine);

  test('mutations reach the bus subscribers; their events wait unpublished in the outbox', async () => {
    const seen = collect(app().server.events);
    expect(app().server.relay).toBeUndefined();
    const { createSecret } = await app().admin(
      `mutation { createSecret(input: { name: "embedded", type: GENERIC, scope: GLOBAL, value: { value: "embedded-plain" } }) { id } }`,
    );
    expect(await seen.until(() => seen.events.length === 1)).toBe(true);
    expect(seen.events[0]).toMatchObject({ type: 'SECRET_CREATED', payload: { resourceId: createSecret.id, organizationId: null } });
    expect(seen.events[0].payload.recipientIds).toEqual(['bootstrap-admin', 'super-admins']);
    const rows = await app().sql(`select id, published_at, attempts from outbox_events`);
    expect(rows).toEqual([{ id: seen.events[0].id, published_at: null, attempts: 0 }]);
    expect(app().server.services.events).toBe(app().server.events);
  });
});
