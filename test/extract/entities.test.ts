import { describe, expect, it } from 'vitest';
import { extractArticle, checkRecord } from '../../src/extract/document.js';
import { englishPersonName, romanise } from '../../src/extract/entities/english.js';
import { createEntityExtractor } from '../../src/extract/entities/index.js';
import { nisbasOf } from '../../src/extract/entities/institutions.js';
import { headRefs } from '../../src/extract/entities/name-index.js';
import { PIPELINE } from '../../src/extract/pipeline.js';
import type { Entity, Message } from '../../src/extract/record.js';
import { emptyExtraction } from '../../src/extract/types.js';
import type { NameSpan, NameTagger, NameType } from '../../src/ner/types.js';
import { analyzeText, type AnalyzedText } from '../../src/text/analyze.js';

const lexiconOnly = createEntityExtractor();

function run(text: string, tagger?: NameTagger): { entities: Entity[]; messages: Message[] } {
  const extractor = tagger ? createEntityExtractor({ tagger }) : lexiconOnly;
  const out = extractor.extract({ doc: analyzeText(text), published: null, titleEnd: 0 }, emptyExtraction());
  return { entities: out.entities ?? [], messages: out.messages ?? [] };
}
const ids = (text: string) => run(text).entities.map((e) => e.id);
const entity = (text: string, id: string) => run(text).entities.find((e) => e.id === id);
const mentions = (e: Entity | undefined) => (e ? e.mentions.map((m) => m.text) : []);

/** A hand-written tagger: tags every occurrence of the names it is given (a test double, not a model). */
class ListTagger implements NameTagger {
  readonly id = 'test-tagger';
  constructor(private readonly names: readonly { text: string; type: NameType; confidence?: number }[]) {}
  tag(doc: AnalyzedText): NameSpan[] {
    const spans: NameSpan[] = [];
    for (const n of this.names) {
      for (let at = doc.text.indexOf(n.text); at >= 0; at = doc.text.indexOf(n.text, at + 1)) {
        const end = at + n.text.length;
        const firstToken = doc.tokens.indexAt(at);
        const endToken = doc.tokens.indexAt(end);
        spans.push({ firstToken, endToken, start: doc.tokens.start(firstToken), end: doc.tokens.end(endToken - 1), type: n.type, confidence: n.confidence ?? 0.9 });
      }
    }
    return spans;
  }
}

describe('matching over the clitic analysis', () => {
  it('finds a name behind its proclitics, the span without them: "وبحلب" → حلب', () => {
    const aleppo = entity('اشتباكات وبحلب أمس', 'loc:sy:aleppo')!;
    expect(aleppo.mentions).toEqual([{ start: 11, end: 14, text: 'حلب' }]);
  });

  it('takes no future prefix off a name: "ستالين" is not س + تالين (Tallinn)', () => {
    expect(ids('وكتب المؤرخ عن ستالين في كتابه')).not.toContain('loc:ee:tallinn');
    expect(ids('زار الوفد تالين عاصمة إستونيا')).toContain('loc:ee:tallinn');
  });

  it('reads لل as ل + ال: "للتحالف الدولي" is the Coalition', () => {
    const text = 'وجهت نداء للتحالف الدولي';
    const coalition = entity(text, 'org:global-coalition')!;
    expect(coalition.mentions).toEqual([{ start: 11, end: 24, text: 'لتحالف الدولي' }]);
  });

  it('reads hashtags as the names they join', () => {
    const sdf = entity('تواصل #قوات_سوريا_الديمقراطية عملياتها', 'org:sdf')!;
    expect(mentions(sdf)).toEqual(['قوات_سوريا_الديمقراطية']);
  });

  it('takes the longest name: a place inside an organisation\'s name belongs to the organisation', () => {
    expect(ids('أعلنت قوات سوريا الديمقراطية')).toEqual(['org:sdf']);
    expect(ids('هاجمت مرتزقة الاحتلال التركي القرى')).toEqual(['org:sna']);
    expect(ids('دعا التحالف الدولي ضد داعش')).toEqual(['org:global-coalition']);
  });

  it('keeps the outlet\'s own label on each mention of one actor', () => {
    const sdf = entity('قالت قسد إن قوات سوريا الديمقراطية صدت الهجوم', 'org:sdf')!;
    expect(mentions(sdf)).toEqual(['قسد', 'قوات سوريا الديمقراطية']);
    expect(sdf).toMatchObject({ type: 'ORG', subtype: 'MIL', country: 'SY', name: { en: 'Syrian Democratic Forces' }, geo: null, rule: 'lexicon' });
  });
});

