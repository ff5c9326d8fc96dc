/**
 * The one catalogue of Marsad's error codes.
 *
 * Every error a user can meet has a code here, a short meaning, what to do about it, and the
 * exit code the CLI returns for it (the HTTP status lives beside it for the server). The CLI
 * and server turn a {@link MarsadError} into a message that names the input and the problem,
 * never a stack trace (unless `--debug`).
 *
 * Problems found *inside* an article (a weekday that contradicts its date, a removed
 * boilerplate line) are not errors: they are messages on the record (see `extract/messages.ts`).
 */

/** Exit codes the CLI returns; scripts may rely on them (documented in docs/errors.md). */
export const ExitCode = {
  /** Everything asked for was done. */
  OK: 0,
  /** A bug in Marsad: please report it, with the output of `--debug`. */
  INTERNAL: 1,
  /** The command line is wrong (unknown option, bad value). */
  USAGE: 2,
  /** No input could be read at all (missing file, nothing supported in a folder). */
  INPUT: 3,
  /** The store could not be opened, migrated or written. */
  STORE: 4,
  /** The command finished, but some inputs were rejected (each one is listed). */
  PARTIAL: 5,
  /** Something asked for does not exist (an unknown document id). */
  NOT_FOUND: 6,
  /** Invalid configuration or language data shipped with or given to Marsad. */
  CONFIG: 7,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

interface CatalogueEntry {
  /** What went wrong, in a few words. */
  readonly title: string;
  /** What the user can do about it. */
  readonly hint: string;
  readonly exit: ExitCode;
  /** HTTP status when the error reaches the API. */
  readonly http: number;
}

/**
 * Error codes. Codes are stable: scripts and the failures table refer to them.
 * Input codes (`input-*`) are also used for articles rejected during `ingest`.
 */
export const ERRORS = {
  'usage': {
    title: 'invalid command line',
    hint: 'run the command with --help to see its options',
    exit: ExitCode.USAGE,
    http: 400,
  },
  'bad-parameter': {
    title: 'invalid parameter',
    hint: 'the parameters each route takes are listed in /api/openapi.json',
    exit: ExitCode.USAGE,
    http: 400,
  },
  'input-not-found': {
    title: 'no such file or directory',
    hint: 'check the path; use - to read from standard input',
    exit: ExitCode.INPUT,
    http: 400,
  },
  'input-unreadable': {
    title: 'the input could not be read',
    hint: 'check the file permissions',
    exit: ExitCode.INPUT,
    http: 400,
  },
  'input-binary': {
    title: 'the input is not text',
    hint: 'give Marsad UTF-8 or windows-1256 text, JSON, JSON Lines, TREC-style SGML, HTML pages or RSS/Atom feeds',
    exit: ExitCode.INPUT,
    http: 400,
  },
  'input-encoding': {
    title: 'the text encoding could not be recognised',
    hint: 'convert the file to UTF-8',
    exit: ExitCode.INPUT,
    http: 400,
  },
  'input-format': {
    title: 'the input is malformed',
    hint: 'fix the file at the position given',
    exit: ExitCode.INPUT,
    http: 400,
  },
  'input-empty': {
    title: 'the article has no text',
    hint: 'an article needs a body; empty articles are skipped',
    exit: ExitCode.INPUT,
    http: 400,
  },
  'input-too-large': {
    title: 'the input is too large',
    hint: 'split the file; a single article may be at most 5 MB of text',
    exit: ExitCode.INPUT,
    http: 413,
  },
  'input-no-articles': {
    title: 'no article found',
    hint: 'give Marsad .txt, .json, .jsonl, SGML, HTML or RSS/Atom files, or a folder holding them',
    exit: ExitCode.INPUT,
    http: 400,
  },
  'input-unsupported': {
    title: 'the input is of a kind Marsad does not read',
    hint: 'Marsad reads text, JSON, JSON Lines, TREC-style SGML, HTML pages and RSS or Atom feeds; convert a document to text first, or give the page it came from',
    exit: ExitCode.INPUT,
    http: 415,
  },
  'input-no-article-text': {
    title: 'the page holds no article text',
    hint: 'give the page of one article, not a section front, a list of links or a search page; a page that builds its text with JavaScript has none in its HTML',
    exit: ExitCode.INPUT,
    http: 422,
  },
  'input-not-feed': {
    title: 'the XML is not an RSS or Atom feed',
    hint: 'give the feed itself (an RSS 2.0, RSS 1.0 or Atom document), not a sitemap or another XML file',
    exit: ExitCode.INPUT,
    http: 400,
  },
  'input-link-only': {
    title: 'the feed item holds only a link to its article',
    hint: 'its page must be fetched: ingest the feed by its address (marsad ingest URL), or save the pages and ingest them',
    exit: ExitCode.INPUT,
    http: 422,
  },
  'input-bad-date': {
    title: 'the publication date is not a date',
    hint: 'write dates as YYYY-MM-DD (or YYYY-MM, YYYY)',
    exit: ExitCode.USAGE,
    http: 400,
  },
  'output-write': {
    title: 'the output file could not be written',
    hint: 'check that its folder exists and that you may write there',
    exit: ExitCode.USAGE,
    http: 500,
  },
  'store-open': {
    title: 'the store could not be opened',
    hint: 'check the path or connection string given with --store or MARSAD_STORE',
    exit: ExitCode.STORE,
    http: 500,
  },
  'store-version': {
    title: 'the store was written by a newer Marsad',
    hint: 'upgrade Marsad, or use another store',
    exit: ExitCode.STORE,
    http: 500,
  },
  'store-write': {
    title: 'the store could not be written',
    hint: 'check free disk space and permissions',
    exit: ExitCode.STORE,
    http: 500,
  },
  'store-locked': {
    title: 'the store is locked by another process',
    hint: 'another marsad (or another SQLite client) is writing to this store and held it too long; wait for it to finish and run again, or set MARSAD_STORE_WAIT to wait longer (seconds)',
    exit: ExitCode.STORE,
    http: 503,
  },
  'host-not-allowed': {
    title: 'this server does not answer to that host name',
    hint: 'open the address marsad serve printed, or start it with --allow-host NAME for each other name it is reached by',
    exit: ExitCode.USAGE,
    http: 403,
  },
  'fetch-bad-url': {
    title: 'the address cannot be fetched',
    hint: 'give an absolute http:// or https:// address, without a user name or password in it',
    exit: ExitCode.INPUT,
    http: 400,
  },
  'fetch-refused': {
    title: 'the address is in a private or special-purpose range',
    hint: 'Marsad does not fetch from loopback, private, link-local or metadata addresses; for a host on your own network pass --allow-private (or allow its address range)',
    exit: ExitCode.INPUT,
    http: 403,
  },
  'fetch-robots': {
    title: "the site's robots.txt does not let Marsad fetch this",
    hint: 'respect the site: save the page yourself and ingest the file, or ask the site for access; an unreadable robots.txt is retried on a later run',
    exit: ExitCode.INPUT,
    http: 403,
  },
  'fetch-timeout': {
    title: 'the server did not answer in time',
    hint: 'try again later; the whole request, body included, must finish within the time limit',
    exit: ExitCode.INPUT,
    http: 504,
  },
  'fetch-too-large': {
    title: 'the response is too large',
    hint: 'a response may be at most 10 MB once decompressed unless --max-size says otherwise; save the page and ingest the file',
    exit: ExitCode.INPUT,
    http: 413,
  },
  'fetch-redirects': {
    title: 'too many redirects',
    hint: 'the address redirects too often or in a loop; open it in a browser and give the final address',
    exit: ExitCode.INPUT,
    http: 502,
  },
  'fetch-http': {
    title: 'the server answered with an error',
    hint: 'check the address; a 5xx or 429 answer may pass, so try again later',
    exit: ExitCode.INPUT,
    http: 502,
  },
  'fetch-failed': {
    title: 'the server could not be reached',
    hint: 'check the host name and your network (DNS, connection, TLS)',
    exit: ExitCode.INPUT,
    http: 502,
  },
  'ambiguous-id': {
    title: 'the id prefix matches more than one document',
    hint: 'give more digits of the id; the documents it matches are listed',
    exit: ExitCode.USAGE,
    http: 400,
  },
  'review-token': {
    title: 'writing needs the reviewer token',
    hint: 'open the address marsad serve printed (http://…/#token=…), or send the token of MARSAD_TOKEN as Authorization: Bearer TOKEN',
    exit: ExitCode.USAGE,
    http: 401,
  },
  'review-cross-site': {
    title: 'a write from another site is refused',
    hint: 'review from the web app marsad serve serves, or from a client that sends no Origin of another site',
    exit: ExitCode.USAGE,
    http: 403,
  },
  'review-disabled': {
    title: 'this server does not accept reviews',
    hint: 'a server listening beyond this machine accepts writes only with MARSAD_TOKEN set; restart it with MARSAD_TOKEN=<a long random value>',
    exit: ExitCode.USAGE,
    http: 403,
  },
  'review-no-reviewer': {
    title: 'the review names no reviewer',
    hint: 'send "reviewer": "NAME" with the review, or start the server with marsad serve --reviewer NAME',
    exit: ExitCode.USAGE,
    http: 400,
  },
  'not-found': {
    title: 'not found',
    hint: 'list what is stored with `marsad search` or `marsad stats`',
    exit: ExitCode.NOT_FOUND,
    http: 404,
  },
  'watch-sources': {
    title: 'invalid sources file',
    hint: 'fix the entry named; the format is in the README ("Watching outlets")',
    exit: ExitCode.CONFIG,
    http: 400,
  },
  'config': {
    title: 'invalid configuration or language data',
    hint: 'fix the entry named; language data lives under data/ar/',
    exit: ExitCode.CONFIG,
    http: 500,
  },
  'internal': {
    title: 'internal error',
    hint: 'this is a bug in Marsad; run again with --debug and report the output',
    exit: ExitCode.INTERNAL,
    http: 500,
  },
} as const satisfies Record<string, CatalogueEntry>;

export type ErrorCode = keyof typeof ERRORS;

/**
 * An error with a catalogue code and the input it concerns.
 *
 * @example
 * throw new MarsadError('input-not-found', 'news/a.txt');
 * // message: "news/a.txt: no such file or directory"
 */
export class MarsadError extends Error {
  readonly code: ErrorCode;
  /** The file, item or parameter the error is about ("news/a.txt", "feed.jsonl:12", "--limit"). */
  readonly subject: string | undefined;
  /** Detail beyond the catalogue title ("line 3: unexpected token"). */
  readonly detail: string | undefined;

  constructor(code: ErrorCode, subject?: string, detail?: string, options?: { cause?: unknown }) {
    const entry = ERRORS[code];
    const what = detail ? `${entry.title}: ${detail}` : entry.title;
    super(subject ? `${subject}: ${what}` : what, options);
    this.name = 'MarsadError';
    this.code = code;
    this.subject = subject;
    this.detail = detail;
  }

  get exitCode(): ExitCode {
    return ERRORS[this.code].exit;
  }

  get httpStatus(): number {
    return ERRORS[this.code].http;
  }

  get hint(): string {
    return ERRORS[this.code].hint;
  }
}

/** True for errors that carry a catalogue code. */
export function isMarsadError(error: unknown): error is MarsadError {
  return error instanceof MarsadError;
}
