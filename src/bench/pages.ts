/**
 * Pages parsed per second (issue 13): HTML pages built from the benchmark corpus's texts, as a
 * news site serves them (JSON-LD and Open Graph metadata, a menu, a sidebar of links, scripts,
 * a footer), read by `parseHtmlPage` (decoding, linkedom, metadata, Readability, paragraphs)
 * over and over for a few seconds.
 */
import { parseHtmlPage } from '../ingest/formats/html.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A news page around one text: its first line the headline, its other lines paragraphs. */
export function pageOf(text: string, n: number): Buffer {
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
  const title = escapeHtml(lines[0] ?? `خبر ${n}`);
  const paragraphs = lines.slice(1).map((l) => `<p>${escapeHtml(l)}</p>`).join('\n');
  const ld = JSON.stringify({ '@context': 'https://schema.org', '@type': 'NewsArticle', headline: lines[0] ?? '', datePublished: '2024-03-05T09:40:00+03:00', publisher: { '@type': 'Organization', name: 'موقع الاختبار' } });
  const links = Array.from({ length: 12 }, (_, i) => `<li><a href="/ar/news/${n}/${i}">خبر آخر رقم ${i} من أخبار اليوم</a></li>`).join('');
  return Buffer.from(`<!DOCTYPE html>
<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>${title} | موقع الاختبار</title>
<meta property="og:title" content="${title}"><meta property="og:site_name" content="موقع الاختبار">
<meta property="article:published_time" content="2024-03-05T09:40:00+03:00">
<link rel="canonical" href="https://example.org/ar/news/${n}">
<script type="application/ld+json">${ld}</script>
<script>window.dataLayer=[];function track(){return ${n};}</script><style>.menu li{display:inline}</style></head>
<body><header><nav><ul class="menu"><li><a href="/">الرئيسية</a></li><li><a href="/ar/news">أخبار</a></li><li><a href="/ar/reports">تقارير</a></li></ul></nav></header>
<main><article><h1>${title}</h1><div class="share"><a href="#">فيسبوك</a> <a href="#">تويتر</a></div>
<div class="entry-content">
${paragraphs}
</div></article>
<aside class="sidebar"><h3>الأكثر قراءة</h3><ul>${links}</ul></aside></main>
<footer><p>جميع الحقوق محفوظة</p></footer></body></html>`);
}

export interface PageFigures {
  readonly pagesPerSecond: number;
  /** Mean size of a page, in kilobytes. */
  readonly meanKb: number;
  readonly pages: number;
  readonly passes: number;
  /** Pages refused (no article text): texts too short to be one. */
  readonly refused: number;
}

/** Parses pages built from the texts (at most `limit` of them) for at least `minSeconds`. */
export function pagesPerSecond(texts: readonly string[], limit = 300, minSeconds = 3): PageFigures {
  const pages = texts.slice(0, limit).map((t, i) => pageOf(t, i));
  const parse = (bytes: Buffer, i: number): boolean => {
    try {
      parseHtmlPage(bytes, { origin: `bench-${i}.html` });
      return true;
    } catch {
      return false;
    }
  };
  let refused = 0;
  pages.forEach((p, i) => {
    if (!parse(p, i)) refused++;
  }); // warm-up, and the count of pages refused
  let parsed = 0;
  let passes = 0;
  const t0 = process.hrtime.bigint();
  let elapsed = 0;
  do {
    pages.forEach((p, i) => parse(p, i));
    parsed += pages.length;
    passes++;
    elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  } while (elapsed < minSeconds);
  const bytes = pages.reduce((a, p) => a + p.length, 0);
  return { pagesPerSecond: Math.round(parsed / elapsed), meanKb: Number((bytes / pages.length / 1024).toFixed(1)), pages: pages.length, passes, refused };
}