describe('names that are also common words', () => {
  it('are not places without context', () => {
    expect(ids('فتح الباب أمام الحوار')).toEqual([]);
    expect(ids('تعاون طويلة الأمد')).toEqual([]);
    expect(ids('وقال في مشهد مؤثر إن هذا بلد عربي')).toEqual([]);
    expect(ids('نظم الأهالي مظاهرات سلمية')).toEqual([]);
  });

  it('are places after a place cue, and after a locative once the article has used the cue', () => {
    const bab = entity('دخلت القوات مدينة الباب ثم انسحبت من الباب', 'loc:sy:al-bab')!;
    expect(bab.mentions).toEqual([
      { start: 18, end: 23, text: 'الباب' },
      { start: 37, end: 42, text: 'الباب' },
    ]);
    expect(ids('انسحبت القوات من الباب')).toEqual([]);
  });

  it('are a person only after a title (tagger names)', () => {
    const tagger = new ListTagger([{ text: 'جمعة', type: 'PER' }]);
    expect(run('يعود جمعة إلى العمل', tagger).entities).toEqual([]);
    const person = run('قال السيد جمعة إن', tagger).entities;
    expect(person.map((e) => [e.type, e.mentions[0]!.text])).toEqual([['PER', 'جمعة']]);
  });

  it('keeps a tagged name whole when it begins with ك or ف; takes off و ب ل before a known name', () => {
    const tagger = new ListTagger([{ text: 'ميشال كادو', type: 'PER' }, { text: 'وجيمس', type: 'PER' }]);
    const names = run('وأعلن قائد الشرطة ميشال كادو أن الوضع هادئ، وقال الرئيس وجيمس إن', tagger).entities.map((e) => e.mentions[0]!.text);
    expect(names).toContain('ميشال كادو');
    expect(names).toContain('جيمس');
    const alone = run('وقال السيد كادو إن الوضع هادئ', new ListTagger([{ text: 'كادو', type: 'PER' }])).entities;
    expect(alone.map((e) => e.mentions[0]!.text)).toEqual(['كادو']);
  });

  it('an alias that needs a cue counts only with its cue in the sentence', () => {
    expect(ids('وفقا للمعايير التي تتقيد بها المفوضية في عودة اللاجئين')).toContain('org:unhcr');
    expect(ids('أعلنت المفوضية نتائج الانتخابات')).toEqual([]);
    expect(ids('قصف الجيش الوطني قرى عفرين')).toEqual(['org:sna', 'loc:sy:afrin']);
    expect(ids('احتفل الجيش الوطني بعيده')).toEqual([]);
    expect(ids('رسالة إلى التحالف والمجتمع الدولي')).toEqual(['org:global-coalition']);
    expect(ids('لم يتطرق إلى امكانية التحالف مع الحزب')).toEqual([]);
  });
});

