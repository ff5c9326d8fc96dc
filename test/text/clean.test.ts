import { describe, expect, it } from 'vitest';
import { classifyLine, removeBoilerplate } from '../../src/text/boilerplate.js';
import { cleanArticle } from '../../src/text/clean.js';

describe('boilerplate lines', () => {
  it('removes listed navigation lines wherever they stand, ignoring punctuation', () => {
    expect(classifyLine('زر الذهاب إلى الأعلى', 10, 10)).toBe('navigation');
    expect(classifyLine('اظهر المزيد', 5, 3)).toBe('navigation');
    expect(classifyLine('  إظهار المزيد…', 5, 3)).toBe('navigation');
  });

  it('removes prompts by how they start', () => {
    expect(classifyLine('هل أعجبك المحتوى وتريد المزيد منه يصل إلى بريدك؟', 10, 1)).toBe('prompt');
    expect(classifyLine('© 2024 جميع الحقوق محفوظة لموقعنا', 10, 0)).toBe('prompt');
  });

  it('removes section labels at the top, even fused without a space', () => {
    expect(classifyLine('الأخبارمانشيت', 0, 20)).toBe('section-label');
    expect(classifyLine('أخبار محلية', 0, 20)).toBe('section-label');
    expect(classifyLine('متابعات', 1, 20)).toBe('section-label');
  });

  it('keeps a label-like line in the middle of the article, and a short news line at the top', () => {
    expect(classifyLine('متابعات', 8, 8)).toBeNull();
    expect(classifyLine('الأخبار السارة للنازحين', 0, 20)).toBeNull();
    expect(classifyLine('مقتل ثلاثة مدنيين في قصف', 0, 20)).toBeNull();
  });

  it('removes a call to action near the end, but keeps news that cites a social network', () => {
    expect(classifyLine('اشترك في قناتنا على تلغرام لتصلك الأخبار أولاً', 12, 0)).toBe('call-to-action');
    expect(classifyLine('وقال في منشور على فيسبوك إن القوات انسحبت.', 12, 0)).toBeNull();
    // the same prompt in the middle of an article is not judged by the heuristic
    expect(classifyLine('اشترك في قناتنا على تلغرام لتصلك الأخبار أولاً', 3, 9)).toBeNull();
  });

  it('never takes a news line for a call to action: a figure, a name or a trigger keeps it (issue 16, item 8)', () => {
    // "انضم إلى/انضموا" is everyday news wording ("joined the ranks of …")
    const joined = 'وأضاف المصدر أن الشبان انضموا الى صفوف قوات سوريا الديمقراطية قبل عامين، وإن 12 عنصرا منهم قتلوا في المعارك';
    expect(classifyLine(joined, 20, 0)).toBeNull();
    expect(classifyLine('وكان ابن عمه قد انضم إلى صفوف داعش في الرقة', 20, 1)).toBeNull();
    // "اشترك" is also "took part": a trigger or a name keeps the line
    expect(classifyLine('واشترك عناصر من الفصائل في الهجوم على القرية', 20, 0)).toBeNull();
    expect(classifyLine('اشترك نحو ثلاثين مسلحاً في الكمين', 20, 0)).toBeNull();
    // the prompts themselves still go
    expect(classifyLine('انضموا إلينا على تلغرام', 20, 0)).toBe('call-to-action');
    expect(classifyLine('تابعونا لمزيد من التغطية', 20, 1)).toBe('call-to-action');
    const { kept, removed } = removeBoilerplate(['عنوان الخبر', 'نص الخبر الأول.', joined, 'اشترك في نشرتنا البريدية']);
    expect(kept).toEqual(['عنوان الخبر', 'نص الخبر الأول.', joined]);
    expect(removed.map((r) => r.kind)).toEqual(['prompt']);
  });

  it('reports each removed line with its kind and keeps empty lines in place', () => {
    const { kept, removed } = removeBoilerplate(['الأخبارمانشيت', '', 'العنوان هنا الآن', 'نص', 'زر الذهاب إلى الأعلى']);
    expect(kept).toEqual(['', 'العنوان هنا الآن', 'نص']);
    expect(removed).toEqual([
      { line: 'الأخبارمانشيت', kind: 'section-label' },
      { line: 'زر الذهاب إلى الأعلى', kind: 'navigation' },
    ]);
  });
});

describe('cleaning an article', () => {
  it('takes the first non-empty line as the title and joins title and body with a blank line', () => {
    const c = cleanArticle({ title: null, body: '\uFEFF\r\nالعنوان\r\n\r\n\r\nالفقرة الأولى.\r\nالفقرة الثانية.  \r\n' });
    expect(c.title).toBe('العنوان');
    expect(c.text).toBe('العنوان\n\nالفقرة الأولى.\nالفقرة الثانية.');
    expect(c.messages).toEqual([]);
  });

  it('records every removal as a message', () => {
    const c = cleanArticle({ title: null, body: 'الأخبارمانشيت\n\nعنوان الخبر\n\nنص الخبر.\nزر الذهاب إلى الأعلى' });
    expect(c.text).toBe('عنوان الخبر\n\nنص الخبر.');
    expect(c.messages.map((m) => m.code)).toEqual(['boilerplate-removed', 'boilerplate-removed']);
    expect(c.messages[0]!.message).toContain('الأخبارمانشيت');
  });

  it('removes the title repeated as the first body line', () => {
    const c = cleanArticle({ title: null, body: '«داعش» لم ينته بعد\n\n«داعش» لم ينته بعد\n\nأكد الوزراء ذلك.' });
    expect(c.text).toBe('«داعش» لم ينته بعد\n\nأكد الوزراء ذلك.');
    expect(c.messages.map((m) => m.code)).toEqual(['duplicate-title-removed']);
  });

  it('uses a title given by metadata and keeps the body whole', () => {
    const c = cleanArticle({ title: 'عنوان من البيانات', body: 'السطر الأول.\nالسطر الثاني.' });
    expect(c.text).toBe('عنوان من البيانات\n\nالسطر الأول.\nالسطر الثاني.');
  });

  it('adds an abstract that the body lacks, and drops one the body already holds', () => {
    const body = 'أكد رئيس الحكومة أن حكومته تعمل. وأضاف أن الإصلاحات مستمرة.';
    expect(cleanArticle({ title: 'ع', body, lead: 'أكد رئيس الحكومة أن حكومته تعمل.' }).text).toBe(`ع\n\n${body}`);
    const added = cleanArticle({ title: 'ع', body, lead: 'ملخص لا يرد في النص.' });
    expect(added.text).toBe(`ع\n\nملخص لا يرد في النص.\n\n${body}`);
    expect(added.messages.map((m) => m.code)).toEqual(['lead-added']);
  });

  it('a single paragraph has no title line', () => {
    const c = cleanArticle({ title: null, body: 'قتل ثلاثة مدنيين في قصف.' });
    expect(c.title).toBeNull();
    expect(c.text).toBe('قتل ثلاثة مدنيين في قصف.');
    expect(c.messages.map((m) => m.code)).toEqual(['title-missing']);
  });

  it('a title with no body leaves an empty body', () => {
    expect(cleanArticle({ title: 'عنوان فقط', body: '\n  \n' }).body).toBe('');
  });
});
