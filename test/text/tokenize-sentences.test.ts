import { describe, expect, it } from 'vitest';
import { analyzeText } from '../../src/text/analyze.js';
import { normalize } from '../../src/text/normalize.js';
import { TokenKind, tokenize } from '../../src/text/tokenize.js';

const sentences = (text: string) => analyzeText(text).sentences.map((s) => text.slice(s.start, s.end));

function tokens(text: string) {
  const t = tokenize(normalize(text));
  return Array.from({ length: t.count }, (_, i) => ({ surface: t.surface(i), norm: t.norm(i), kind: t.kind(i) }));
}

describe('tokenizer', () => {
  it('splits words, numbers and punctuation with spans into the original', () => {
    expect(tokens('قُتل ٣ مدنيين، و1,500 نازح.')).toEqual([
      { surface: 'قُتل', norm: 'قتل', kind: TokenKind.Word },
      { surface: '٣', norm: '3', kind: TokenKind.Number },
      { surface: 'مدنيين', norm: 'مدنيين', kind: TokenKind.Word },
      { surface: '،', norm: ',', kind: TokenKind.Punct },
      { surface: 'و', norm: 'و', kind: TokenKind.Word },
      { surface: '1,500', norm: '1,500', kind: TokenKind.Number },
      { surface: 'نازح', norm: 'نازح', kind: TokenKind.Word },
      { surface: '.', norm: '.', kind: TokenKind.Punct },
    ]);
  });

  it('keeps 7,700,000 and ٣٫٥ as one number each, and a trailing comma apart', () => {
    expect(tokens('7,700,000 و٣٫٥, ثم').map((t) => t.surface)).toEqual(['7,700,000', 'و', '٣٫٥', ',', 'ثم']);
  });

  it('reads Latin words with digits and keeps "..." as one token', () => {
    expect(tokens('طائرات F16 تابعة لـ SDF...').map((t) => [t.surface, t.kind])).toEqual([
      ['طائرات', TokenKind.Word],
      ['F16', TokenKind.Latin],
      ['تابعة', TokenKind.Word],
      ['لـ', TokenKind.Word],
      ['SDF', TokenKind.Latin],
      ['...', TokenKind.Punct],
    ]);
  });

  it('counts words and numbers, not punctuation', () => {
    expect(tokenize(normalize('قتل 3 مدنيين .')).wordCount()).toBe(3);
  });
});

describe('sentence splitter', () => {
  it('ends sentences at . ؟ ! ؛ and line breaks', () => {
    expect(sentences('قصف الطيران القرية. هل انتهى؟ نعم! ولكن؛ لا\nسطر جديد')).toEqual([
      'قصف الطيران القرية.',
      'هل انتهى؟',
      'نعم!',
      'ولكن؛',
      'لا',
      'سطر جديد',
    ]);
  });

  it('does not split inside numbers: 1.5, 7,700,000, ٣٫٥', () => {
    expect(sentences('نزح 1.5 مليون شخص و7,700,000 آخرون. وبلغت النسبة ٣٫٥ بالمئة.')).toEqual([
      'نزح 1.5 مليون شخص و7,700,000 آخرون.',
      'وبلغت النسبة ٣٫٥ بالمئة.',
    ]);
  });

  it('does not split after an initial or a listed abbreviation', () => {
    expect(sentences('قال د. أحمد إن القوات وصلت. وأكد Gen. Smith ذلك عام 300 ق.م. في الموقع.')).toEqual([
      'قال د. أحمد إن القوات وصلت.',
      'وأكد Gen. Smith ذلك عام 300 ق.م. في الموقع.',
    ]);
  });

  it('does not split a URL or a version, but does split a stop glued to an Arabic word', () => {
    expect(sentences('زوروا www.example.com للمزيد. الإصدار v2.0 متاح.والخبر التالي')).toEqual([
      'زوروا www.example.com للمزيد.',
      'الإصدار v2.0 متاح.',
      'والخبر التالي',
    ]);
  });

  it('keeps a quotation closed on its line together, closing quotes with the sentence', () => {
    expect(sentences('قال المتحدث: «لن نتراجع. سنواصل القتال» وأضاف أن الوضع صعب. ثم غادر.')).toEqual([
      'قال المتحدث: «لن نتراجع. سنواصل القتال» وأضاف أن الوضع صعب.',
      'ثم غادر.',
    ]);
    expect(sentences('وقال: "انتهى الأمر." ثم صمت.')).toEqual(['وقال: "انتهى الأمر." ثم صمت.']);
    expect(sentences('قال: «انتهى الأمر.» وخرج.')).toEqual(['قال: «انتهى الأمر.» وخرج.']);
  });

  it('pairs straight quotes sentence by sentence: a stray quote does not swallow the sentences after it', () => {
    // Three quotes in the first sentence, two in the second: the line's count is even, but no
    // quotation runs from one into the other.
    const text = 'وأكد الحزب "حق الشعب، معتبرا أن "الحل سياسي". وطالب الحكومة ب"إدانة العدوان". ودعا إلى التحرك.';
    expect(sentences(text)).toEqual(['وأكد الحزب "حق الشعب، معتبرا أن "الحل سياسي".', 'وطالب الحكومة ب"إدانة العدوان".', 'ودعا إلى التحرك.']);
    // A quotation that opens in one sentence and closes in the next holds them together.
    expect(sentences('قال: "لن نتراجع. سنواصل القتال" وأضاف أن الوضع صعب. ثم غادر.')).toEqual(['قال: "لن نتراجع. سنواصل القتال" وأضاف أن الوضع صعب.', 'ثم غادر.']);
  });

  it('splits a line whose quotation stays open (a quotation over several paragraphs)', () => {
    const text = 'وجاء في الرسالة "نحن هنا. نطالب بالحماية.\nوفي الختام نؤكد. شكرا".';
    expect(sentences(text)).toEqual(['وجاء في الرسالة "نحن هنا.', 'نطالب بالحماية.', 'وفي الختام نؤكد.', 'شكرا".']);
  });

  it('gives each sentence its token range', () => {
    const doc = analyzeText('قتل 3. نزح 4.');
    expect(doc.sentences.map((s) => [s.firstToken, s.endToken])).toEqual([
      [0, 3],
      [3, 6],
    ]);
  });

  it('handles empty and whitespace-only text', () => {
    expect(sentences('')).toEqual([]);
    expect(sentences('  \n\n ')).toEqual([]);
  });
});