describe('back-references and partial names', () => {
  it('"التنظيم" is ISIS once the article has named ISIS, and nothing before', () => {
    const isis = entity('تبنى داعش الهجوم. وقال التنظيم في بيان', 'org:isis')!;
    expect(mentions(isis)).toEqual(['داعش', 'التنظيم']);
    expect(ids('وقال التنظيم في بيان')).toEqual([]);
  });

  it('the head noun of an organisation\'s name refers back to it: "الهيئة", "الإدارة", "المؤتمر"', () => {
    expect(mentions(entity('سيطرت هيئة تحرير الشام على المدينة وأعلنت الهيئة حظرا', 'org:hts'))).toEqual(['هيئة تحرير الشام', 'الهيئة']);
    expect(mentions(entity('طالبت الإدارة الذاتية بمحكمة، وأكدت الإدارة', 'org:aanes'))).toEqual(['الإدارة الذاتية', 'الإدارة']);
    expect(mentions(entity('وجه مؤتمر ستار رسالة عبر هيئة العلاقات في المؤتمر', 'org:kongra-star'))).toEqual(['مؤتمر ستار', 'المؤتمر']);
    expect(headRefs(['هيئه تحرير الشام', 'الاداره الذاتيه', 'قسد'], new Set(['هيئه', 'اداره']))).toEqual(['الهيئه', 'الاداره']);
  });

  it('a noun that is another actor\'s name refers back only where the article uses it for the named actor', () => {
    // "الائتلاف" alone is the Syrian National Coalition …
    const snc = run('دعت الإدارة الذاتية التحالف إلى الدعم، واستغلت حكومة دمشق وما يسمى بالائتلاف الهجوم');
    expect(snc.entities.map((e) => e.id)).toEqual(['org:aanes', 'org:global-coalition', 'org:sy-government', 'org:syrian-national-coalition']);
    // … in a Syrian context: elsewhere "الائتلاف الحاكم" is any ruling coalition.
    expect(ids('انسحب الحزب من الائتلاف الحاكم')).toEqual([]);
    // … unless the article itself calls the Coalition "الائتلاف العالمي".
    const coalition = entity('حررت حملة الائتلاف المدن، وأكد وزراء الائتلاف العالمي لهزيمة داعش', 'org:global-coalition')!;
    expect(mentions(coalition)).toEqual(['الائتلاف', 'الائتلاف العالمي لهزيمة داعش']);
  });

  it('a surname names a person only once the article has named them in full', () => {
    expect(ids('قال بلينكن إن')).toEqual([]);
    expect(mentions(entity('قال وزير الخارجية أنتوني بلينكن إن ... وأضاف بلينكن', 'per:antony-blinken'))).toEqual(['أنتوني بلينكن', 'بلينكن']);
    expect(ids('زأر الأسد في القفص')).toEqual([]);
  });

  it('a name that is both a surname and a place is the place after a place cue', () => {
    expect(ids('قتل أبو بكر البغدادي ... وقال البغدادي')).toEqual(['per:abu-bakr-al-baghdadi']);
    expect(ids('قتل أبو بكر البغدادي قرب ناحية البغدادي').map((id) => id.split(':')[0])).toEqual(['per', 'loc']);
    expect(ids('معارك في ناحية البغدادي')).toEqual(['loc:iq:adm3:al-baghdady']);
  });
});

describe('geocoding', () => {
  it('gives every place coordinates, precision and country', () => {
    const { entities } = run('زار الوفد سوريا ومحافظة الحسكة ومخيم الهول');
    expect(entities.map((e) => [e.id, e.subtype, e.country, e.geo?.precision])).toEqual([
      ['loc:sy', 'country', 'SY', 'country'],
      ['loc:sy:adm1:al-hasakah', 'admin1', 'SY', 'admin1'],
      ['loc:sy:al-hol-camp', 'camp', 'SY', 'point'],
    ]);
    expect(entities[1]!.geo).toMatchObject({ pcode: 'SY08' });
  });

  it('chooses a settlement before an admin unit of the same name, unless a cue says otherwise', () => {
    expect(ids('قصف مدينة الحسكة')).toEqual(['loc:sy:hasakah']);
    expect(ids('هجوم على سجن في الحسكة')).toEqual(['loc:sy:hasakah']);
    expect(ids('في ريف محافظة الحسكة')).toEqual(['loc:sy:adm1:al-hasakah']);
  });

  it('chooses among same-named places by the article\'s other places and countries', () => {
    expect(ids('نزح أهالي سنجار إلى ربيعة').map((id) => id.split(':')[1])).toEqual(['iq', 'iq']);
    expect(ids('في اللاذقية وناحية ربيعة')).toEqual(['loc:sy:latakia', 'loc:sy:adm3:latakia-latakia-rabee-a']);
    expect(ids('اشتباكات في طرابلس الليبية وطرابلس').filter((id) => id.includes('tripoli'))).toEqual(['loc:ly:tripoli']);
    expect(ids('وصل الوفد إلى بيروت ثم إلى طرابلس')).toEqual(['loc:lb:beirut', 'loc:lb:tripoli']);
    expect(ids('أعلنت ليبيا أن طرابلس')).toEqual(['loc:ly', 'loc:ly:tripoli']);
  });
});

