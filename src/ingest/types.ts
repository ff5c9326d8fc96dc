/**
 * What the ingest stage hands to the rest of the pipeline.
 */
import type { MarsadError } from '../errors.js';
import type { Iso, Message } from '../extract/record.js';

/** One article as read from an input, before cleaning. */
export interface ArticleInput {
  /** Where it came from, for messages: "news/a.txt", "feed.jsonl:12", "<stdin>". */
  readonly origin: string;
  /**
   * The same place, independent of how it was named: the absolute path for files (with the
   * line or document within it). Two reads of one source are recognised by it.
   */
  readonly sourceKey: string;
  readonly source: { path?: string; url?: string; outlet?: string | null };
  /** The title from metadata, or null to take the first non-empty line of the body. */
  readonly title: string | null;
  readonly body: string;
  /** An abstract kept apart from the body, if the format has one. */
  readonly lead?: string | null;
  readonly published: Iso | null;
  /** Messages about reading the input (a legacy encoding, an unreadable date). */
  readonly notes: readonly Message[];
}

/** What reading the inputs yields, item by item. */
export type InputItem =
  | { readonly kind: 'article'; readonly article: ArticleInput }
  | { readonly kind: 'failure'; readonly origin: string; readonly error: MarsadError }
  | { readonly kind: 'skipped'; readonly path: string; readonly reason: string }
  /**
   * A feed item whose content is not the article (a teaser, or nothing): its page, at `url`
   * (absolute http(s)), must be fetched to read it. `origin` names the item in its feed
   * ("feeds/hawar.rss#https://…"); the title, date and outlet are the feed's, for the article
   * fetched to fall back on.
   */
  | {
      readonly kind: 'link';
      readonly origin: string;
      readonly url: string;
      readonly title: string | null;
      readonly published: string | null;
      readonly outlet: string | null;
    };
