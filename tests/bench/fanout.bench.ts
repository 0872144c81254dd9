/*
 * Live fan-out: 200 devices of one store hold the event stream open; one device pushes a document; how long
 * until every device has it. Twenty pushes; p99 over all (push, device) arrival times is reported.
 */
import { v7 as uuidv7 } from 'uuid';
import { startPosServer } from '../e2e/support/pos-server.test-helper.ts';
import { DeviceClient } from '../support/device-client.test-helper.ts';
import { openEventStream, type SseConnection } from '../support/sse-client.test-helper.ts';
import { percentile, report } from './report.ts';

const CODE = 'BENCH-FANOUT-01';
const DEVICES = 200;
const PUSHES = 20;

export async function benchFanout(): Promise<void> {
  const server = await startPosServer({ env: { POS_ENROLLMENT_CODE: CODE } });
  const connections: SseConnection[] = [];
  try {
    const devices: DeviceClient[] = [];
    for (let index = 0; index < DEVICES; index++) devices.push(await DeviceClient.enrol(server.url, CODE, `tablet-${index}`));
    const waiting = new Map<string, { started: number; remaining: number; done: () => void }>();
    const arrivals: number[] = [];
    for (const device of devices) {
      const connection = openEventStream(`${server.url}/api/v1/sync/stream`, device.enrolment.token, (event) => {
        if (event.event !== 'change') return;
        const change = JSON.parse(event.data) as { collection: string; documents: Array<{ id: string }> };
        for (const document of change.documents) {
          const pending = waiting.get(document.id);
          if (!pending) continue;
          arrivals.push(performance.now() - pending.started);
          if (--pending.remaining === 0) pending.done();
        }
      });
      connections.push(connection);
    }
    await Promise.all(connections.map((connection) => connection.ready));

    const sender = devices[0]!;
    for (let push = 0; push < PUSHES; push++) {
      const id = uuidv7();
      const arrived = new Promise<void>((resolve) => waiting.set(id, { started: performance.now(), remaining: DEVICES, done: resolve }));
      const audit = { id, storeId: sender.enrolment.storeId, deviceId: sender.enrolment.deviceId, action: 'bench.ping', staffId: 'bench', createdAt: new Date().toISOString() };
      const { status } = await sender.push('audit', [audit]);
      if (status !== 200) throw new Error(`push answered ${status}`);
      await Promise.race([arrived, new Promise((_, reject) => setTimeout(() => reject(new Error('fan-out timed out after 10 s')), 10_000))]);
    }
    report('fanout_200_p99_ms', percentile(arrivals, 99), 'ms', { p50: Math.round(percentile(arrivals, 50)), arrivals: arrivals.length });
  } finally {
    for (const connection of connections) connection.close();
    await server.stop();
  }
}