describe('linking with a name tagger (test double)', () => {
  it('makes a new:<hash> entity for a person the lexicon lacks, merges a later partial mention, and gives an English name', () => {
    const tagger = new ListTagger([
      { text: 'أحمد الحسن', type: 'PER' },
      { text: 'الحسن', type: 'PER' },
    ]);
    const { entities } = run('قال أحمد الحسن إن الوضع صعب. وأضاف الحسن أن', tagger);
    expect(entities).toHaveLength(1);
    expect(entities[0]).toMatchObject({ type: 'PER', name: { ar: 'أحمد الحسن', en: 'Ahmed al-Hassan' }, rule: 'model:test-tagger' });
    expect(entities[0]!.id).toMatch(/^new:[0-9a-f]{12}$/);
    expect(mentions(entities[0])).toEqual(['أحمد الحسن', 'الحسن']);
  });

  it('a surname the tagger left out is a mention of the one person named in full with it, wherever it stands', () => {
    const tagger = new ListTagger([{ text: 'سامر المرزوقي', type: 'PER' }]);
    const { entities } = run('المرزوقي يطالب بالشفافية\nقال سامر المرزوقي إن الوضع صعب. وأضاف المرزوقي أن الحل سياسي.', tagger);
    expect(entities.map((e) => [e.type, mentions(e)])).toEqual([['PER', ['المرزوقي', 'سامر المرزوقي', 'المرزوقي']]]);
  });

  it('no surname for two persons who share it, nor one that is someone\'s first name, nor a definite adjective', () => {
    const shared = run('قال سامر الحلبي إن الوضع صعب، وقال ماجد الحلبي إن الحل سياسي. وأضاف الحلبي أن', new ListTagger([{ text: 'سامر الحلبي', type: 'PER' }, { text: 'ماجد الحلبي', type: 'PER' }]));
    expect(shared.entities.map((e) => mentions(e))).toEqual([['سامر الحلبي'], ['ماجد الحلبي']]);
    const first = run('قال فؤاد حسين إن الوضع صعب. والتقى حسين سامر بالوزير.', new ListTagger([{ text: 'فؤاد حسين', type: 'PER' }, { text: 'حسين سامر', type: 'PER' }]));
    expect(first.entities.map((e) => mentions(e))).toEqual([['فؤاد حسين'], ['حسين سامر']]);
    const adjective = run('قال سامر البغدادي إن الشارع البغدادي هادئ.', new ListTagger([{ text: 'سامر البغدادي', type: 'PER' }]));
    expect(adjective.entities.map((e) => mentions(e))).toEqual([['سامر البغدادي']]);
    const nationality = run('قال أبو الحسن التونسي إن الوضع صعب. واعتقل التونسي في المطار.', new ListTagger([{ text: 'أبو الحسن التونسي', type: 'PER' }]));
    expect(nationality.entities.map((e) => mentions(e))).toEqual([['أبو الحسن التونسي']]);
  });

  it('a party or movement the tagger misses is found by its head: "حزب …", and "حركة …" when the article refers back to "الحركة"', () => {
    const tagger = new ListTagger([]);
    const text = 'واعتبرت حركة الشعب أن العدوان خطير. وأكدت الحركة موقفها. وبين حزب التكتل الديمقراطي من أجل العمل والحريات، تضامنه. وأعلن حراك تونس الإرادة دعمه.';
    expect(run(text, tagger).entities.filter((e) => e.type === 'ORG').map((e) => mentions(e)[0])).toEqual(['حركة الشعب', 'حزب التكتل الديمقراطي من أجل العمل والحريات', 'حراك تونس الإرادة']);
  });

  it('no body where a common noun heads a phrase: "حركة السير", or "حركة …" never referred back to', () => {
    const tagger = new ListTagger([]);
    expect(run('وشهدت حركة السير ازدحاما. وأكدت الحركة أن الطرق مغلقة.', tagger).entities).toEqual([]);
    expect(run('وتراجعت حركة الأسواق في المدينة.', tagger).entities).toEqual([]);
  });

  it('a party\'s name stops before a title, a relative pronoun, a nationality or a word describing it', () => {
    const tagger = new ListTagger([]);
    expect(run('وقال حزب الرئيس الفرنسي إن الوضع صعب.', tagger).entities).toEqual([]);
    const text = 'وقال حزب اليسار الذي يقوده النائب إن الوضع صعب. وأعلن حزب الأغلبية الحالي دعمه.';
    expect(run(text, tagger).entities.map((e) => mentions(e)[0])).toEqual(['حزب اليسار', 'حزب الأغلبية']);
  });

  it('a body named by what it fights: "مكتب مكافحة الجريمة", "مركز مكافحة التطرف" (not "التابع" after it)', () => {
    const tagger = new ListTagger([]);
    const text = 'وتمكنت وحدات من مكتب مكافحة الجريمة من القبض على المتهم. وقال رئيس مركز مكافحة التطرف التابع للمديرية إن الخطر قائم.';
    expect(run(text, tagger).entities.map((e) => mentions(e)[0])).toEqual(['مكتب مكافحة الجريمة', 'مركز مكافحة التطرف']);
    expect(run('وتواصل الحكومة مكافحة الإرهاب في المدينة.', tagger).entities).toEqual([]);
  });

  it('an organisation the tagger finds under a head of an outlet ("صحيفة …") reports the news: sector MED', () => {
    const tagger = new ListTagger([
      { text: 'صحيفة النهار الجديد', type: 'ORG' },
      { text: 'منظمة الأمل', type: 'ORG' },
    ]);
    const { entities } = run('وذكرت صحيفة النهار الجديد أن منظمة الأمل وزعت المساعدات.', tagger);
    expect(entities.map((e) => [mentions(e)[0], e.subtype])).toEqual([['صحيفة النهار الجديد', 'MED'], ['منظمة الأمل', null]]);
  });

  it('merges new names by normalised name, and keeps MISC and unsure spans out', () => {
    const tagger = new ListTagger([
      { text: 'منظمة الأمل', type: 'ORG' },
      { text: 'منظمه الامل', type: 'ORG' },
      { text: 'رمضان', type: 'MISC' },
      { text: 'سامر', type: 'PER', confidence: 0.2 },
    ]);
    const { entities } = run('أعلنت منظمة الأمل في رمضان أن منظمه الامل وسامر', tagger);
    expect(entities.map((e) => [e.type, mentions(e)])).toEqual([['ORG', ['منظمة الأمل', 'منظمه الامل']]]);
  });

  it('an organisation\'s name around a lexicon place is the organisation; other overlaps keep the lexicon', () => {
    const tagger = new ListTagger([
      { text: 'جامعة حلب', type: 'ORG' },
      { text: 'قسد', type: 'PER' },
    ]);
    const { entities } = run('أضرب طلاب جامعة حلب واعتقلت قسد', tagger);
    expect(entities.map((e) => [e.id.startsWith('new:') ? 'new' : e.id, e.type, mentions(e)])).toEqual([
      ['new', 'ORG', ['جامعة حلب']],
      ['org:sdf', 'ORG', ['قسد']],
    ]);
  });

  it('links a tagger name the lexicon holds to the lexicon id', () => {
    const tagger = new ListTagger([{ text: 'الباب', type: 'LOC' }]);
    const bab = run('انسحبت القوات من الباب', tagger).entities;
    expect(bab.map((e) => [e.id, e.rule, e.geo?.precision])).toEqual([['loc:sy:al-bab', 'model:test-tagger', 'point']]);
  });

  it('leaves a place the gazetteer lacks without geo, and says so', () => {
    const tagger = new ListTagger([{ text: 'الزيتونة الخضراء', type: 'LOC' }]);
    const { entities, messages } = run('قصفت الطائرات قرية الزيتونة الخضراء', tagger);
    expect(entities.map((e) => [e.type, e.geo, mentions(e)])).toEqual([['LOC', null, ['الزيتونة الخضراء']]]);
    expect(messages).toEqual([
      { code: 'place-not-in-gazetteer', message: '"الزيتونة الخضراء" is not in the gazetteer: its geo is null', span: { start: 19, end: 35, text: 'الزيتونة الخضراء' } },
    ]);
  });
});

