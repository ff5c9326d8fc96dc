/**
 * Guards the contract: every span of every annotation must satisfy
 * `text.slice(start, end) === span.text`. An annotation that does not is dropped and leaves a
 * `span-invalid` message, so one extractor bug cannot put a false quote on the record.
 */
import { recordMessage } from '../../messages.js';
import type { Span } from '../record.js';
import type { Extraction, ExtractionInput, Refiner } from '../types.js';

function valid(text: string, span: Span | null | undefined): boolean {
  if (!span) return true;
  return (
    Number.isInteger(span.start) &&
    Number.isInteger(span.end) &&
    span.start >= 0 &&
    span.end >= span.start &&
    span.end <= text.length &&
    text.slice(span.start, span.end) === span.text
  );
}

export const validSpans: Refiner = {
  name: 'refine/valid-spans',
  refine({ doc }: ExtractionInput, x: Extraction): Extraction {
    const text = doc.text;
    const messages = [...x.messages];
    const report = (kind: string, span: Span) =>
      messages.push(
        recordMessage(
          'span-invalid',
          `dropped a ${kind} whose span [${span.start}, ${span.end}) does not match the text: "${span.text}"`,
        ),
      );
    const keep = <T extends Span>(kind: string) => (a: T) => {
      if (valid(text, a)) return true;
      report(kind, a);
      return false;
    };
    const entities = x.entities
      .map((e) => ({ ...e, mentions: e.mentions.filter(keep('mention')) }))
      .filter((e) => e.mentions.length > 0);
    const events = x.events.filter((e) => {
      for (const [kind, span] of [
        ['event sentence', e.sentence],
        ['event trigger', e.trigger],
        ['event content', e.content],
        ...(e.evidence ?? []).map((span) => ['event evidence', span] as const),
      ] as const) {
        if (!valid(text, span)) {
          report(kind, span!);
          return false;
        }
      }
      return true;
    });
    return {
      entities,
      dates: x.dates.filter(keep('date')),
      quantities: x.quantities.filter(keep('quantity')),
      events,
      messages: messages.filter((m) => valid(text, m.span)),
    };
  },
};
