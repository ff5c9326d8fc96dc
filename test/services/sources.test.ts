/**
 * What `marsad watch` follows and how often: durations, sources files, back-off.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkEvery, commandLineTargets, parseDuration, readSourcesFile } from '../../src/services/sources.js';
import { backoffMs, isTransient, MAX_BACKOFF_MS } from '../../src/services/watch.js';
import { FetchHttpError } from '../../src/fetch/fetcher.js';
import { MarsadError } from '../../src/errors.js';
import { tempDir } from '../helpers/tmp.js';

describe('durations', () => {
  it('reads units and sums of them', () => {
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('1h30m')).toBe(5_400_000);
    expect(parseDuration('90s')).toBe(90_000);
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('1d')).toBe(86_400_000);
    expect(parseDuration('0')).toBe(0);
  });

  it('refuses what is not a duration', () => {
    for (const bad of ['', '15', 'm', '15 minutes', '-5m', '1h 30m', `${'1'.repeat(50)}s`]) expect(parseDuration(bad), bad).toBeNull();
  });

  it('refuses a poll interval under a minute, naming the option', () => {
    expect(checkEvery('2m', '--every')).toBe(120_000);
    expect(() => checkEvery('30s', '--every')).toThrow(/--every: .*shorter than the shortest interval/);
    expect(() => checkEvery('soon', '--every')).toThrow(/"soon" is not a duration/);
  });
});

describe('sources file', () => {
  const write = (value: unknown) => {
    const path = join(tempDir(), 'sources.json');
    writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
    return path;
  };

  it('gives each source its outlet and interval, the file default or its own', () => {
    const path = write({
      every: '30m',
      sources: [
        { url: 'https://hawarnews.example/ar/rss', outlet: 'هاوار' },
        { url: 'https://enab.example/feed', outlet: 'عنب بلدي', every: '1h', language: 'ar' },
      ],
    });
    expect(readSourcesFile(path, 900_000)).toEqual([
      { url: 'https://hawarnews.example/ar/rss', outlet: 'هاوار', language: 'ar', everyMs: 1_800_000 },
      { url: 'https://enab.example/feed', outlet: 'عنب بلدي', language: 'ar', everyMs: 3_600_000 },
    ]);
  });

  it('names the file and the entry of every problem', () => {
    const cases: [unknown, RegExp][] = [
      ['{ not json', /not JSON/],
      [{ sources: [] }, /sources: lists no source/],
      [{ sources: [{ url: 'file:///etc/passwd' }] }, /sources\[0\]\.url: must be an http or https URL/],
      [{ sources: [{ url: 'https://a.example/f', every: '5s' }] }, /sources\[0\]\.every: must be a duration of 1m or more/],
      [{ sources: [{ url: 'https://a.example/f', language: 'fr' }] }, /sources\[0\]\.language: Marsad reads Arabic only/],
      [{ sources: [{ url: 'https://a.example/f', feeds: [] }] }, /sources\[0\]: .*feeds/],
      [{ sources: [{ url: 'https://a.example/f' }, { url: 'https://a.example/f' }] }, /sources\[1\]: https:\/\/a\.example\/f is listed twice/],
    ];
    for (const [value, message] of cases) {
      const path = write(value);
      let error: unknown;
      try {
        readSourcesFile(path, 900_000);
      } catch (e) {
        error = e;
      }
      expect(error, JSON.stringify(value)).toBeInstanceOf(MarsadError);
      expect((error as MarsadError).code).toBe('watch-sources');
      expect((error as MarsadError).message).toContain(path);
      expect((error as MarsadError).message).toMatch(message);
    }
    expect(() => readSourcesFile(join(tempDir(), 'none.json'), 1)).toThrow(/no such file/);
  });

  it('takes URLs from the command line once each, and refuses what is not http(s)', () => {
    expect(commandLineTargets(['https://a.example/f', 'https://a.example/f'], 60_000)).toHaveLength(1);
    expect(() => commandLineTargets(['a.example/feed'], 60_000)).toThrow(/not an http or https URL/);
  });
});

describe('back-off', () => {
  it('doubles the interval with each failure in a row, up to its cap, and lets Retry-After ask for more', () => {
    expect(backoffMs(1, 900_000, null)).toBe(900_000);
    expect(backoffMs(2, 900_000, null)).toBe(1_800_000);
    expect(backoffMs(3, 900_000, null)).toBe(3_600_000);
    expect(backoffMs(30, 900_000, null)).toBe(MAX_BACKOFF_MS);
    expect(backoffMs(1, 900_000, 7_200_000)).toBe(7_200_000);
  });

  it('tries again after what may pass, not after what will not', () => {
    expect(isTransient(new MarsadError('fetch-timeout', 'u'))).toBe(true);
    expect(isTransient(new MarsadError('fetch-failed', 'u'))).toBe(true);
    expect(isTransient(new FetchHttpError('u', '503', 503, null))).toBe(true);
    expect(isTransient(new FetchHttpError('u', '429', 429, 1000))).toBe(true);
    expect(isTransient(new FetchHttpError('u', '404', 404, null))).toBe(false);
    expect(isTransient(new MarsadError('fetch-robots', 'u'))).toBe(false);
    expect(isTransient(new MarsadError('input-empty', 'u'))).toBe(false);
    expect(isTransient(new Error('x'))).toBe(false);
  });
});
