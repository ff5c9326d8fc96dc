/**
 * Trigger forms made from stems by pattern (verbal nouns, participles, passives) and what the
 * matcher makes of them on sentences written for these tests, with no entities: which entry a
 * word is, whether it reads as passive or as a participle, and the words that give a form
 * another sense.
 */
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../src/extract/events/context.js';
import { eventLexicon, masdarForms, participleForms, passiveForms } from '../../src/extract/events/lexicon.js';
import { findTriggers, type TriggerMatch } from '../../src/extract/events/triggers.js';
import { analyzeText } from '../../src/text/analyze.js';
import { normalizeForm } from '../../src/text/normalize.js';

function triggers(text: string): { rule: string; text: string; match: TriggerMatch }[] {
  const doc = analyzeText(text);
  const ctx = buildContext(doc, [], [], []);
  return doc.sentences.flatMap((s) =>
    findTriggers(ctx, s).map((m) => ({ rule: m.entry.id, text: text.slice(doc.tokens.start(m.firstToken), doc.tokens.end(m.endToken - 1)), match: m })),
  );
}
const rules = (text: string) => triggers(text).map((t) => t.rule);
const n = (xs: string[]) => xs.map((x) => normalizeForm(x));

describe('forms made by pattern', () => {
  it('verbal nouns from the past stem: forms IV, VII, VIII, X lengthen the last syllable; III is مفاعلة; a three-letter stem is form II', () => {
    expect(masdarForms('اعتقل')).toEqual(n(['اعتقال', 'اعتقالات', 'اعتقالا']));
    expect(masdarForms('استهدف')[0]).toBe(normalizeForm('استهداف'));
    expect(masdarForms('انسحب')[0]).toBe(normalizeForm('انسحاب'));
    expect(masdarForms('اتهم')[0]).toBe(normalizeForm('اتهام'));
    expect(masdarForms('أفرج')[0]).toBe(normalizeForm('إفراج'));
    expect(masdarForms('طالب')).toEqual(n(['مطالبة', 'مطالبات']));
    expect(masdarForms('فجر')[0]).toBe(normalizeForm('تفجير'));
    expect(masdarForms('وزع')[0]).toBe(normalizeForm('توزيع'));
  });

  it('accusative active participles from the present stem', () => {
    expect(participleForms(['ؤكد'])).toEqual(n(['مؤكدا', 'مؤكدة', 'مؤكدين']));
    expect(participleForms(['طالب'])).toContain(normalizeForm('مطالباً'));
    expect(participleForms(['ستنكر'])).toContain(normalizeForm('مستنكرا'));
  });

  it('passives spelt unlike the active: form III by rule, hollow verbs from their stems; not "ووفق"', () => {
    const third = passiveForms(['هاجم'], [], []);
    expect(third).toEqual(expect.arrayContaining(n(['هوجم', 'هوجمت', 'هوجموا'])));
    expect(passiveForms(['حاصر'], [], [])).toContain(normalizeForm('حوصر'));
    expect(passiveForms([], ['أصيب'], ['صاب'])).toEqual(expect.arrayContaining(n(['أصيب', 'أصيبت', 'أصيبوا', 'يصاب', 'تصاب', 'يصابون'])));
    expect(passiveForms(['وافق'], [], [])).toEqual([]);
    // sound verbs write their passive as their active: nothing to make
    expect(passiveForms(['اعتقل', 'قتل'], [], [])).toEqual([]);
  });

  it('the compiled lexicon indexes what was made, each form with its kind', () => {
    const lex = eventLexicon();
    const find = (w: string, id: string) => lex.byFirstWord.get(normalizeForm(w))?.find((f) => f.entry.id === id);
    expect(find('اعتقالات', 'coerce/itaqala')).toMatchObject({ kind: 'noun' });
    expect(find('مطالباً', 'request/taalaba')).toMatchObject({ kind: 'verb', participle: true, passive: false });
    expect(find('هوجم', 'assault/haajama')).toMatchObject({ kind: 'verb', passive: true });
    expect(find('يصاب', 'assault/asaaba')).toMatchObject({ kind: 'verb', passive: true });
    expect(find('داعياً', 'request/daa')).toMatchObject({ kind: 'verb', participle: true });
    // every PLOVER type has triggers
    const types = new Set(lex.triggers.map((t) => t.type));
    for (const t of ['ACCUSE', 'AGREE', 'AID', 'ASSAULT', 'COERCE', 'CONCEDE', 'CONSULT', 'COOPERATE', 'MOBILIZE', 'PROTEST', 'REJECT', 'REQUEST', 'RETREAT', 'SANCTION', 'SUPPORT', 'THREATEN']) expect(types.has(t as never), t).toBe(true);
  });
});

