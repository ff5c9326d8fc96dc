/**
 * Politeness (issue 13, item 3): requests to one host start at least `hostDelayMs` apart and
 * at most `hostConcurrency` run at once; another host does not wait. Times are the servers'
 * receive times (performance.now() in this process). A receive time trails its start by the
 * request's latency, so each test first warms the connection and then allows 100 ms less than
 * the delay: that margin is only ever lost to latency, never to a timer firing early (the
 * queue re-arms its timer until the delay has passed).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MarsadError } from '../../src/errors.js';
import { Fetcher } from '../../src/fetch/fetcher.js';
import { HostQueues } from '../../src/fetch/hosts.js';
import { startServer, type Handler, type TestServer } from './server.js';

const page: Handler = (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
const slow: Handler = (_req, res) => void setTimeout(() => res.writeHead(200).end('slow'), 150);

let one: TestServer; // 127.0.0.1
let two: TestServer; // 127.0.0.2
beforeAll(async () => {
  one = await startServer({ '/a': page, '/b': page, '/c': page, '/slow': slow });
  two = await startServer({ '/a': page }, '127.0.0.2');
});
afterAll(async () => {
  await one?.close();
  await two?.close();
});

const arrivals = (s: TestServer, from: number) => s.received.slice(from).map((r) => r.at);

describe('politeness', () => {
  it('spaces two requests to one host by at least hostDelayMs, even when asked at once', async () => {
    const delay = 600;
    const f = new Fetcher({ allowPrivate: true, robots: false, hostDelayMs: delay });
    await f.get({ url: `${one.origin}/a` }); // warm: the connection exists before the measured pair
    const from = one.received.length;
    await Promise.all([f.get({ url: `${one.origin}/b` }), f.get({ url: `${one.origin}/c` })]);
    await f.close();
    const [b, c] = arrivals(one, from);
    expect(c! - b!).toBeGreaterThanOrEqual(delay - 100);
  });

  it('does not delay a request to another host', async () => {
    const delay = 3000;
    const f = new Fetcher({ allowPrivate: true, robots: false, hostDelayMs: delay });
    await f.get({ url: `${one.origin}/a` });
    const fromOne = one.received.length;
    const fromTwo = two.received.length;
    const started = performance.now();
    const again = f.get({ url: `${one.origin}/b` }); // must wait for 127.0.0.1
    await f.get({ url: `${two.origin}/a` }); // must not
    const otherHost = performance.now() - started;
    await again;
    await f.close();
    expect(otherHost).toBeLessThan(delay / 2);
    expect(arrivals(two, fromTwo)[0]! - started).toBeLessThan(delay / 2);
    expect(arrivals(one, fromOne)[0]! - started).toBeGreaterThanOrEqual(delay - 100 - 50);
  });

  it('runs at most hostConcurrency requests to one host at once', async () => {
    for (const concurrency of [1, 3]) {
      const f = new Fetcher({ allowPrivate: true, robots: false, hostDelayMs: 0, hostConcurrency: concurrency });
      one.maxInFlight = 0;
      await Promise.all(Array.from({ length: 6 }, () => f.get({ url: `${one.origin}/slow` })));
      await f.close();
      expect(one.maxInFlight).toBe(concurrency);
    }
  });

  it('rejects what is still queued when the fetcher closes', async () => {
    const f = new Fetcher({ allowPrivate: true, robots: false, hostDelayMs: 5000 });
    await f.get({ url: `${one.origin}/a` });
    const queued = f.get({ url: `${one.origin}/b` });
    const closing = f.close();
    await expect(queued).rejects.toThrow(MarsadError);
    await expect(queued).rejects.toThrow(/the fetcher was closed/);
    await closing;
  });
});

describe('HostQueues', () => {
  it('never lets a slot start before the delay, nor more than the limit at once', async () => {
    const queues = new HostQueues(40, 2);
    const starts: number[] = [];
    let active = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 6 }, async () => {
        const release = await queues.acquire('news.example');
        starts.push(performance.now());
        active++;
        most = Math.max(most, active);
        await new Promise((resolve) => setTimeout(resolve, 5));
        active--;
        release();
      }),
    );
    expect(most).toBeLessThanOrEqual(2);
    // Each start is read just after its slot opened: allow the microseconds between the two.
    for (let i = 1; i < starts.length; i++) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(39);
  });

  it('releases a slot once, however often release is called', async () => {
    const queues = new HostQueues(0, 1);
    const first = await queues.acquire('h');
    first();
    first();
    const second = await queues.acquire('h');
    let thirdIn = false;
    const third = queues.acquire('h').then((r) => ((thirdIn = true), r));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(thirdIn).toBe(false); // the double release did not free a second slot
    second();
    (await third)();
  });
});
