/**
 * The options of commands that fetch from the web (`ingest URL`, `watch`): the SSRF guard's
 * exceptions, politeness and limits, each checked, and the fetcher they configure.
 */
import type { Command } from 'commander';
import { MarsadError } from '../errors.js';
import { DEFAULT_HOST_DELAY_MS, DEFAULT_MAX_BYTES, DEFAULT_TIMEOUT_MS, Fetcher } from '../fetch/fetcher.js';
import { parseDuration } from '../services/sources.js';

export interface FetchFlags {
  allowPrivate?: boolean;
  allowAddress?: string[];
  delay?: number;
  timeout?: number;
  maxSize?: number;
}

/** A duration option ("1s", "500ms", "0") within bounds, in milliseconds. */
export function durationOption(name: string, minMs: number, maxMs: number) {
  return (value: string): number => {
    const ms = parseDuration(value);
    if (ms === null) throw new MarsadError('usage', name, `"${value}" is not a duration (write 500ms, 2s, 1m)`);
    if (ms < minMs || ms > maxMs) throw new MarsadError('usage', name, `${value} is outside ${minMs} ms..${maxMs / 1000} s`);
    return ms;
  };
}

function sizeOption(value: string): number {
  const m = /^(\d+)\s*(kb|k|mb|m)?$/i.exec(value.trim());
  if (!m) throw new MarsadError('usage', '--max-size', `"${value}" is not a size (write 10MB or 500KB)`);
  const n = Number(m[1]) * (/^m/i.test(m[2] ?? 'b') ? 1024 * 1024 : /^k/i.test(m[2] ?? 'b') ? 1024 : 1);
  if (n < 1024 || n > 256 * 1024 * 1024) throw new MarsadError('usage', '--max-size', `${value} is outside 1KB..256MB`);
  return n;
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Adds the fetching options to a command. */
export function addFetchOptions(command: Command): Command {
  return command
    .option('--allow-private', 'also fetch from loopback, private and link-local addresses (a server on your own network); off by default')
    .option('--allow-address <range>', 'fetch from this private address or range (10.1.2.3, 10.1.0.0/16), the guard staying on for others; repeatable', collect, [] as string[])
    .option('--delay <duration>', `least time between two requests to one host (default ${DEFAULT_HOST_DELAY_MS / 1000}s; a robots.txt Crawl-delay that asks for more wins)`, durationOption('--delay', 0, 60_000))
    .option('--timeout <duration>', `time allowed for one request, body included (default ${DEFAULT_TIMEOUT_MS / 1000}s)`, durationOption('--timeout', 1000, 600_000))
    .option('--max-size <size>', `largest response read, once decompressed (default ${DEFAULT_MAX_BYTES / 1024 / 1024}MB)`, sizeOption);
}

/** The fetcher the options ask for. */
export function fetcherFrom(flags: FetchFlags): Fetcher {
  return new Fetcher({
    allowPrivate: flags.allowPrivate === true,
    ...(flags.allowAddress && flags.allowAddress.length > 0 ? { allowAddresses: flags.allowAddress } : {}),
    ...(flags.delay !== undefined ? { hostDelayMs: flags.delay } : {}),
    ...(flags.timeout !== undefined ? { timeoutMs: flags.timeout } : {}),
    ...(flags.maxSize !== undefined ? { maxBytes: flags.maxSize } : {}),
  });
}