describe('matching', () => {
  it('finds verbal nouns with their clitics and participles', () => {
    expect(triggers('وتواصلت الاعتقالات في المدينة.')[0]).toMatchObject({ rule: 'coerce/itaqala', text: 'الاعتقالات' });
    expect(triggers('بعد استهدافها بطائرة مسيرة.')[0]).toMatchObject({ rule: 'assault/istahdafa', text: 'استهدافها' });
    expect(triggers('وعبر عن قلقه، محذراً من تدهور الأوضاع.')[0]).toMatchObject({ rule: 'statement/haththara', text: 'محذراً' });
    expect(triggers('وعبر عن قلقه، محذراً من تدهور الأوضاع.')[0]!.match.participle).toBe(true);
    expect(triggers('خرج الأهالي في وقفة احتجاجية أمام المبنى.')[0]).toMatchObject({ rule: 'protest/ihtajja', text: 'وقفة احتجاجية' });
    expect(rules('أعلنت الحكومة توزيع مساعدات غذائية على العائلات.')).toContain('aid/wazzaa');
  });

  it('reads a passive off its spelling or its vowels, and not off an active prefix', () => {
    const passive = (text: string) => triggers(text)[0]!.match.passive;
    expect(passive('وقُتل خمسة مدنيين في القصف.')).toBe(true);
    expect(passive('واُعتقل ثلاثة شبان.')).toBe(true);
    expect(passive('واعتُقل ثلاثة شبان.')).toBe(true);
    expect(passive('استُهدفت سيارة على الطريق.')).toBe(true);
    expect(passive('هوجمت دورية على الطريق.')).toBe(true);
    expect(passive('وأصيب شرطيان بجروح.')).toBe(true);
    expect(passive('قتل مسلحون خمسة مدنيين.')).toBe(false);
    // "يُعلِن" is an active form IV; "يُقتَل" is passive
    expect(passive('يُعلِن الجيش انتهاء العملية.')).toBe(false);
    expect(passive('يُقتَل المدنيون كل يوم.')).toBe(true);
  });

  it('new types: sanctions, curfews, foiled plots, vetoes, talks, joint operations, releases', () => {
    expect(rules('قطعت الحكومة علاقاتها الدبلوماسية مع الجارة.')).toEqual(['sanction/qataa-alaqat']);
    expect(rules('واستدعت الخارجية السفير احتجاجا.')).toContain('sanction/istadaa-safir');
    expect(rules('فرضت السلطات حظر التجول في المدينة.')[0]).toBe('coerce/farada');
    expect(rules('أحبطت الشرطة مخططا لتفجير سيارة.')).toContain('coerce/ahbata');
    expect(rules('واستخدم المندوب حق النقض ضد القرار.')).toContain('reject/naqd');
    expect(rules('وأجرى الوزيران محادثات مطولة.')).toEqual(['consult/ajra']);
    expect(rules('نفذت القوات العملية بالتعاون مع الجيش.')).toContain('cooperate/bittaawun');
    expect(rules('وقررت المحكمة إخلاء سبيل الموقوفين.')).toEqual(['retreat/itlaq-sarah']);
    expect(rules('وأفرجت السلطات عن المعتقلين.')).toEqual(['retreat/afraja']);
    expect(rules('تبادل الطرفان إطلاق النار لساعات.')[0]).toBe('assault/atlaqa-nar');
  });

  it('words that give a form another sense', () => {
    // a coalition's name, not a dawn attack
    expect(rules('وقال متحدث باسم فجر ليبيا إن الوضع هادئ.')).not.toContain('assault/fajjara');
    // a truce, not shooting
    expect(rules('ودعا الوسطاء إلى احترام وقف إطلاق النار.')).not.toContain('assault/itlaq-nar');
    expect(rules('وتخوض الأحزاب معركة انتخابية صعبة.')).toEqual([]);
    expect(rules('ودعت المنظمة الأطراف إلى ضبط النفس.')).not.toContain('coerce/dabata');
    expect(rules('وأفادت معلومات غير مؤكدة بسقوط قتلى.')).not.toContain('statement/akkada');
    expect(rules('ونال الوزير 119 صوتا مقابل 40 رافضا.')).toEqual([]);
    // after "تكون", "مطالبة" is a predicate (at most the noun), never the participle
    expect(triggers('وقالت إنها ستكون مطالبة بالرد على الأسئلة.').some((t) => t.match.participle)).toBe(false);
    expect(rules('ووفق البيان فإن اللقاء كان وديا.')).not.toContain('agree/waafaqa');
    expect(rules('وأصيب الوزير بفيروس كورونا.')).toEqual([]);
    expect(rules('هناك مخاوف من تدهور الوضع.')).toEqual([]);
    expect(rules('وصل الوفد إلى مدينة الحسكة.')).not.toContain('accuse/adaana');
    expect(rules('وتمت السيطرة على النيران.')).toEqual([]);
    expect(rules('ويطالب السكان بفك الحصار عن البلدة.')).not.toContain('coerce/haasara');
    // a phone interview with a radio is no talks; a date that falls on a day agrees with no one
    expect(rules('وقال في اتصال هاتفي مع الإذاعة إن الوضع هادئ.')).not.toContain('consult/ittisal-hatifi');
    expect(rules('وبحث الوزير خلال اتصال هاتفي مع نظيره التعاون.')).toContain('consult/ittisal-hatifi');
    expect(rules('وتوافق الذكرى يوم الأحد.')).toEqual([]);
  });
});
