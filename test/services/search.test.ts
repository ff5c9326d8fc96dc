import { describe, expect, it } from 'vitest';
import { ingest } from '../../src/services/ingest.js';
import { makeSnippet, searchDocuments } from '../../src/services/search.js';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import { queryGroups } from '../../src/text/search-terms.js';
import { Readable } from 'node:stream';

describe('snippets', () => {
  it('picks the body sentence matching the most query words and marks each match', () => {
    const text = 'المعتقلين\n\nقصف على حلب. طالبت الإدارة باستعادة المعتقلين من مخيمات داعش. ثم انتهى.';
    const { snippet, highlights } = makeSnippet(text, queryGroups('معتقلي داعش'), 'المعتقلين'.length);
    expect(snippet).toBe('طالبت الإدارة باستعادة المعتقلين من مخيمات داعش.');
    expect(highlights.map(([a, b]) => snippet.slice(a, b))).toEqual(['المعتقلين', 'داعش']);
  });

  it('trims a long sentence around its first match with ellipses', () => {
    const filler = 'كلمة '.repeat(80);
    const text = `عنوان\n\n${filler}المعتقلين ${filler}.`;
    const { snippet, highlights } = makeSnippet(text, queryGroups('المعتقلين'), 5);
    expect(snippet.startsWith('…')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
    expect(snippet.length).toBeLessThanOrEqual(224);
    expect(highlights.map(([a, b]) => snippet.slice(a, b))).toEqual(['المعتقلين']);
  });

  it('falls back to the start of the body when no sentence matches', () => {
    expect(makeSnippet('عنوان\n\nنص قصير.', queryGroups('داعش'), 5)).toEqual({ snippet: 'نص قصير.', highlights: [] });
  });
});

describe('search service', () => {
  it('finds a hashtag by its words and returns snippets with marks', async () => {
    const store = openSqliteStore(':memory:');
    await ingest(store, ['-'], {
      stdin: Readable.from([
        Buffer.from(
          '{"title":"بيان","text":"طالبت #الإدارة_الذاتية بمحكمة دولية."}\n{"title":"آخر","text":"قصف على عفرين."}\n',
        ),
      ]),
    });
    const outcome = await searchDocuments(store, 'الإدارة الذاتية');
    expect(outcome.total).toBe(1);
    const [hit] = outcome.hits;
    expect(hit!.snippet).toBe('طالبت #الإدارة_الذاتية بمحكمة دولية.');
    expect(hit!.highlights.map(([a, b]) => hit!.snippet.slice(a, b))).toEqual(['الإدارة', 'الذاتية']);
    expect(hit!.exact).toBe(true);
    await store.close();
  });
});
