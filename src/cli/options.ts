/**
 * Parsers for option values: a bad value is a usage error that names the option.
 */
import { MarsadError } from '../errors.js';

/**
 * An integer option within bounds.
 * @example intOption('--limit', 1, 1000)('20')  // 20
 */
export function intOption(name: string, min: number, max: number) {
  return (value: string): number => {
    if (!/^\d+$/.test(value.trim())) throw new MarsadError('usage', name, `"${value}" is not a whole number`);
    const n = Number(value);
    if (n < min || n > max) throw new MarsadError('usage', name, `${n} is outside ${min}..${max}`);
    return n;
  };
}