describe('institutions built by rule', () => {
  const orgs = (text: string) => run(text).entities.filter((e) => e.type === 'ORG');

  it('makes nationality adjectives from the gazetteer\'s country names by pattern', () => {
    expect(nisbasOf('سوريا')).toEqual(['سوري']);
    expect(nisbasOf('السعوديه')).toEqual(['السعودي', 'سعودي']);
    expect(nisbasOf('فرنسا')).toEqual(['فرنسي']);
    expect(nisbasOf('الفلبين')).toEqual(['الفلبيني', 'فلبيني']);
    expect(nisbasOf('المانيا')).toEqual(['الماني', 'ماني']);
    expect(nisbasOf('كوريا الشماليه')).toEqual([]);
  });

  it('a head noun and a nationality adjective is the institution, with its country and sector', () => {
    const police = entity('أوقفت الشرطة النمساوية رجلين عند الحدود', 'org:at:police')!;
    expect(police).toMatchObject({ type: 'ORG', subtype: 'GOV', country: 'AT' });
    expect(mentions(police)).toEqual(['الشرطة النمساوية']);
    const army = entity('وقصف الجيش الكيني مواقع للمسلحين', 'org:ke:army')!;
    expect(army).toMatchObject({ subtype: 'MIL', country: 'KE' });
    expect(mentions(entity('وقالت وزارة الدفاع البولندية إن الطائرة سقطت', 'org:pl:defence-ministry'))).toEqual(['وزارة الدفاع البولندية']);
    // the same institution gets the same id however it is written
    expect(ids('أعلنت الحكومة الكينية ثم رحبت حكومة كينيا بالقرار')).toEqual(['org:ke:government']);
    // the lexicon's actor where it holds the institution by the same convention
    expect(ids('ورحبت حكومة الأردن بالقرار')).toEqual(['org:jo-government']);
  });

  it('the whole phrase is one mention: no country LOC inside it', () => {
    const found = run('قالت وزارة الداخلية السعودية إنها اعتقلت المشتبه به').entities;
    expect(found.map((e) => e.id)).toEqual(['org:sa:interior-ministry']);
  });

  it('a ministry left unsaid takes the feminine adjective and is no part of a title', () => {
    expect(ids('ونددت الخارجية الكينية بالهجوم')).toContain('org:ke:foreign-ministry');
    expect(ids('وقال وزير الخارجية الكيني إن بلاده')).not.toContain('org:ke:foreign-ministry');
  });

  it('a local body with ب and a place', () => {
    const council = run('وأكد المجلس العسكري بمنبج أن الهجوم فشل').entities.find((e) => e.type === 'ORG')!;
    expect(council).toMatchObject({ subtype: 'MIL', country: 'SY' });
    expect(council.id).toMatch(/^org:sy:[a-z-]*manbij:military-council$/);
    expect(mentions(council)).toEqual(['المجلس العسكري بمنبج']);
  });

  it('a nationality adjective on another noun, a head noun alone, or national security, is no ORG', () => {
    expect(orgs('تراجعت الأسواق التركية بعد القرار')).toEqual([]);
    expect(orgs('وصلت البضائع الإيرانية إلى الميناء')).toEqual([]);
    expect(orgs('انتشر الجيش في الشوارع وأغلقت الشرطة الطرق')).toEqual([]);
    expect(orgs('لأسباب تتعلق بالأمن الوطني المصري')).toEqual([]);
  });

  it('a definite back-reference is the one institution of its kind named before it', () => {
    const police = entity('فتحت الشرطة الهولندية تحقيقا. وقالت الشرطة إن المشتبه به فر', 'org:nl:police')!;
    expect(mentions(police)).toEqual(['الشرطة الهولندية', 'الشرطة']);
    const ministry = entity('وأصدرت وزارة العدل البولندية بيانا، وأضافت الوزارة أن', 'org:pl:justice-ministry')!;
    expect(mentions(ministry)).toEqual(['وزارة العدل البولندية', 'الوزارة']);
    // two ministries named: "الوزارة" is neither
    const two = run('التقت وزارة العدل البولندية ووزارة الداخلية البولندية، وقالت الوزارة إن').entities;
    expect(two.flatMap((e) => e.mentions.map((m) => m.text))).not.toContain('الوزارة');
    // nothing named before: no reference
    expect(orgs('قالت الشرطة إن المشتبه به فر')).toEqual([]);
  });

  it('a bare head names the institution of the article\'s country, when the article names none of that kind', () => {
    const police = entity('انفجار في الموصل. وقالت الشرطة إن الانفجار وقع قرب سوق في كركوك', 'org:iq:police')!;
    expect(police).toMatchObject({ type: 'ORG', country: 'IQ' });
    expect(mentions(police)).toEqual(['الشرطة']);
    // no country clearly ahead: nothing
    expect(orgs('وصل الوفد من بغداد إلى دمشق، وقالت الشرطة إن الطريق آمن')).toEqual([]);
    // one of that kind named: the bare head is a back-reference to it, not the home country's
    expect(ids('في بغداد، قالت الشرطة الألمانية إن ... وأضافت الشرطة أن')).toContain('org:de:police');
    expect(ids('في بغداد، قالت الشرطة الألمانية إن ... وأضافت الشرطة أن')).not.toContain('org:iq:police');
  });

  it('a ministry named without a country is an ORG; with the country named elsewhere it is that ministry', () => {
    expect(orgs('وأعلنت وزارة العدل أن المحاكمة تبدأ غدا').map((e) => mentions(e))).toEqual([['وزارة العدل']]);
    const found = orgs('قالت وزارة الداخلية التونسية إن ... وأضافت وزارة الداخلية أن');
    expect(found.map((e) => e.id)).toEqual(['org:tn:interior-ministry']);
    expect(mentions(found[0])).toEqual(['وزارة الداخلية التونسية', 'وزارة الداخلية']);
  });

  it('a lexicon name over the same words wins', () => {
    expect(ids('وقصف الجيش السوري القرية')).toEqual(['org:sy-army']);
  });

  it('a party by its head and nisba adjectives; a front line is no party', () => {
    expect(orgs('وانسحب الحزب الشيوعي من الائتلاف').map((e) => mentions(e))).toEqual([['الحزب الشيوعي']]);
    expect(orgs('تقدمت القوات على الجبهة الشمالية')).toEqual([]);
  });

  it('a body named by a head, a nationality and ل + its field is one ORG, and its head refers back to it', () => {
    const found = orgs('أصدر المركز اللبناني لحقوق الإنسان تقريرا، وقال المركز إن');
    expect(found.map((e) => [e.subtype, e.country, mentions(e)])).toEqual([['NGO', 'LB', ['المركز اللبناني لحقوق الإنسان', 'المركز']]]);
    // no field after it: "المركز اللبناني" alone is no body
    expect(orgs('زار الوفد المركز اللبناني في المدينة')).toEqual([]);
  });

  it('the opposition of the article\'s country, in its usual names', () => {
    const found = orgs('تقدمت فصائل المعارضة المسلحة نحو حماة وريف حمص');
    expect(found.map((e) => [e.id, mentions(e)])).toEqual([['org:sy:opposition', ['فصائل المعارضة المسلحة']]]);
  });

  it('the forces of a government the lexicon names are an ORG of their own', () => {
    const found = orgs('هاجمت قوات حكومة الوفاق مواقع التنظيم');
    expect(found.map((e) => e.id)).toEqual(['org:ly-government:forces']);
    expect(found[0]).toMatchObject({ subtype: 'MIL', country: 'LY' });
  });

  it('security bodies named by kind: "الجهات الأمنية", "قوات الطوارئ" of a country', () => {
    const sa = 'وقعت مواجهات في الرياض. وقالت وزارة الداخلية السعودية إن الجهات الأمنية السعودية طوقت الموقع';
    expect(entity(sa, 'org:sa:security-forces')).toMatchObject({ type: 'ORG', subtype: 'MIL', country: 'SA' });
    // a bare head in a story from one country is that country's
    const bare = entity('اشتباكات في جدة والرياض في السعودية. وأمنت قوات الطوارئ محيط المنطقة', 'org:sa:emergency-forces');
    expect(bare).toMatchObject({ type: 'ORG', country: 'SA' });
    expect(mentions(bare)).toEqual(['قوات الطوارئ']);
  });

  it('negative: "الجهات" alone, or "حالة الطوارئ", is no security body', () => {
    expect(orgs('في بغداد، قالت الجهات المعنية إن الطريق آمن')).toEqual([]);
    expect(orgs('في بغداد، أعلنت الحكومة حالة الطوارئ في المدينة').map((e) => e.id)).not.toContain('org:iq:emergency-forces');
  });
});

