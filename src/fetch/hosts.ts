/**
 * Politeness: how often, and how many at once, Marsad sends requests to one host.
 *
 * Each host name has a small queue. A request waits for a slot: at most `concurrency`
 * requests to the host are in flight, and two requests to it start at least `delayMs` apart
 * (start to start; a site's robots.txt `Crawl-delay` can lengthen the delay for its host).
 * Waiting is a timer per host, never a loop: a host with nothing queued holds no timer.
 * Different hosts never wait for each other.
 */
import { MarsadError } from '../errors.js';

interface Waiter {
  readonly resolve: (release: () => void) => void;
  readonly reject: (error: Error) => void;
}

interface HostState {
  active: number;
  /** When the last request to the host started (performance.now()); -Infinity before the first. */
  lastStart: number;
  /** The least time between two starts for this host. */
  delayMs: number;
  readonly waiting: Waiter[];
  timer: ReturnType<typeof setTimeout> | null;
}

export class HostQueues {
  private readonly hosts = new Map<string, HostState>();
  private closed = false;

  constructor(
    private readonly delayMs: number,
    private readonly concurrency: number,
  ) {}

  /**
   * Waits for a slot to send one request to `host`; the returned function frees it and must
   * be called once the response has been read (or has failed).
   */
  acquire(host: string): Promise<() => void> {
    if (this.closed) return Promise.reject(new MarsadError('fetch-failed', host, 'the fetcher was closed'));
    const state = this.state(host);
    return new Promise((resolve, reject) => {
      state.waiting.push({ resolve, reject });
      this.pump(host, state);
    });
  }

  /** Lengthens the delay for one host (a robots.txt Crawl-delay); never shortens it below the default. */
  setDelay(host: string, delayMs: number): void {
    const state = this.state(host);
    state.delayMs = Math.max(this.delayMs, delayMs);
  }

  /** The delay in force for a host. */
  delayFor(host: string): number {
    return this.hosts.get(host)?.delayMs ?? this.delayMs;
  }

  /** Refuses every queued request and every later one. */
  close(): void {
    this.closed = true;
    for (const [host, state] of this.hosts) {
      if (state.timer) clearTimeout(state.timer);
      state.timer = null;
      for (const waiter of state.waiting.splice(0)) waiter.reject(new MarsadError('fetch-failed', host, 'the fetcher was closed'));
    }
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { active: 0, lastStart: -Infinity, delayMs: this.delayMs, waiting: [], timer: null };
      this.hosts.set(host, state);
    }
    return state;
  }

  /** Starts the next waiting request if a slot is free and the delay has passed, else arms the timer. */
  private pump(host: string, state: HostState): void {
    if (this.closed || state.timer || state.waiting.length === 0 || state.active >= this.concurrency) return;
    const wait = state.lastStart + state.delayMs - performance.now();
    if (wait > 0) {
      state.timer = setTimeout(() => {
        state.timer = null;
        this.pump(host, state);
      }, Math.ceil(wait));
      return;
    }
    const waiter = state.waiting.shift()!;
    state.active++;
    state.lastStart = performance.now();
    let released = false;
    waiter.resolve(() => {
      if (released) return;
      released = true;
      state.active--;
      this.pump(host, state);
    });
    this.pump(host, state);
  }
}
