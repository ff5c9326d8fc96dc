/**
 * Every seed article through `marsad extract`: the record validates against the shipped JSON
 * Schema, every span quotes the text exactly, and cleaning finds the title the gold gives.
 */
import { Ajv2020 } from 'ajv/dist/2020.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { packageRoot } from '../../src/lexicon/resources.js';
import type { DocumentRecord, Span } from '../../src/extract/record.js';
import { cli } from '../helpers/cli.js';
import { describeShared, shared } from '../helpers/shared.js';

function spans(r: DocumentRecord): Span[] {
  return [
    ...r.entities.flatMap((e) => e.mentions),
    ...r.dates,
    ...r.quantities,
    ...r.events.flatMap((e) => [e.sentence, e.trigger, ...(e.content ? [e.content] : [])]),
    ...r.messages.flatMap((m) => (m.span ? [m.span] : [])),
  ];
}

describeShared('seeds: records against the contract', () => {
  const schema = JSON.parse(readFileSync(join(packageRoot(), 'schema', 'document.schema.json'), 'utf8'));
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(schema);
  const seeds = readdirSync(shared('seeds')).filter((f) => f.endsWith('.txt'));

  it('has the five seeds', () => expect(seeds).toHaveLength(5));

  for (const seed of seeds) {
    it(seed, async () => {
      const gold = JSON.parse(readFileSync(shared('gold', seed.replace(/\.txt$/, '.json')), 'utf8'));
      const dated = gold.meta.published ? ['--published', gold.meta.published] : [];
      const r = await cli(['extract', shared('seeds', seed), '--json', ...dated]);
      expect(r.code).toBe(0);
      const record = JSON.parse(r.stdout) as DocumentRecord;
      expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
      for (const s of spans(record)) expect(record.text.slice(s.start, s.end)).toBe(s.text);
      expect(record.title).toBe(gold.meta.title);
      expect(record.published).toBe(gold.meta.published);
      expect(record.text.startsWith(record.title!)).toBe(true);
    });
  }
});
