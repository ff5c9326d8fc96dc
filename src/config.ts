/**
 * Configuration: one schema over command-line flags and the environment, checked at start-up.
 * Flags win over the environment; the environment over the defaults.
 */
import { z } from 'zod';
import { MarsadError } from './errors.js';
import { DEFAULT_STORE } from './store/open.js';

export const ConfigSchema = z.object({
  /** The store: a SQLite file path. Flag `--store`, environment `MARSAD_STORE`. */
  store: z.string().min(1, 'the store path is empty').default(DEFAULT_STORE),
  /** Show stack traces of internal errors. Flag `--debug`, environment `MARSAD_DEBUG=1`. */
  debug: z.boolean().default(false),
});
export type Config = z.infer<typeof ConfigSchema>;

/**
 * Reads the configuration.
 *
 * @example
 * resolveConfig({ store: 'x.db' }, process.env)  // { store: 'x.db', debug: false }
 */
export function resolveConfig(flags: { store?: string | undefined; debug?: boolean | undefined }, env: NodeJS.ProcessEnv): Config {
  const parsed = ConfigSchema.safeParse({
    store: flags.store ?? (env.MARSAD_STORE || undefined),
    debug: flags.debug ?? (env.MARSAD_DEBUG === '1' || env.MARSAD_DEBUG === 'true'),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MarsadError('usage', `--${issue.path.join('.')}`, issue.message);
  }
  return parsed.data;
}
