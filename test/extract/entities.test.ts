import { describe, expect, it } from 'vitest';
import { extractArticle, checkRecord } from '../../src/extract/document.js';
import { englishPersonName, romanise } from '../../src/extract/entities/english.js';
import { createEntityExtractor } from '../../src/extract/entities/index.js';
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