describe('tagger spans corrected by what stands around them', () => {
  it('a head noun before a tagged name makes it an organisation or a site, head included', () => {
    const tagger = new ListTagger([
      { text: 'خالد بن الوليد', type: 'PER' },
      { text: 'اللوفر', type: 'ORG' },
    ]);
    const found = run('أعلن لواء خالد بن الوليد انسحابه من محيط متحف اللوفر', tagger).entities;
    expect(found.map((e) => [e.type, mentions(e)])).toEqual([
      ['ORG', ['لواء خالد بن الوليد']],
      ['LOC', ['متحف اللوفر']],
    ]);
  });

  it('the bare name of such an organisation joins it', () => {
    const tagger = new ListTagger([{ text: 'صقور الجبل', type: 'PER' }]);
    const found = run('قاتل لواء صقور الجبل في الريف، وقال قائد صقور الجبل إن', tagger).entities;
    expect(found.map((e) => [e.type, mentions(e)])).toEqual([['ORG', ['لواء صقور الجبل', 'صقور الجبل']]]);
  });

  it('a nationality noun ends no person\'s name and is none alone; a kunya loses its preposition and joins the name before it', () => {
    const tagger = new ListTagger([
      { text: 'مراد حسن', type: 'PER' },
      { text: 'بأبي خالد مصري', type: 'PER' },
      { text: 'وسوداني', type: 'PER' },
    ]);
    const found = run('قتل مراد حسن الملقب بأبي خالد مصري الجنسية، وسوداني آخر', tagger).entities;
    expect(found.map((e) => mentions(e))).toEqual([['مراد حسن', 'أبي خالد']]);
  });

  it('one person however the surname is written, and a surname before the full name joins it', () => {
    const tagger = new ListTagger([
      { text: 'البرغوثي', type: 'PER' },
      { text: 'نادر البرغوثي', type: 'PER' },
      { text: 'نادر برغوثي', type: 'PER' },
    ]);
    const found = run('البرغوثي يعود. وصل نادر البرغوثي أمس، وقال نادر برغوثي إن', tagger).entities;
    expect(found.map((e) => mentions(e))).toEqual([['البرغوثي', 'نادر البرغوثي', 'نادر برغوثي']]);
    // two people share the surname: a lone surname joins neither
    const two = new ListTagger([
      { text: 'البرغوثي', type: 'PER' },
      { text: 'نادر البرغوثي', type: 'PER' },
      { text: 'سامي البرغوثي', type: 'PER' },
    ]);
    expect(run('البرغوثي يعود. التقى نادر البرغوثي سامي البرغوثي', two).entities).toHaveLength(3);
  });

  it('a generic noun alone is no name', () => {
    expect(run('أعلن حزب جديد تأسيسه', new ListTagger([{ text: 'حزب', type: 'ORG' }])).entities).toEqual([]);
    expect(run('وعاد النازحون إلى الريف', new ListTagger([{ text: 'الريف', type: 'LOC' }])).entities).toEqual([]);
  });
});

describe('English names of new people', () => {
  it('uses the Wikidata spelling of each token, the article as "al-", fixed particles', () => {
    expect(englishPersonName(['محمد', 'بن', 'خالد', 'الحسن'])).toBe('Mohamed bin Khaled al-Hassan');
    expect(englishPersonName(['ابو', 'علي'])).toBe('Abu Ali');
  });

  it('romanises a token the map lacks, the same way every time', () => {
    expect(romanise('مظلوم')).toBe('mazlum');
    expect(romanise('فرهاد')).toBe('farhad');
    expect(romanise('عبدي')).toBe('abdi');
    expect(romanise('كوباني')).toBe('kubani');
  });
});

describe('the entity stage in the pipeline', () => {
  it('runs without a tagger, and every mention quotes the record text', () => {
    expect(PIPELINE.some((s) => s.kind === 'extractor' && s.run.name === 'ar/entities')).toBe(true);
    const record = extractArticle({
      origin: 'test',
      sourceKey: 'test',
      source: {},
      title: 'قسد تعتقل خلية لداعش في دير الزور',
      body: 'أعلنت قوات سوريا الديمقراطية اعتقال خلية لتنظيم داعش في ريف دير الزور الشرقي بدعم من التحالف الدولي.',
      published: '2022-11-18',
      notes: [],
    });
    expect(checkRecord(record)).toEqual([]);
    expect(record.entities.map((e) => e.id)).toEqual(['org:sdf', 'org:isis', 'loc:sy:deir-ez-zor', 'org:global-coalition']);
    for (const e of record.entities) for (const m of e.mentions) expect(record.text.slice(m.start, m.end)).toBe(m.text);
  });

  it('a trigger word inside a name is part of the name: "نداء تونس" is a party, not an appeal', () => {
    const article = (body: string) => ({ origin: 'test', sourceKey: 'test', source: {}, title: 'خبر', body, published: '2017-01-10', notes: [] });
    const party = extractArticle(article('استقالت النائبة من كتلة نداء تونس في البرلمان.'));
    expect(party.entities.map((e) => e.id)).toContain('org:nidaa-tounes');
    expect(party.events.filter((e) => e.type === 'REQUEST')).toEqual([]);
    // An appeal is still an appeal.
    const appeal = extractArticle(article('ووجهت الحكومة التونسية نداء إلى المنظمات الدولية طالبت فيه بدعم اللاجئين.'));
    expect(appeal.events.map((e) => e.type)).toContain('REQUEST');
  });
});
