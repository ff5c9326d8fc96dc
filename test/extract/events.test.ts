/**
 * Events on sentences written for these tests, with the entities placed by hand (the entity
 * extractor is tested on its own): triggers and their inflections, VSO and SVO subjects, speaking
 * documents, addressees, contents, several demands in one sentence, modality, merging, and
 * negative cases.
 */
import { describe, expect, it } from 'vitest';
import { eventExtractor } from '../../src/extract/events/extractor.js';
import { eventLexicon, inflect } from '../../src/extract/events/lexicon.js';
import { loadGazetteer } from '../../src/lexicon/gazetteer.js';
import type { DateMention, Entity, Event } from '../../src/extract/record.js';
import { mergeEvents } from '../../src/extract/refiners/merge-events.js';
import { emptyExtraction } from '../../src/extract/types.js';
import { analyzeText } from '../../src/text/analyze.js';
import { extractBody } from '../helpers/records.js';

interface Actor {
  id: string;
  type?: Entity['type'];
  subtype?: string;
  /** ISO alpha-2 country code, where the entity has one. */
  country?: string;
  /** Surface forms to mark wherever they stand (longest first wins). */
  forms: string[];
}

const SDF: Actor = { id: 'org:sdf', forms: ['قوات سوريا الديمقراطية', 'قسد'] };
const AANES: Actor = { id: 'org:aanes', forms: ['الإدارة الذاتية'] };
const COALITION: Actor = { id: 'org:coalition', forms: ['التحالف الدولي'] };
const UN: Actor = { id: 'org:un', forms: ['الأمم المتحدة'] };
const MSD: Actor = { id: 'org:msd', forms: ['مجلس سوريا الديمقراطية'] };
const ISIS: Actor = { id: 'org:isis', forms: ['داعش', 'التنظيم'] };
const TURKEY: Actor = { id: 'loc:tr', type: 'LOC', subtype: 'country', forms: ['تركيا'] };
const HASAKAH: Actor = { id: 'loc:sy:hasakah', type: 'LOC', subtype: 'city', forms: ['الحسكة'] };
const INTL: Actor = { id: 'org:intl-community', forms: ['المجتمع الدولي'] };

/** Marks the actors' forms in the text (a form inside a longer one is not marked again). */
function entitiesIn(text: string, actors: Actor[]): Entity[] {
  const taken: [number, number][] = [];
  const byLength = actors.flatMap((a) => a.forms.map((f) => ({ a, f }))).sort((x, y) => y.f.length - x.f.length);
  const mentions = new Map<string, { start: number; end: number; text: string }[]>();
  for (const { a, f } of byLength) {
    for (let at = text.indexOf(f); at >= 0; at = text.indexOf(f, at + 1)) {
      if (taken.some(([s, e]) => at < e && s < at + f.length)) continue;
      taken.push([at, at + f.length]);
      mentions.set(a.id, [...(mentions.get(a.id) ?? []), { start: at, end: at + f.length, text: f }]);
    }
  }
  return actors
    .filter((a) => mentions.has(a.id))
    .map((a) => ({
      id: a.id,
      type: a.type ?? 'ORG',
      subtype: a.subtype ?? null,
      name: { ar: a.forms[0]!, en: null },
      country: a.country ?? null,
      geo: null,
      mentions: mentions.get(a.id)!.sort((x, y) => x.start - y.start),
    }));
}

function events(text: string, actors: Actor[], options: { dates?: DateMention[]; titleEnd?: number } = {}): Event[] {
  const doc = analyzeText(text);
  const sofar = { ...emptyExtraction(), entities: entitiesIn(text, actors), dates: options.dates ?? [] };
  const input = { doc, published: '2024-12-06', titleEnd: options.titleEnd ?? 0 };
  const found = eventExtractor.extract(input, sofar).events ?? [];
  return mergeEvents.refine(input, { ...sofar, events: found }).events;
}

const brief = (e: Event) => ({ type: e.type, actor: e.actor, recipient: e.recipient, trigger: e.trigger.text });

describe('trigger lexicon', () => {
  it('names only gazetteer places as capitals that act', () => {
    const places = loadGazetteer().byId;
    const actorPlaces = [...eventLexicon().actorPlaces];
    expect(actorPlaces.length).toBeGreaterThan(10);
    for (const id of actorPlaces) expect(places.get(id)?.kind, id).toMatch(/^(city|admin1)$/);
  });

  it('inflects regular verbs from their stems', () => {
    const forms = inflect(['طالب'], ['طالب']);
    const byForm = new Map(forms.map((f) => [f.form, f]));
    for (const f of ['طالب', 'طالبت', 'طالبوا', 'يطالب', 'تطالب', 'نطالب', 'يطالبون', 'تطالبان']) expect(byForm.has(f), f).toBe(true);
    expect(byForm.get('نطالب')).toMatchObject({ tense: 'present', firstPerson: true });
    expect(byForm.get('طالبنا')).toMatchObject({ tense: 'past', firstPerson: true });
    expect(byForm.get('طالبت')).toMatchObject({ tense: 'past', firstPerson: false });
    // no dual "طالبا": it would read "دعماً"-like accusative nouns as verbs
    expect(byForm.has('طالبا')).toBe(false);
  });

  it('finds inflected and cliticised triggers', () => {
    for (const [sentence, trigger] of [
      ['وطالبت الإدارة الذاتية التحالف الدولي بالدعم.', 'وطالبت'],
      ['تطالب الإدارة الذاتية التحالف الدولي بالدعم.', 'تطالب'],
      ['وستطالب الإدارة الذاتية التحالف الدولي بالدعم.', 'وستطالب'],
    ] as const) {
      const [e] = events(sentence, [AANES, COALITION]);
      expect(e?.trigger.text, sentence).toBe(trigger);
      expect(e?.type).toBe('REQUEST');
    }
    // A plural verb has its subject in itself: the actor after it is its object, the speaker the one before.
    const plural = events('أكدت الإدارة الذاتية موقفها. ويطالبون التحالف الدولي بالدعم.', [AANES, COALITION]).find((e) => e.trigger.text === 'ويطالبون');
    expect(plural).toMatchObject({ type: 'REQUEST', actor: ['org:aanes'], recipient: ['org:coalition'] });
  });
});

describe('subjects', () => {
  it('VSO: the subject follows the verb; the object is the recipient; the content is what is asked', () => {
    const text = 'دعت الإدارة الذاتية المجتمع الدولي إلى إنشاء محكمة دولية لمحاكمة عناصر التنظيم.';
    const [e] = events(text, [AANES, INTL, ISIS]);
    expect(brief(e!)).toEqual({ type: 'REQUEST', actor: ['org:aanes'], recipient: ['org:intl-community'], trigger: 'دعت' });
    expect(e!.content?.text).toBe('إلى إنشاء محكمة دولية لمحاكمة عناصر التنظيم');
    expect(e!.topics).toEqual(expect.arrayContaining(['international-tribunal', 'accountability']));
    expect(e!.sentence.text).toBe(text);
    expect(e!.rule).toBe('ar/events/request/daa');
  });

  it('SVO: the subject precedes the verb (headline style)', () => {
    const [e] = events('مجلس سوريا الديمقراطية يطالب التحالف الدولي بحماية المدنيين', [MSD, COALITION]);
    expect(brief(e!)).toEqual({ type: 'REQUEST', actor: ['org:msd'], recipient: ['org:coalition'], trigger: 'يطالب' });
    expect(e!.content?.text).toBe('بحماية المدنيين');
    expect(e!.topics).toEqual(['civilian-protection']);
  });

  it('a head noun before the actor: "القيادة العامة لقوات …", "المتحدث باسم …"', () => {
    const [a] = events('دعت القيادة العامة لقوات سوريا الديمقراطية التحالف الدولي إلى مواصلة الدعم.', [SDF, COALITION]);
    expect(brief(a!)).toMatchObject({ actor: ['org:sdf'], recipient: ['org:coalition'] });
    const [b] = events('وقال المتحدث باسم التحالف الدولي إن العمليات مستمرة.', [COALITION]);
    expect(brief(b!)).toMatchObject({ type: 'STATEMENT', actor: ['org:coalition'] });
    expect(b!.content?.text).toBe('إن العمليات مستمرة');
  });

  it('compound actors stay lists', () => {
    const [e] = events('أدانت الإدارة الذاتية ومجلس سوريا الديمقراطية القصف على القرى.', [AANES, MSD]);
    expect(e!.actor).toEqual(['org:aanes', 'org:msd']);
  });

  it('a speaking document stands for the actor the article has established', () => {
    const text = 'الإدارة الذاتية تطالب بمحكمة دولية\n\nوقال البيان إن المحاكمات تجري في المنطقة.';
    const list = events(text, [AANES], { titleEnd: text.indexOf('\n') });
    const statement = list.find((e) => e.type === 'STATEMENT')!;
    expect(statement.actor).toEqual(['org:aanes']);
    expect(statement.trigger.text).toBe('وقال');
  });

  it('"وجاء في نص الرسالة" speaks for the article\'s actor; the demand it holds is the event, with no second STATEMENT', () => {
    const text = 'مجلس سوريا الديمقراطية يوجه رسالة إلى الأمم المتحدة\n\nوجاء في نص الرسالة "نطالب بحماية المدنيين".';
    const list = events(text, [MSD, UN], { titleEnd: text.indexOf('\n') });
    // (the demand in the letter and the headline's letter are one REQUEST, told twice)
    expect(list.map((e) => [e.type, e.actor, e.evidence?.length])).toEqual([['REQUEST', ['org:msd'], 2]]);
    expect(list.map((e) => e.type)).not.toContain('STATEMENT');
    const plain = 'مجلس سوريا الديمقراطية يوجه رسالة إلى الأمم المتحدة\n\nوجاء في نص الرسالة أن الوضع الإنساني صعب.';
    expect(events(plain, [MSD, UN], { titleEnd: plain.indexOf('\n') }).find((e) => e.type === 'STATEMENT')?.actor).toEqual(['org:msd']);
  });

  it('a verb with no subject continues the previous sentence\'s subject, and one statement is merged', () => {
    const text = 'أكدت الإدارة الذاتية أن المخيمات تحتاج إلى دعم. وأضافت أن عودة النازحين أولوية.';
    const list = events(text, [AANES]);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ type: 'STATEMENT', actor: ['org:aanes'] });
    expect(list[0]!.evidence!.map((s) => s.text)).toEqual(['أكدت الإدارة الذاتية أن المخيمات تحتاج إلى دعم.', 'وأضافت أن عودة النازحين أولوية.']);
    expect(list[0]!.topics).toEqual(expect.arrayContaining(['camps', 'displacement-return']));
  });

  it('a place is not an actor; a country is', () => {
    expect(events('قصفت تركيا قرى ريف الحسكة.', [TURKEY, HASAKAH])[0]).toMatchObject({ type: 'ASSAULT', actor: ['loc:tr'], place: 'loc:sy:hasakah' });
  });
});

describe('subjects: harder cases', () => {
  it('quote marks around the subject do not hide it', () => {
    expect(events('“التحالف الدولي” يؤكد عزمه على مواصلة القتال', [COALITION])[0]).toMatchObject({ type: 'STATEMENT', actor: ['org:coalition'] });
  });

  it('"وكان X، قد طالب": a comma before the auxiliary', () => {
    const text = 'وكان القائد العام لقوات سوريا الديمقراطية، قد طالب التحالف الدولي بالدعم.';
    expect(events(text, [SDF, COALITION])[0]).toMatchObject({ type: 'REQUEST', actor: ['org:sdf'], recipient: ['org:coalition'] });
  });

  it('"الآلاف من مرتزقة …": the subject after a quantity and من', () => {
    const text = 'هاجم الآلاف من عناصر داعش القرى المحيطة بالمدينة.';
    const at = text.indexOf('الآلاف');
    const quantities = [{ start: at, end: at + 6, text: 'الآلاف', value: null, low: 2000, high: 9000, qualifier: null, unit: null, counted: null, category: 'fighters' as const }];
    const doc = analyzeText(text);
    const sofar = { ...emptyExtraction(), entities: entitiesIn(text, [ISIS]), quantities };
    const found = eventExtractor.extract({ doc, published: null, titleEnd: 0 }, sofar).events ?? [];
    expect(found[0]).toMatchObject({ type: 'ASSAULT', actor: ['org:isis'], quantities: [0] });
  });

  it('"بيان التحالف": a document followed by its owner speaks for the owner', () => {
    const text = 'الإدارة الذاتية ترحب\n\nوحث بيان التحالف الدولي على تخصيص موارد كافية.';
    const req = events(text, [AANES, COALITION], { titleEnd: text.indexOf('\n') }).find((e) => e.type === 'REQUEST')!;
    expect(req.actor).toEqual(['org:coalition']);
  });

  it('first person speaks for the speaker: "نحثكم", "ونلتزم", "سنواصل دعم X"', () => {
    const text = 'مجلس سوريا الديمقراطية يوجه رسالة إلى الأمم المتحدة\n\nونلتزم بحماية المدنيين. وسنواصل دعم الإدارة الذاتية.';
    const list = events(text, [MSD, UN, AANES], { titleEnd: text.indexOf('\n') });
    expect(list.find((e) => e.type === 'AGREE')).toMatchObject({ actor: ['org:msd'], modality: 'future' });
    expect(list.find((e) => e.type === 'SUPPORT')).toMatchObject({ actor: ['org:msd'], recipient: ['org:aanes'] });
  });

  it('an event noun after "verb + actor": "تواصل قسد الحرب ضد داعش"', () => {
    expect(events('تواصل قسد الحرب ضد خلايا داعش في البادية.', [SDF, ISIS])[0]).toMatchObject({
      type: 'ASSAULT',
      actor: ['org:sdf'],
      recipient: ['org:isis'],
      topics: ['counter-isis'],
    });
  });

  it('a speaker goes on speaking; a subjectless verb does not take the last attacker', () => {
    const text = 'هاجمت داعش حاجزا. وطالبت الإدارة الذاتية بالحماية. وأضافت أن الوضع صعب.';
    const list = events(text, [ISIS, AANES]);
    expect(list.find((e) => e.type === 'STATEMENT')!.actor).toEqual(['org:aanes']);
  });
});

describe('recipients and contents', () => {
  it('an addressee after a preposition; a later demand in the same sentence keeps it', () => {
    const text = 'وجه مجلس سوريا الديمقراطية نداء إلى الأمم المتحدة طالب فيه بفتح معبر اليعربية.';
    const list = events(text, [MSD, UN]);
    expect(list).toHaveLength(1);
    expect(brief(list[0]!)).toEqual({ type: 'REQUEST', actor: ['org:msd'], recipient: ['org:un'], trigger: 'وجه' });
    expect(list[0]!.topics).toContain('humanitarian-access');
  });

  it('"نحثكم": an attached "you" is the addressee of the demand before it', () => {
    const text = 'طالبت الإدارة الذاتية التحالف الدولي بالدعم. ونحثكم على استعادة رعاياكم.';
    const list = events(text, [AANES, COALITION]);
    expect(list).toHaveLength(1);
    expect(list[0]!.recipient).toEqual(['org:coalition']);
    expect(list[0]!.topics).toContain('repatriation');
  });

  it('several demands in one sentence are all in its content and topics', () => {
    const [e] = events('طالبت الإدارة الذاتية بفتح معبر تل كوجر وإعادة المهجرين إلى قراهم وإنشاء محكمة دولية.', [AANES]);
    expect(e!.content?.text).toBe('بفتح معبر تل كوجر وإعادة المهجرين إلى قراهم وإنشاء محكمة دولية');
    expect(e!.topics).toEqual(expect.arrayContaining(['humanitarian-access', 'displacement-return', 'international-tribunal']));
  });

  it('what a demand asks for is not an event of its own', () => {
    const list = events('طالبت الإدارة الذاتية التحالف الدولي بدعم قوات سوريا الديمقراطية ومحاربة التنظيم.', [AANES, COALITION, SDF, ISIS]);
    expect(list.map((e) => e.type)).toEqual(['REQUEST']);
  });
});

describe('modality', () => {
  it('negated by لم / لن; "لا يزال" is not a negation', () => {
    expect(events('ولم تهاجم قوات سوريا الديمقراطية القرية.', [SDF])[0]!.modality).toBe('negated');
    expect(events('لن تقصف تركيا المنطقة.', [TURKEY])[0]!.modality).toBe('negated');
    expect(events('ولا يزال التنظيم يهاجم القرى.', [ISIS])[0]!.modality).toBe('asserted');
  });

  it('future by the prefix سـ, by سوف, and for commitments', () => {
    // the masdar after a future verb: the support it promises is future
    expect(events('سيواصل التحالف الدولي دعم قوات سوريا الديمقراطية.', [COALITION, SDF])[0]).toMatchObject({ type: 'SUPPORT', modality: 'future', actor: ['org:coalition'], recipient: ['org:sdf'] });
    expect(events('وسيدعم التحالف الدولي قوات سوريا الديمقراطية.', [COALITION, SDF])[0]).toMatchObject({ type: 'SUPPORT', modality: 'future', recipient: ['org:sdf'] });
    expect(events('سوف تهاجم تركيا المنطقة.', [TURKEY])[0]!.modality).toBe('future');
    expect(events('تعهد التحالف الدولي بمواصلة الحرب على التنظيم.', [COALITION, ISIS])[0]).toMatchObject({ type: 'AGREE', modality: 'future' });
  });

  it('hypothetical after a condition', () => {
    expect(events('وفي حال هاجمت تركيا المنطقة فإن الأهالي سينزحون.', [TURKEY])[0]!.modality).toBe('hypothetical');
  });

  it('an event inside a denial is negated', () => {
    const list = events('ونفى التحالف الدولي أن تكون طائراته قد استهدفت المدنيين.', [COALITION]);
    expect(list.map((e) => [e.type, e.modality])).toEqual([
      ['REJECT', 'asserted'],
      ['ASSAULT', 'negated'],
    ]);
  });
});

describe('when, where, figures, merging', () => {
  it('takes the date and place of its own sentence', () => {
    const text = 'هاجمت خلايا داعش أمس حاجزا في الحسكة.';
    const at = text.indexOf('أمس');
    const dates: DateMention[] = [{ start: at, end: at + 3, text: 'أمس', value: '2024-12-05', precision: 'day', relative: true }];
    const [e] = events(text, [ISIS, HASAKAH], { dates });
    expect(e).toMatchObject({ type: 'ASSAULT', actor: ['org:isis'], place: 'loc:sy:hasakah', date: { value: '2024-12-05', precision: 'day' } });
  });

  it('one event told in the lead and again in the body is one event with both sentences', () => {
    const text = 'هاجمت خلايا داعش قرية في الحسكة. وفي التفاصيل، هاجمت خلايا داعش القرية فجرا.';
    const list = events(text, [ISIS, HASAKAH]);
    expect(list).toHaveLength(1);
    expect(list[0]!.evidence).toHaveLength(2);
    expect(list[0]!.id).toMatch(/^ev-[0-9a-f]{12}$/);
  });

  it('a telling that names no recipient joins one that does', () => {
    const text = 'وجهت الإدارة الذاتية رسالة إلى التحالف الدولي. وطالبت الإدارة الذاتية بحماية المدنيين.';
    const list = events(text, [AANES, COALITION]);
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ type: 'REQUEST', recipient: ['org:coalition'] });
    expect(list[0]!.evidence).toHaveLength(2);
  });

  it('attacks on different dates stay apart', () => {
    const text = 'هاجمت خلايا داعش قرية أمس. وهاجمت خلايا داعش قرية اليوم.';
    const d = (w: string, v: string): DateMention => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length, text: w, value: v, precision: 'day', relative: true });
    expect(events(text, [ISIS], { dates: [d('أمس', '2024-12-05'), d('اليوم', '2024-12-06')] })).toHaveLength(2);
  });
});

describe('what is not an event', () => {
  it('a city is not "condemning"; the PMF is not a mobilisation; a noun of speech without a speaker is nothing', () => {
    expect(events('وصل الوفد إلى مدينة الحسكة.', [HASAKAH])).toEqual([]);
    expect(events('انتشرت قوات الحشد الشعبي في المنطقة.', [{ id: 'org:pmf', forms: ['الحشد الشعبي'] }])).toEqual([]);
    expect(events('وتتواصل الدعوات إلى الهدوء.', [])).toEqual([]);
  });

  it('a ministry is not a visit, "additional" is not "added", control is not a seizure, a purpose is not an act', () => {
    const ministry: Actor = { id: 'org:mod', forms: ['وزارة الدفاع'] };
    expect(events('أصدرت وزارة الدفاع بيانا إضافيا حول سيطرة القوات على المعبر.', [ministry]).map((e) => e.trigger.text)).toEqual(['أصدرت']);
    expect(events('جاءت الزيارة لشن حملة ضد الفساد.', [])).toEqual([]);
  });

  it('a relative clause tells what is known: "المناطق التي تسيطر عليها تركيا"', () => {
    expect(events('زادت المناطق التي تسيطر عليها تركيا.', [TURKEY])).toEqual([]);
  });

  it('a noun after a demonstrative refers back: "تلك الهجمات"', () => {
    expect(events('ونتيجة تلك الهجمات نزح الأهالي.', [])).toEqual([]);
  });

  it('"الاجتماعي" is an adjective, not "my meeting"; "يسيطر" describes, "دعماً" is a noun', () => {
    expect(events('نشرت الإدارة الذاتية صورا على وسائل التواصل الاجتماعي.', [AANES])).toEqual([]);
    expect(events('يسيطر التنظيم على مناطق صحراوية.', [ISIS])).toEqual([]);
    expect(events('قدم الاتحاد الأوروبي تمويلا جديدا دعماً للاستقرار.', []).map((e) => e.type)).not.toContain('SUPPORT');
  });

  it('a verb form after a preposition is a verbal noun that needs its own actor: "في حثّ الدول"', () => {
    expect(events('تواصل جهودها في حث الدول على استعادة رعاياها.', [])).toEqual([]);
  });

  it('a verbal noun inside a reported statement is not an event of its own', () => {
    const list = events('أكدت الإدارة الذاتية أن المخيمات تحتاج إلى دعم.', [AANES]);
    expect(list.map((e) => e.type)).toEqual(['STATEMENT']);
  });

  it('"تحمّل المسؤولية" (bear) is not "حمّل X المسؤولية" (blame)', () => {
    expect(events('يجب على الدول تحمل هذه المسؤولية.', []).map((e) => e.type)).toEqual([]);
    expect(events('وحملت الإدارة الذاتية تركيا المسؤولية عن الهجوم.', [AANES, TURKEY])[0]).toMatchObject({ type: 'ACCUSE', actor: ['org:aanes'], recipient: ['loc:tr'] });
  });

  it('"دعم" as a noun is not a support event', () => {
    // (Stressing the importance of an act asks for it: a REQUEST, as "أكد على أهمية" is.)
    expect(events('أكد المجتمع الدولي أهمية دعم الاستقرار في المنطقة.', [INTL]).map((e) => e.type)).toEqual(['REQUEST']);
  });

  it('a statement nobody named made is not an event; an unnamed speaker is not the article\'s actor', () => {
    expect(events('أكد الوزير أهمية الاستقرار في المنطقة.', [])).toEqual([]);
    const text = 'قصفت تركيا القرى. وأفاد مسؤولون محليون بأن العائلات نزحت.';
    expect(events(text, [TURKEY]).map((e) => e.type)).toEqual(['ASSAULT']);
  });

  it('a capital stands for its government right beside a verb that agrees with it, and as an addressee', () => {
    const ANKARA: Actor = { id: 'loc:tr:ankara', type: 'LOC', subtype: 'city', forms: ['أنقرة'] };
    const WASHINGTON: Actor = { id: 'loc:us:washington', type: 'LOC', subtype: 'city', forms: ['واشنطن'] };
    const RIYADH: Actor = { id: 'loc:sa:riyadh', type: 'LOC', subtype: 'city', forms: ['الرياض'] };
    const LONDON: Actor = { id: 'loc:gb:london', type: 'LOC', subtype: 'city', forms: ['لندن'] };
    expect(events('وأعلنت واشنطن أن القوات ستبقى.', [WASHINGTON])[0]).toMatchObject({ type: 'STATEMENT', actor: ['loc:us:washington'] });
    expect(events('أنقرة تهدد قسد بعملية عسكرية.', [ANKARA, SDF])[0]).toMatchObject({ actor: ['loc:tr:ankara'] });
    // A masculine verb: the capital is the one addressed ("دعا أنقرة": Ankara is called on).
    const called = events('دعت الإدارة الذاتية إلى الحوار. ودعا أنقرة إلى وقف القصف.', [AANES, ANKARA]);
    expect(called.map((e) => [e.type, e.actor, e.recipient])).toContainEqual(['REQUEST', ['org:aanes'], ['loc:tr:ankara']]);
    expect(events('واتهم التحالف الدولي واشنطن والرياض بالتقصير.', [COALITION, WASHINGTON, RIYADH])[0]).toMatchObject({ actor: ['org:coalition'], recipient: ['loc:us:washington', 'loc:sa:riyadh'] });
    // Not a capital in a genitive ("شرطة لندن") or a relative clause ("التي مقرها لندن").
    expect(events('وقالت شرطة لندن إن الطريق أغلق.', [LONDON]).flatMap((e) => e.actor)).not.toContain('loc:gb:london');
    expect(events('المنظمة التي مقرها لندن دعت الحكومة إلى الإفراج عن المعتقلين.', [LONDON]).flatMap((e) => e.actor)).not.toContain('loc:gb:london');
    // A city that is no capital is never an actor.
    // A city acts for no one: the curfew it announces is an act with no known doer, and no statement of the city's.
    expect(events('وأعلنت الحسكة حظر التجول.', [HASAKAH]).map((e) => [e.type, e.actor])).toEqual([['COERCE', []]]);
  });

  it('"فجر اليوم" is dawn, "سلم ريشتر" a scale; "فجر انتحاري نفسه" is a bombing', () => {
    expect(events('واعتقلت قسد فجر اليوم ثلاثة عناصر من داعش.', [SDF, ISIS]).map((e) => e.type)).toEqual(['COERCE']);
    expect(events('وضربت الحسكة هزة بقوة 4 درجات على سلم ريشتر.', [HASAKAH])).toEqual([]);
    expect(events('وفجر عنصر من داعش نفسه قرب حاجز لقسد.', [ISIS, SDF])[0]).toMatchObject({ type: 'ASSAULT', mode: 'explosives' });
  });

  it('a verb after أن takes no subject from before أن', () => {
    const WELT: Actor = { id: 'org:die-welt', forms: ['دي فيلت'] };
    // The arrest it reports is the event, by an unnamed doer; the paper is neither its doer nor a speaker of a position.
    const list = events('وذكرت صحيفة دي فيلت أن الشرطة ألقت القبض على المنفذ.', [WELT]);
    expect(list.map((e) => [e.type, e.actor])).toEqual([['COERCE', []]]);
    expect(events('وذكرت صحيفة دي فيلت أن الوضع هادئ.', [WELT]).map((e) => [e.type, e.actor])).toEqual([['STATEMENT', ['org:die-welt']]]);
    // Its own subject after أن still counts.
    expect(events('وذكرت صحيفة دي فيلت أن قسد ألقت القبض على المنفذ.', [WELT, SDF]).map((e) => [e.type, e.actor])).toContainEqual(['COERCE', ['org:sdf']]);
  });

  it('"بحث عن" is searching, not talks; "بحث الجانبان" is talks', () => {
    expect(events('وبحثت قسد عن المفقودين في الحسكة.', [SDF, HASAKAH]).map((e) => e.type)).toEqual([]);
    expect(events('وبحث مسؤولون عن حلول للأزمة.', []).map((e) => e.type)).toEqual([]);
    expect(events('وبحثت قسد مع التحالف الدولي سبل التعاون.', [SDF, COALITION])[0]).toMatchObject({ type: 'CONSULT', actor: ['org:sdf'], recipient: ['org:coalition'] });
    // "فضلاً عن" (as well as) further on does not make it a search.
    expect(events('وبحثت قسد مع التحالف الدولي الوضع الأمني فضلاً عن ملف المخيمات.', [SDF, COALITION]).map((e) => e.type)).toEqual(['CONSULT']);
  });

  it('an indefinite speaker ("قالت متحدثة باسم …") is someone new: named by the entity that ends the phrase, else unknown', () => {
    const text = 'دعت الإدارة الذاتية إلى فتح المعبر. وقالت متحدثة باسم خفر السواحل للتحالف الدولي إن القوارب غرقت.';
    // Not the article's actor, and not the addressee after "ل"; a subjectless "وأضافت" after it is hers too.
    expect(events(text, [AANES, COALITION]).map((e) => e.type)).toEqual(['REQUEST']);
    expect(events(`${text} وأضافت أن البحث مستمر.`, [AANES, COALITION]).map((e) => e.type)).toEqual(['REQUEST']);
    // A named speaker after her speaks for themselves, and "وأضاف" is theirs.
    const after = `${text} وقالت الإدارة الذاتية إن المعبر مغلق. وأضافت أن البحث مستمر.`;
    // (the two statements are one event told in two sentences: its evidence holds both)
    expect(events(after, [AANES, COALITION]).map((e) => [e.type, e.actor, e.evidence?.length])).toEqual([['REQUEST', ['org:aanes'], 1], ['STATEMENT', ['org:aanes'], 2]]);
    expect(events('وقال متحدث باسم قسد إن الهجوم فشل.', [SDF])[0]).toMatchObject({ type: 'STATEMENT', actor: ['org:sdf'] });
    // The person named in apposition, before what is said, is the speaker; one in what is said is not.
    const HAJJ: Actor = { id: 'new:hajj', type: 'PER', forms: ['سعاد الحاج'] };
    const ALI: Actor = { id: 'new:ali', type: 'PER', forms: ['علي حسن'] };
    expect(events(`${text.split('. ')[0]}. وقالت عضو في مجلس سوريا الديمقراطية، سعاد الحاج، إن المعبر مغلق.`, [AANES, MSD, HAJJ])[1]).toMatchObject({ type: 'STATEMENT', actor: ['new:hajj'] });
    expect(events(`${text.split('. ')[0]}. وقالت متحدثة إن علي حسن غادر.`, [AANES, ALI]).map((e) => e.type)).toEqual(['REQUEST']);
    // What someone unnamed says is still reported: an act told in it with a subject of its own,
    // though that names no entity, is the act with no known doer (ontology.md: unnamed doers).
    expect(events('وقالت متحدثة إن ثلاثة أشخاص قتلوا في الحسكة.', [HASAKAH]).map((e) => [e.type, e.actor])).toEqual([['ASSAULT', []]]);
    expect(events('وقالت متحدثة إن قسد اعتقلت ثلاثة أشخاص.', [SDF]).map((e) => [e.type, e.actor])).toEqual([['COERCE', ['org:sdf']]]);
    // An unnamed member speaks for the body named after في / ب; "مقربة من" is not membership.
    expect(events('وقال مصدر عسكري في قسد إن الهجوم فشل.', [SDF])[0]).toMatchObject({ type: 'STATEMENT', actor: ['org:sdf'] });
    expect(events('وأفاد مسؤولون بالإدارة الذاتية بأن المعبر مغلق.', [AANES])[0]).toMatchObject({ type: 'STATEMENT', actor: ['org:aanes'] });
    expect(events('وقال عضو في مجلس سوريا الديمقراطية إن المعبر مغلق.', [MSD])[0]).toMatchObject({ type: 'STATEMENT', actor: ['org:msd'] });
    expect(events('دعت الإدارة الذاتية إلى فتح المعبر. وذكرت مصادر مقربة من قسد أن المعبر مغلق.', [AANES, SDF]).map((e) => e.type)).toEqual(['REQUEST']);
    expect(events('دعت الإدارة الذاتية إلى فتح المعبر. وقال مسؤول في الحسكة إن المعبر مغلق.', [AANES, HASAKAH]).map((e) => e.type)).toEqual(['REQUEST']);
    // A title with the person named beside it, after an unnamed speaker: that person.
    const MUSCAT: Actor = { id: 'new:muscat', type: 'PER', forms: ['جوزيف موسكات'] };
    const malta = 'وأفادت مصادر بأن الطائرة هبطت. وقال رئيس وزراء مالطا، جوزيف موسكات، إن الركاب بخير.';
    expect(events(malta, [MUSCAT]).map((e) => [e.type, e.actor])).toEqual([['STATEMENT', ['new:muscat']]]);
    // After a verb that is not of saying, a titled phrase is the object: "التقى رئيس الحكومة، فلان".
    const SHAHED: Actor = { id: 'new:shahed', type: 'PER', forms: ['يوسف الشاهد'] };
    expect(events('وقال المجلس إن وفدا التقى رئيس الحكومة، يوسف الشاهد، أمس.', [SHAHED]).find((e) => e.type === 'CONSULT')?.actor ?? []).not.toContain('new:shahed');
    // A verb that opens its clause takes the titled phrase after it as its subject.
    expect(events('والتقى رئيس الحكومة، يوسف الشاهد، بوفد من التحالف الدولي.', [SHAHED, COALITION])[0]).toMatchObject({ type: 'CONSULT', actor: ['new:shahed'] });
    // Definite, the spokesperson is someone already named: the article's speaker goes on.
    const known = 'دعت الإدارة الذاتية إلى فتح المعبر. وقال المتحدث إن المعبر مغلق.';
    expect(events(known, [AANES]).map((e) => [e.type, e.actor])).toEqual([['REQUEST', ['org:aanes']], ['STATEMENT', ['org:aanes']]]);
  });

  it('a subjectless demand continues its own sentence\'s subject', () => {
    const text = 'وأدانت الإدارة الذاتية القصف. من جهته، قدّر مجلس سوريا الديمقراطية عدد النازحين، ودعا المنظمات إلى التدخل.';
    expect(events(text, [AANES, MSD]).find((e) => e.type === 'REQUEST')!.actor).toEqual(['org:msd']);
  });
});

describe('coding as the ontology says (issue 12)', () => {
  const POLICE: Actor = { id: 'org:de-police', subtype: 'COP', forms: ['الشرطة الألمانية'] };
  const AGENCY: Actor = { id: 'org:agency', subtype: 'MED', forms: ['وكالة الأنباء'] };
  const MONITOR: Actor = { id: 'org:monitor', subtype: 'NGO', forms: ['المرصد'] };

  it('a reported act is the act, by the announcer who does it, with no second STATEMENT', () => {
    const list = events('أعلنت الشرطة الألمانية اعتقال العشرات من عناصر داعش في برلين.', [POLICE, ISIS]);
    expect(list.map(brief)).toEqual([{ type: 'COERCE', actor: ['org:de-police'], recipient: ['org:isis'], trigger: 'اعتقال' }]);
    expect(events('وأعلنت الشرطة الألمانية أنها اعتقلت خمسة أشخاص.', [POLICE]).map(brief)).toEqual([
      { type: 'COERCE', actor: ['org:de-police'], recipient: [], trigger: 'اعتقلت' },
    ]);
  });

  it('a news agency or an observer that reports an act did not do it', () => {
    expect(events('أعلنت وكالة الأنباء اعتقال عشرة مدنيين.', [AGENCY]).map((e) => [e.type, e.actor])).toEqual([['COERCE', []]]);
    expect(events('وذكر المرصد أن ضربة جوية أصابت القرية.', [MONITOR]).filter((e) => e.actor.includes('org:monitor'))).toEqual([]);
    expect(events('وذكر المرصد أن الوضع في القرية هادئ.', [MONITOR]).map((e) => [e.type, e.actor])).toEqual([['STATEMENT', ['org:monitor']]]);
  });

  it('an act deeper in what is said, or the subject of a clause after أن, is no report of the speaker\'s own act', () => {
    expect(events('وقال متحدث باسم قسد إن الهجوم فشل.', [SDF]).map((e) => e.type)).toEqual(['STATEMENT']);
    expect(events('أكدت الإدارة الذاتية أن المخيمات تحتاج إلى حماية من الهجمات.', [AANES]).map((e) => e.type)).toEqual(['STATEMENT']);
  });

  it('an unnamed definite subject is nobody known, never the article\'s actor', () => {
    const text = 'دعت الإدارة الذاتية إلى فتح المعبر. وقالت الشرطة المحلية إن الطريق مغلق.';
    expect(events(text, [AANES]).map((e) => e.type)).toEqual(['REQUEST']);
    // A verb that takes an object may have it right after: "ودعا المنظمات" is not an unnamed subject.
    const object = 'قدّر مجلس سوريا الديمقراطية عدد النازحين، ودعا المنظمات إلى التدخل.';
    expect(events(object, [MSD]).find((e) => e.type === 'REQUEST')?.actor).toEqual(['org:msd']);
  });

  it('the genitive of a noun of arrest or killing is the one acted upon; of an attack, the attacker', () => {
    expect(events('وتواصل اعتقال قادة داعش في المنطقة.', [ISIS]).map(brief)).toEqual([{ type: 'COERCE', actor: [], recipient: ['org:isis'], trigger: 'اعتقال' }]);
    expect(events('وأسفر هجوم داعش عن أضرار.', [ISIS]).map(brief)).toEqual([{ type: 'ASSAULT', actor: ['org:isis'], recipient: [], trigger: 'هجوم' }]);
  });

  it('an attack told with no doer is an event with no actor; a claim of responsibility names the doer', () => {
    expect(events('وأسفر الهجوم عن أضرار مادية.', []).map(brief)).toEqual([{ type: 'ASSAULT', actor: [], recipient: [], trigger: 'الهجوم' }]);
    const claimed = 'قتل عشرة أشخاص في هجوم على سوق المدينة. وتبنى داعش الهجوم في بيان.';
    expect(events(claimed, [ISIS]).filter((e) => e.type === 'ASSAULT').map((e) => e.actor)).toEqual([['org:isis']]);
    const denied = 'قتل عشرة أشخاص في هجوم على سوق المدينة. ولم تعلن قسد أي مسؤولية عنه بل نفت أي مسؤولية.';
    expect(events(denied, [SDF]).filter((e) => e.type === 'ASSAULT').every((e) => !e.actor.includes('org:sdf'))).toBe(true);
  });

  it('a verb of doing after an act noun names its doer: "هجوم شنه داعش", "الهجمات التي شنتها قسد"', () => {
    expect(events('وأدى هجوم شنه داعش إلى أضرار.', [ISIS]).map((e) => [e.type, e.actor])).toEqual([['ASSAULT', ['org:isis']]]);
    expect(events('وتضررت القرى من الهجمات الأخيرة التي شنتها قسد.', [SDF]).map((e) => [e.type, e.actor])).toEqual([['ASSAULT', ['org:sdf']]]);
  });

  it('an act noun that did not take place is no event: a purpose, a stance, someone\'s known acts, an adjective', () => {
    expect(events('جاءت الزيارة لشن حملة ضد الفساد.', [])).toEqual([]);
    expect(events('وتعمل المنظمة ضد الهجمات على المدنيين.', [])).toEqual([]);
    expect(events('وغيّر التنظيم أسلوب عملياته.', [ISIS])).toEqual([]);
    expect(events('وتعيش العائلات في الأحياء المحاصرة.', [])).toEqual([]);
    expect(events('ولا يزال الآلاف رهن الاحتجاز في المعسكرات.', [])).toEqual([]);
    expect(events('وزار الوفد مراكز الاحتجاز في المنطقة.', []).map((e) => e.type)).not.toContain('COERCE');
  });

  it('a title in apposition to the subject does not part the verb from its object', () => {
    const ALLAWI: Actor = { id: 'new:allawi', type: 'PER', forms: ['إياد علاوي'] };
    const QATAR: Actor = { id: 'loc:qa', type: 'LOC', subtype: 'country', forms: ['قطر'] };
    expect(events('اتهم إياد علاوي نائب الرئيس العراقي قطر بدعم التطرف.', [ALLAWI, QATAR])[0]).toMatchObject({ type: 'ACCUSE', actor: ['new:allawi'], recipient: ['loc:qa'] });
  });
});

describe('passives and members (issue 12)', () => {
  const BAGHDADI: Actor = { id: 'per:baghdadi', type: 'PER', forms: ['أبو بكر البغدادي', 'البغدادي'] };
  const ARMY: Actor = { id: 'org:iq-army', forms: ['الجيش العراقي'] };
  const PMF: Actor = { id: 'org:pmf', forms: ['الحشد الشعبي'] };

  it('the one named before a verb of force that acts on nothing is the one acted upon', () => {
    expect(events('وأكدت مصادر أن البغدادي قتل في ريف الرقة.', [BAGHDADI]).map(brief)).toEqual([{ type: 'ASSAULT', actor: [], recipient: ['per:baghdadi'], trigger: 'قتل' }]);
    expect(events('قتل أبو بكر البغدادي زعيم داعش في ريف الرقة.', [BAGHDADI, ISIS]).map(brief)).toEqual([{ type: 'ASSAULT', actor: [], recipient: ['per:baghdadi'], trigger: 'قتل' }]);
  });

  it('the doer of a passive is who "على يد" names, or the owner of the strike it was done by; the strike is no second event', () => {
    expect(events('قتل قائد في داعش على يد الجيش العراقي.', [ISIS, ARMY]).map(brief)).toEqual([{ type: 'ASSAULT', actor: ['org:iq-army'], recipient: ['org:isis'], trigger: 'قتل' }]);
    expect(events('قتل قائد في داعش بغارة لقسد.', [ISIS, SDF]).map(brief)).toEqual([{ type: 'ASSAULT', actor: ['org:sdf'], recipient: ['org:isis'], trigger: 'قتل' }]);
  });

  it('an object makes the verb active: a member of a body after في is the one acted upon', () => {
    expect(events('قتل الجيش العراقي قائدا في داعش.', [ARMY, ISIS]).map(brief)).toEqual([{ type: 'ASSAULT', actor: ['org:iq-army'], recipient: ['org:isis'], trigger: 'قتل' }]);
    expect(events('هاجم الآلاف من عناصر داعش، القرى المحيطة بالمدينة.', [ISIS]).map((e) => [e.type, e.actor])).toEqual([['ASSAULT', ['org:isis']]]);
    expect(events('وتقدمت القوات نحو المناطق التي كانت تحتجزها داعش.', [ISIS]).every((e) => !e.recipient.includes('org:isis'))).toBe(true);
  });

  it('a unit of a body right before the verb acts for it; a genitive deep in the object is not the subject', () => {
    const text = 'وقالت مصادر إن مفرزة خاصة من الحشد الشعبي قتلت أحد أبرز قناصي داعش.';
    expect(events(text, [PMF, ISIS]).find((e) => e.type === 'ASSAULT')?.actor).toEqual(['org:pmf']);
    expect(events('قتلت أحد أبرز قناصي داعش قرب الجبال.', [ISIS]).every((e) => !e.actor.includes('org:isis'))).toBe(true);
  });
});

describe('demands inside speech and object pronouns (issue 12)', () => {
  it('a demand inside speech is a REQUEST of whoever is to act; a plain position stays a STATEMENT', () => {
    expect(events('وقالت الإدارة الذاتية إن على المجتمع الدولي أن يتحرك لحماية المدنيين.', [AANES, INTL])[0]).toMatchObject({ type: 'REQUEST', actor: ['org:aanes'], recipient: ['org:intl-community'] });
    expect(events('وشددت الإدارة الذاتية على ضرورة محاكمة عناصر داعش.', [AANES, ISIS])[0]).toMatchObject({ type: 'REQUEST', actor: ['org:aanes'], recipient: [] });
    expect(events('وأكدت الإدارة الذاتية أن خطر داعش ما زال قائما.', [AANES, ISIS])[0]).toMatchObject({ type: 'STATEMENT', actor: ['org:aanes'] });
  });

  it('an object pronoun is the actor named right before the verb, not one inside a relative clause', () => {
    const QATAR: Actor = { id: 'loc:qa', type: 'LOC', subtype: 'country', forms: ['قطر'] };
    const list = events('وقاطعت تركيا الاجتماع مع قطر وطالبتها بوقف الدعم.', [TURKEY, QATAR]);
    expect(list.find((e) => e.type === 'REQUEST')).toMatchObject({ actor: ['loc:tr'], recipient: ['loc:qa'] });
    expect(events('وقالت قسد إنها حررت الأراضي التي كانت تحتجزها داعش.', [SDF, ISIS]).every((e) => !(e.actor.includes('org:isis') && e.recipient.length > 0))).toBe(true);
  });
});

describe('every form of a trigger, every type', () => {
  it('a participle is its sentence actor\'s act; the actor after it is its recipient, not its subject', () => {
    const list = events('ندد التحالف الدولي بالهجوم، داعياً المجتمع الدولي إلى محاسبة المسؤولين.', [COALITION, INTL]);
    expect(list.map(brief)).toContainEqual({ type: 'REQUEST', actor: ['org:coalition'], recipient: ['org:intl-community'], trigger: 'داعياً' });
    const [e] = events('أصدرت الإدارة الذاتية بيانا مطالبةً التحالف الدولي بدعم المخيمات.', [AANES, COALITION]).filter((x) => x.type === 'REQUEST');
    expect(brief(e!)).toEqual({ type: 'REQUEST', actor: ['org:aanes'], recipient: ['org:coalition'], trigger: 'مطالبةً' });
  });

  it('a passive has no subject after it: the one named is acted on', () => {
    const [e] = events('هوجمت قوات سوريا الديمقراطية قرب الحسكة.', [SDF, HASAKAH]);
    expect(brief(e!)).toEqual({ type: 'ASSAULT', actor: [], recipient: ['org:sdf'], trigger: 'هوجمت' });
    const [a] = events('واُعتقل قيادي في داعش على يد قوات سوريا الديمقراطية.', [ISIS, SDF]);
    expect(a!.type).toBe('COERCE');
    expect(a!.actor).not.toContain('org:isis');
  });

  it('new types through the extractor', () => {
    expect(brief(events('صنفت تركيا قوات سوريا الديمقراطية منظمة إرهابية.', [TURKEY, SDF])[0]!)).toEqual({ type: 'SANCTION', actor: ['loc:tr'], recipient: ['org:sdf'], trigger: 'صنفت' });
    expect(brief(events('أحبطت قوات سوريا الديمقراطية محاولة لتفجير سيارة مفخخة.', [SDF])[0]!)).toMatchObject({ type: 'COERCE', actor: ['org:sdf'] });
    expect(brief(events('ناقش التحالف الدولي مع الإدارة الذاتية سبل دعم الاستقرار.', [COALITION, AANES])[0]!)).toEqual({ type: 'CONSULT', actor: ['org:coalition'], recipient: ['org:aanes'], trigger: 'ناقش' });
    expect(brief(events('تبادلت قسد إطلاق النار مع خلية لداعش.', [SDF, ISIS])[0]!)).toMatchObject({ type: 'ASSAULT', actor: ['org:sdf'] });
    expect(events('أفرجت الإدارة الذاتية عن عشرات الموقوفين.', [AANES])[0]).toMatchObject({ type: 'RETREAT', mode: 'release', actor: ['org:aanes'] });
    expect(events('وافقت تركيا على فتح المعبر.', [TURKEY])[0]).toMatchObject({ type: 'AGREE', actor: ['loc:tr'] });
    expect(events('فرضت الإدارة الذاتية حظر التجول في الحسكة.', [AANES, HASAKAH])[0]).toMatchObject({ type: 'COERCE', actor: ['org:aanes'] });
  });

  it('what a demand asks for is asked, not done, in every form', () => {
    const list = events('طالبت الإدارة الذاتية التحالف الدولي بفرض عقوبات على تركيا ووقف استهداف المدنيين وتوزيع المساعدات.', [AANES, COALITION, TURKEY]);
    expect(list.map((e) => e.type)).toEqual(['REQUEST']);
  });

  it('names and other senses are no acts', () => {
    const libya: Actor = { id: 'loc:ly', type: 'LOC', subtype: 'country', forms: ['ليبيا'] };
    expect(events('وقال قائد في قوات فجر ليبيا إن الوضع هادئ.', [libya]).map((e) => e.type)).not.toContain('ASSAULT');
    expect(events('ودعت تركيا إلى احترام وقف إطلاق النار.', [TURKEY]).map((e) => e.type)).toEqual(['REQUEST']);
    expect(events('وهنأت الإدارة الذاتية الأهالي بالعيد.', [AANES])).toEqual([]);
    // a party named "نداء" is no appeal that "وجّه" requires
    const party: Actor = { id: 'org:nidaa', forms: ['حزب نداء تونس', 'نداء تونس'] };
    expect(events('وجه رئيس الحكومة انتقادات إلى نداء تونس.', [party]).map((e) => e.type)).not.toContain('REQUEST');
  });
});

describe('expressed, renewed and affirmed acts; the article\'s actor (issue 12)', () => {
  it('who expresses, renews or affirms a condemnation or an accusation makes it', () => {
    expect(events('وأعربت الإدارة الذاتية عن إدانتها للقصف.', [AANES]).map((e) => [e.type, e.actor])).toContainEqual(['ACCUSE', ['org:aanes']]);
    expect(events('وجدد مجلس سوريا الديمقراطية اتهامه تركيا بدعم الفصائل.', [MSD, TURKEY]).find((e) => e.type === 'ACCUSE')).toMatchObject({ actor: ['org:msd'], recipient: ['loc:tr'] });
    // Expressing is no verb of doing for an attack: the attack named after it is not the speaker's.
    expect(events('وأعربت الإدارة الذاتية عن قلقها من الهجمات.', [AANES]).every((e) => !(e.type === 'ASSAULT' && e.actor.includes('org:aanes')))).toBe(true);
  });

  it('an actor merely named first does not speak for a subjectless verb; the article\'s first subject does', () => {
    const text = 'مقتل عشرة من عناصر داعش في المدينة\n\nوقال إن الوضع هادئ.';
    expect(events(text, [ISIS], { titleEnd: text.indexOf('\n') }).filter((e) => e.type === 'STATEMENT')).toEqual([]);
    const led = 'قسد تعتقل عناصر من داعش\n\nوقال إن الوضع هادئ.';
    expect(events(led, [SDF, ISIS], { titleEnd: led.indexOf('\n') }).find((e) => e.type === 'STATEMENT')?.actor).toEqual(['org:sdf']);
  });

  it('the article\'s actor speaks on only once the text has named it, never from a later sentence', () => {
    const text = 'وأدان حزب صغير العملية العسكرية. وبدورها أدانت الإدارة الذاتية القصف.';
    expect(events(text, [AANES]).filter((e) => e.type === 'ACCUSE').map((e) => [e.actor, e.evidence?.length])).toEqual([[['org:aanes'], 1]]);
  });
});

describe('recipients past titles (issue 12)', () => {
  it('a preposition before a title, its adjectives and a name governs the name: "مع وزير الخارجية الإيراني محمد ظريف"', () => {
    const ZARIF: Actor = { id: 'new:zarif', type: 'PER', forms: ['محمد جواد ظريف'] };
    const list = events('واجتمع مجلس سوريا الديمقراطية مع وزير الخارجية الإيراني محمد جواد ظريف.', [MSD, ZARIF]);
    expect(list[0]).toMatchObject({ type: 'CONSULT', actor: ['org:msd'], recipient: ['new:zarif'] });
    // Not past a word that is no title: "مع ممثلي الشباب في حي فلان" names no addressee.
    expect(events('واجتمع مجلس سوريا الديمقراطية مع ممثلي الشباب في قرية محمد جواد ظريف.', [MSD, ZARIF])[0]?.recipient ?? []).toEqual([]);
  });
});

describe('claims and relative clauses (issue 12)', () => {
  it('"أعلن X، الاثنين، مسؤوليته عن الهجوم": the claimed attack is the claimant\'s, with no STATEMENT', () => {
    const list = events('أعلن تنظيم داعش، الاثنين، مسؤوليته عن الهجوم على السوق.', [ISIS]);
    expect(list.map((e) => [e.type, e.actor])).toEqual([['ASSAULT', ['org:isis']]]);
  });

  it('the target of an act noun is the one a relative clause with a verb of the same act names', () => {
    expect(events('وأسفر الهجوم الذي استهدف قسد عن أضرار.', [SDF]).map(brief)).toEqual([{ type: 'ASSAULT', actor: [], recipient: ['org:sdf'], trigger: 'الهجوم' }]);
    // A verb of another kind names no target: "الهجوم الذي أدانته قسد".
    expect(events('وأسفر الهجوم الذي أدانته قسد عن أضرار.', [SDF]).find((e) => e.type === 'ASSAULT')?.recipient ?? []).toEqual([]);
  });
});

describe('acts carried by a verb, and described by one (issue 12)', () => {
  const POLICE: Actor = { id: 'org:de-police', subtype: 'COP', forms: ['الشرطة الألمانية'] };
  it('the subject of a verb that carries an act noun is its doer: "نفذت الشرطة … عملية دهم", "وكانت الشرطة نفذت …"', () => {
    expect(events('ونفذت الشرطة الألمانية فجر الأربعاء خمسين عملية دهم.', [POLICE]).map((e) => [e.type, e.actor])).toEqual([['COERCE', ['org:de-police']]]);
    expect(events('وكانت الشرطة الألمانية نفذت خمسين عملية دهم.', [POLICE]).map((e) => [e.type, e.actor])).toEqual([['COERCE', ['org:de-police']]]);
    // Not across a preposition: "بعد اجتماع عقده المجلس" is another construction, and "في" parts them here.
    expect(events('ونفذت الشرطة الألمانية خطة في عملية دهم.', [POLICE]).every((e) => !e.actor.includes('org:de-police'))).toBe(true);
  });

  it('a verb of force right after an act noun describes it: one act, its object the recipient', () => {
    expect(events('ونفذت الشرطة الألمانية عملية دهم استهدفت عناصر داعش.', [POLICE, ISIS]).map(brief)).toEqual([
      { type: 'COERCE', actor: ['org:de-police'], recipient: ['org:isis'], trigger: 'عملية دهم' },
    ]);
  });
});

describe('announced acts of several parties; what an attack is on (issue 12)', () => {
  const SA: Actor = { id: 'loc:sa', type: 'LOC', subtype: 'country', forms: ['السعودية'] };
  const EG: Actor = { id: 'loc:eg', type: 'LOC', subtype: 'country', forms: ['مصر'] };
  const QA: Actor = { id: 'loc:qa', type: 'LOC', subtype: 'country', forms: ['قطر'] };
  it('"أعلنت كل من X وY، صباح أمس، قطع علاقاتها بـZ" is the sanction of both, on Z', () => {
    const text = 'أعلنت كل من السعودية ومصر، صباح أمس، قطع علاقاتها الدبلوماسية بقطر.';
    const at = text.indexOf('أمس');
    const list = events(text, [SA, EG, QA], { dates: [{ start: at, end: at + 3, text: 'أمس', value: '2024-12-05', precision: 'day', relative: true }] });
    expect(list.map(brief)).toEqual([{ type: 'SANCTION', actor: ['loc:sa', 'loc:eg'], recipient: ['loc:qa'], trigger: 'قطع' }]);
  });

  it('ل after the object of an attack names whose it is; an actor in a relative clause after the object does not, unless it holds the place', () => {
    expect(events('وهاجمت قسد مقرات لداعش في المدينة.', [SDF, ISIS])[0]).toMatchObject({ type: 'ASSAULT', actor: ['org:sdf'], recipient: ['org:isis'] });
    expect(events('وهاجمت قسد القرية التي زارها داعش.', [SDF, ISIS])[0]?.recipient ?? []).not.toContain('org:isis');
    // The one who holds the place attacked is the one attacked (see "who holds the place" below).
    expect(events('وهاجمت قسد القرية التي يسيطر عليها داعش.', [SDF, ISIS])[0]?.recipient).toEqual(['org:isis']);
  });
});

describe('acts reported together (issue 12)', () => {
  const SA: Actor = { id: 'loc:sa', type: 'LOC', subtype: 'country', forms: ['السعودية'] };
  const QA: Actor = { id: 'loc:qa', type: 'LOC', subtype: 'country', forms: ['قطر'] };
  it('acts joined by و to a reported act are reported by the same announcer', () => {
    const MISSION: Actor = { id: 'org:qa-mission', forms: ['البعثة القطرية'] };
    const list = events('أعلنت السعودية قطع علاقاتها الدبلوماسية مع قطر، وإمهال البعثة القطرية يومين لمغادرة البلاد.', [SA, QA, MISSION]);
    // The genitive of the second act is the one acted upon, not its doer.
    expect(list.map(brief)).toEqual([
      { type: 'SANCTION', actor: ['loc:sa'], recipient: ['loc:qa'], trigger: 'قطع' },
      { type: 'COERCE', actor: ['loc:sa'], recipient: ['org:qa-mission'], trigger: 'وإمهال' },
    ]);
    // Not an act told after a new verb of saying: "وقالت إن الهجوم …" stays the speaker's topic.
    expect(events('أعلنت السعودية قطع علاقاتها مع قطر. وقالت إن الهجوم على السفارة مرفوض.', [SA, QA]).filter((e) => e.type === 'ASSAULT' && e.actor.includes('loc:sa'))).toEqual([]);
  });

  it('the subject of "استخدم" carries the act it uses: "استخدمت روسيا حق النقض"', () => {
    const RU: Actor = { id: 'loc:ru', type: 'LOC', subtype: 'country', forms: ['روسيا'] };
    expect(events('واستخدمت روسيا حق النقض ضد مشروع القرار.', [RU]).map((e) => [e.type, e.actor])).toEqual([['REJECT', ['loc:ru']]]);
  });
});

describe('meetings attended and held (issue 12)', () => {
  it('who attends a meeting held by another meets them: "حضر X اجتماعا عقده Y"', () => {
    const ENVOY: Actor = { id: 'per:envoy', type: 'PER', forms: ['ستافان دي ميستورا'] };
    const UNSC: Actor = { id: 'org:unsc', forms: ['مجلس الأمن'] };
    expect(events('وكان ستافان دي ميستورا قد حضر اجتماعا مغلقا عقده مجلس الأمن.', [ENVOY, UNSC]).map(brief)).toEqual([
      { type: 'CONSULT', actor: ['per:envoy'], recipient: ['org:unsc'], trigger: 'اجتماعا' },
    ]);
    // Held by the one who attends it: no one else.
    expect(events('وعقد مجلس الأمن اجتماعا مغلقا.', [UNSC]).map(brief)).toEqual([{ type: 'CONSULT', actor: ['org:unsc'], recipient: [], trigger: 'اجتماعا' }]);
  });
});

describe('names in brackets (issue 12)', () => {
  it('a short name in brackets after the announcer does not part it from the act it announces', () => {
    const text = 'أعلنت قوات سوريا الديمقراطية (قسد) اعتقال العشرات من عناصر داعش.';
    expect(events(text, [SDF, ISIS]).map(brief)).toEqual([{ type: 'COERCE', actor: ['org:sdf'], recipient: ['org:isis'], trigger: 'اعتقال' }]);
    // A word in brackets that names no one does.
    const other = 'أعلنت قوات سوريا الديمقراطية (في بيان) اعتقال العشرات من عناصر داعش.';
    expect(events(other, [SDF, ISIS]).find((e) => e.type === 'COERCE')?.actor ?? []).not.toContain('org:sdf');
  });
});

describe('a definite subject that refers back (issue 12)', () => {
  const PARTY: Actor = { id: 'org:party', forms: ['حزب التكتل'] };
  const GOV: Actor = { id: 'org:tn-gov', forms: ['الحكومة التونسية'] };
  it('"وأدان الحزب هذه العملية": the definite noun before an object is the subject, the party of that kind named last', () => {
    const text = 'وقال حزب التكتل إن الضربة مرفوضة. وأدان الحزب هذه العملية.';
    expect(events(text, [PARTY]).find((e) => e.type === 'ACCUSE')?.actor).toEqual(['org:party']);
    // Before an object actor, the definite noun is still the subject, and the actor the one asked.
    const asked = 'وقال حزب التكتل إن الضربة مرفوضة. ودعا الحزب الحكومة التونسية إلى التحرك.';
    expect(events(asked, [PARTY, GOV]).find((e) => e.type === 'REQUEST')).toMatchObject({ actor: ['org:party'], recipient: ['org:tn-gov'] });
    // Followed by a preposition, it is the object of a verb whose subject is dropped.
    expect(events('قدّر حزب التكتل عدد النازحين، ودعا المنظمات إلى التدخل.', [PARTY]).find((e) => e.type === 'REQUEST')?.actor).toEqual(['org:party']);
  });
});

describe('the parties of talks and deals (issue 12)', () => {
  const US: Actor = { id: 'loc:us', type: 'LOC', subtype: 'country', forms: ['الولايات المتحدة'] };
  const RU: Actor = { id: 'loc:ru', type: 'LOC', subtype: 'country', forms: ['روسيا'] };
  it('"محادثات … بين X وY": X meets Y, whoever else the sentence names', () => {
    expect(events('وحضر الوفد محادثات في جنيف بين الولايات المتحدة وروسيا.', [US, RU]).map(brief)).toEqual([
      { type: 'CONSULT', actor: ['loc:us'], recipient: ['loc:ru'], trigger: 'محادثات' },
    ]);
    // Another act's بين is not this one's: the meeting discussed coordination between them.
    const other = events('وتناول الاجتماع مراكز التنسيق المشتركة بين الولايات المتحدة وروسيا.', [US, RU]);
    expect(other.find((e) => e.type === 'CONSULT')?.actor ?? []).not.toContain('loc:us');
    // One party after بين is no pair: "بين الولايات المتحدة وحلفائها" leaves it to the other rules.
    expect(events('وحضر الوفد محادثات في جنيف بين الولايات المتحدة وحلفائها.', [US, RU]).find((e) => e.type === 'CONSULT')?.recipient ?? []).toEqual([]);
  });
});

describe('what an attack hits (issue 12)', () => {
  it('the owner of a target after the trigger\'s preposition is the one attacked: "على مواقع داعش", "على مقرات لداعش"', () => {
    const RU: Actor = { id: 'loc:ru', type: 'LOC', subtype: 'country', forms: ['روسيا'] };
    expect(events('وشنت روسيا غارات على مواقع داعش في الرقة.', [RU, ISIS])[0]).toMatchObject({ type: 'ASSAULT', actor: ['loc:ru'], recipient: ['org:isis'] });
    expect(events('وأطلقت روسيا صواريخ من البحر على مقرات لداعش في الرقة.', [RU, ISIS])[0]).toMatchObject({ type: 'ASSAULT', actor: ['loc:ru'], recipient: ['org:isis'] });
    // A head that is no target ("على أطفال داعش") does not make its owner the one attacked.
    expect(events('وشنت روسيا غارات على قرى قريبة من مواقع لقسد.', [RU, SDF])[0]?.recipient ?? []).not.toContain('org:sdf');
  });
});

describe('a nationality names the doer of an act of force (issue 12)', () => {
  it('"القصف التركي": the country the article names is the attacker; with none named, no one is', () => {
    const TR: Actor = { ...TURKEY, country: 'TR' };
    const text = 'وأسفر القصف التركي على القرية عن أضرار. وكانت تركيا قد هددت بذلك.';
    expect(events(text, [TR]).find((e) => e.type === 'ASSAULT')?.actor).toEqual(['loc:tr']);
    expect(events('وأسفر القصف التركي على القرية عن أضرار.', []).find((e) => e.type === 'ASSAULT')?.actor).toEqual([]);
    // A nationality after a noun of speech names no doer of force.
    expect(events('وأسفر الموقف التركي عن توتر. وكانت تركيا قد هددت بذلك.', [TR]).filter((e) => e.type === 'ASSAULT')).toEqual([]);
  });
});

describe('clashes (issue 12)', () => {
  it('in a clash each side attacks: two events, one each way', () => {
    expect(events('ودارت اشتباكات بين قسد وداعش في الريف.', [SDF, ISIS]).map((e) => [e.type, e.actor, e.recipient])).toEqual([
      ['ASSAULT', ['org:sdf'], ['org:isis']],
      ['ASSAULT', ['org:isis'], ['org:sdf']],
    ]);
    // An attack one side makes is not mirrored.
    expect(events('وهاجمت قسد مواقع داعش في الريف.', [SDF, ISIS]).map((e) => [e.actor, e.recipient])).toEqual([[['org:sdf'], ['org:isis']]]);
  });
});

describe('the reason given for a sanction (issue 12)', () => {
  const BH: Actor = { id: 'loc:bh', type: 'LOC', subtype: 'country', forms: ['البحرين'] };
  const QA: Actor = { id: 'loc:qa', type: 'LOC', subtype: 'country', forms: ['قطر'] };
  it('"قطعت X العلاقات مع Y بسبب دعمها …" also accuses Y, as X\'s reason', () => {
    const list = events('وقطعت البحرين علاقاتها مع قطر بسبب دعمها للإرهاب.', [BH, QA]);
    expect(list.map(brief)).toEqual([
      { type: 'SANCTION', actor: ['loc:bh'], recipient: ['loc:qa'], trigger: 'وقطعت' },
      { type: 'ACCUSE', actor: ['loc:bh'], recipient: ['loc:qa'], trigger: 'بسبب دعمها' },
    ]);
    expect(list[1]!.content?.text).toBe('بسبب دعمها للإرهاب');
    // A reason that is no doing of theirs ("بسبب الأزمة") accuses no one.
    expect(events('وقطعت البحرين علاقاتها مع قطر بسبب الأزمة.', [BH, QA]).map((e) => e.type)).toEqual(['SANCTION']);
  });
});

describe('a position told with the speaker\'s pronoun (issue 12)', () => {
  it('"أكدت X أنها تساند …", "قالت إنها ترفض …": the speaker\'s own act, no second statement', () => {
    expect(events('وأكدت الإدارة الذاتية أنها تساند التحركات السلمية.', [AANES]).map((e) => [e.type, e.actor])).toEqual([['SUPPORT', ['org:aanes']]]);
    expect(events('وقالت الإدارة الذاتية إنها ترفض أي تدخل.', [AANES]).map((e) => [e.type, e.actor])).toEqual([['REJECT', ['org:aanes']]]);
    // With a subject of its own the position is that subject's, told by the speaker.
    expect(events('وقالت الإدارة الذاتية إن تركيا ترفض أي حوار.', [AANES, TURKEY]).find((e) => e.type === 'REJECT')?.actor).toEqual(['loc:tr']);
  });
});

describe('"his country" (issue 12)', () => {
  it('"قال X إن بلاده وافقت": the speaker\'s country, from its own code or the nationality of its title', () => {
    const IT: Actor = { id: 'loc:it', type: 'LOC', subtype: 'country', country: 'IT', forms: ['إيطاليا'] };
    const PM: Actor = { id: 'new:pm', type: 'PER', forms: ['ماتيو رينتسي'] };
    const text = 'قال رئيس الوزراء الإيطالي ماتيو رينتسي إن بلاده وافقت على المهمة. وتشارك إيطاليا في التحالف.';
    expect(events(text, [IT, PM]).find((e) => e.type === 'AGREE')?.actor).toEqual(['loc:it']);
    // With no country to be found, "بلاده" is no one named.
    const none = 'قال ماتيو رينتسي إن بلاده وافقت على المهمة.';
    expect(events(none, [PM]).find((e) => e.type === 'AGREE')?.actor ?? []).not.toContain('new:pm');
  });
});

describe('seizure of ground: a verb whose recipient follows a preposition (issue 12)', () => {
  it('"سيطرت X على …", "استولت X على …": X seized it, before or after the verb, in speech too; a place is no recipient', () => {
    const seize = (text: string) => events(text, [SDF, ISIS]).filter((e) => e.type === 'COERCE').map((e) => [e.actor, e.recipient]);
    expect(seize('وسيطرت قسد على البلدة بعد يومين.')).toEqual([[['org:sdf'], []]]);
    expect(seize('واستولت قسد على المستودعات.')).toEqual([[['org:sdf'], []]]);
    expect(seize('وذكر مصدر محلي أن قسد سيطرت على البلدة.')).toEqual([[['org:sdf'], []]]);
    // What is seized from an actor is theirs: "على مواقع داعش".
    expect(seize('واستولت قسد على مواقع داعش في الريف.')).toEqual([[['org:sdf'], ['org:isis']]]);
  });

  it('negative: who controls ("يسيطر"), or what a relative clause tells, is no seizure; a transitive verb still reads as a passive', () => {
    expect(events('ولا يزال داعش يسيطر على البلدة.', [ISIS]).filter((e) => e.type === 'COERCE')).toEqual([]);
    expect(events('وعادت العائلات إلى القرى التي كانت تحتجزها قسد.', [SDF]).filter((e) => e.type === 'COERCE')).toEqual([]);
    // "قتل" with nothing it acts on after its subject is still "was killed".
    expect(events('وقتل أبو محمد في ريف البلدة.', [{ id: 'new:abu', type: 'PER', forms: ['أبو محمد'] }]).map((e) => [e.actor, e.recipient])).toEqual([[[], ['new:abu']]]);
  });
});

describe('a party named by its office and nationality (issue 12)', () => {
  const TR: Actor = { ...TURKEY, country: 'TR' };
  const IR: Actor = { id: 'loc:ir', type: 'LOC', subtype: 'country', country: 'IR', forms: ['إيران'] };
  const RU: Actor = { id: 'loc:ru', type: 'LOC', subtype: 'country', country: 'RU', forms: ['روسيا'] };
  const CAV: Actor = { id: 'new:cav', type: 'PER', forms: ['مولود جاويش أوغلو'] };

  it('"اتهم وزير الخارجية التركي إيران": the accused after the title is the recipient, never the accuser', () => {
    const accuse = (text: string, actors: Actor[]) => events(text, actors).filter((e) => e.type === 'ACCUSE').map((e) => [e.actor, e.recipient]);
    // The country of the nationality, as the article names it.
    expect(accuse('وتصاعد التوتر بين تركيا وجيرانها. واتهم وزير الخارجية التركي إيران بدعم المسلحين.', [TR, IR])).toEqual([[['loc:tr'], ['loc:ir']]]);
    // The person the article names with the same title.
    expect(accuse('وقال وزير الخارجية التركي مولود جاويش أوغلو إن الهدنة صامدة. واتهم وزير الخارجية التركي إيران بدعم المسلحين.', [CAV, IR, TR]))
      .toEqual([[['new:cav'], ['loc:ir']]]);
    // With neither named the accuser is unknown: no accusation is recorded, and Iran never accuses.
    expect(accuse('واتهم وزير الخارجية التركي إيران بدعم المسلحين.', [IR])).toEqual([]);
  });

  it('negative: a title with its name after it is that person; a title after a person is theirs, in apposition', () => {
    const [a] = events('وقال وزير الخارجية التركي مولود جاويش أوغلو إن الهدنة صامدة.', [CAV, TR]);
    expect(a?.actor).toEqual(['new:cav']);
    const accused = events('واتهم مولود جاويش أوغلو وزير الخارجية التركي إيران بدعم المسلحين.', [CAV, IR, TR]).find((e) => e.type === 'ACCUSE');
    expect(accused).toMatchObject({ actor: ['new:cav'], recipient: ['loc:ir'] });
  });

  it('"ناقش … مع وزير الخارجية الأمريكي", "أجرى … محادثات مع نظيره الروسي": talks with a party named by its office', () => {
    const consult = (text: string, actors: Actor[]) => events(text, actors).filter((e) => e.type === 'CONSULT').map((e) => [e.actor, e.recipient]);
    expect(consult('وناقش الرئيس العراقي مع وزير الخارجية الأمريكي الأوضاع الأمنية.', [])).toEqual([[[], []]]);
    expect(consult('وأجرى وزير الخارجية التركي محادثات مع نظيره الروسي في أنقرة.', [])).toEqual([[[], []]]);
    expect(consult('وتتابع روسيا الملف. وأجرى وزير الخارجية التركي محادثات مع نظيره الروسي.', [TR, RU])).toEqual([[[], ['loc:ru']]]);
  });

  it('negative: "ناقش" with no one to talk with is no meeting', () => {
    expect(events('وناقش البرلمان مشروع القانون الجديد.', []).filter((e) => e.type === 'CONSULT')).toEqual([]);
    expect(events('وناقش الرئيس العراقي الأوضاع الأمنية.', []).filter((e) => e.type === 'CONSULT')).toEqual([]);
  });
});

describe('battles and fighting between two sides (issue 12)', () => {
  const ARMY: Actor = { id: 'org:sy-army', forms: ['الجيش السوري'] };
  it('"معارك", "قتال", "مواجهات" between X and Y: each side attacks', () => {
    for (const text of ['ودارت معارك عنيفة بين الجيش السوري وداعش في البادية.', 'واندلع قتال بين الجيش السوري وداعش.', 'وتجددت المواجهات بين الجيش السوري وداعش.']) {
      expect(events(text, [ARMY, ISIS]).map((e) => [e.type, e.actor, e.recipient]), text).toEqual([
        ['ASSAULT', ['org:sy-army'], ['org:isis']],
        ['ASSAULT', ['org:isis'], ['org:sy-army']],
      ]);
    }
  });

  it('negative: a war against one side is not mirrored; fighting to go on is no act; a ceasefire is no battle', () => {
    expect(events('وأكد التحالف الدولي عزمه على مواصلة القتال ضد داعش.', [COALITION, ISIS]).filter((e) => e.type === 'ASSAULT')).toEqual([]);
    expect(events('ودعت الأمم المتحدة إلى وقف القتال بين الجيش السوري وداعش.', [UN, ARMY, ISIS]).filter((e) => e.type === 'ASSAULT')).toEqual([]);
    expect(events('وخاض الجيش السوري معارك ضد داعش.', [ARMY, ISIS]).filter((e) => e.type === 'ASSAULT').every((e) => !e.actor.includes('org:isis'))).toBe(true);
  });
});

describe('one act or two: acts of a doer told apart (issue 12)', () => {
  const POLICE: Actor = { id: 'org:de:police', forms: ['الشرطة الألمانية', 'الشرطة'] };
  const coerce = (text: string, actors: Actor[], titleEnd = 0) =>
    events(text, actors, { titleEnd }).filter((e) => e.type === 'COERCE').map((e) => e.trigger.text);

  it('two verbs of one doer joined by و in one sentence are two acts: "طوقت … وألقت القبض"', () => {
    expect(coerce('وطوقت الشرطة الألمانية المبنى في برلين، واعتقلت ثلاثة مشتبه بهم.', [POLICE])).toEqual(['وطوقت', 'واعتقلت']);
  });

  it('acts of two rules by one doer in two body sentences are two acts: "حاصرت …" then "طوقت …"', () => {
    const text = 'وحاصرت الشرطة الألمانية حيا في برلين. ومن جهة أخرى طوقت الشرطة الألمانية مبنى في هامبورغ.';
    expect(coerce(text, [POLICE])).toEqual(['وحاصرت', 'طوقت']);
  });

  it('negative: a title and its body, a verb describing the act before it, a definite noun telling it again, are one act', () => {
    // the title restates the body's act
    const titled = 'الشرطة الألمانية تطوق مبنى في برلين\n\nوحاصرت الشرطة الألمانية المبنى فجر اليوم.';
    expect(coerce(titled, [POLICE], 'الشرطة الألمانية تطوق مبنى في برلين'.length)).toHaveLength(1);
    // "شن داعش هجمات، استهدفت …": the verb without و describes the attacks
    const described = 'وشن داعش ثلاث هجمات بسيارات مفخخة، استهدفت مواقع للجيش في المدينة.';
    expect(events(described, [ISIS]).filter((e) => e.type === 'ASSAULT')).toHaveLength(1);
    // "وتبنى داعش الهجوم": the definite noun is the attack already told
    const claimed = 'وفجر داعش سيارة مفخخة في السوق. وتبنى داعش الهجوم في بيان.';
    expect(events(claimed, [ISIS]).filter((e) => e.type === 'ASSAULT')).toHaveLength(1);
    // statements are merged as before: a speaker repeating a position is one statement
    expect(events('وأكدت الأمم المتحدة أن الوضع خطير. وقالت الأمم المتحدة إن الوضع خطير جدا.', [UN]).filter((e) => e.type === 'STATEMENT')).toHaveLength(1);
  });
});

describe('a verb of saying that names a source is no statement (issue 12)', () => {
  const IRGC: Actor = { id: 'org:irgc', forms: ['الحرس الثوري'] };
  it('"حسب ما أعلن", "على ما أوضح", "وفقا لما ذكر" give the act, not a STATEMENT; a participle after it is still the source\'s', () => {
    const launched = 'وقصفت إيران مواقع في دير الزور، حسب ما أعلن الحرس الثوري في بيان.';
    expect(events(launched, [IRGC]).map((e) => e.type)).not.toContain('STATEMENT');
    expect(events('وتمت تعبئة ألف شرطي، على ما أوضح الحرس الثوري.', [IRGC]).map((e) => e.type)).not.toContain('STATEMENT');
    expect(events('وانتهت العملية وفقا لما ذكر الحرس الثوري.', [IRGC]).map((e) => e.type)).not.toContain('STATEMENT');
    const praised = events('وتمت تعبئة ألف شرطي، على ما أوضح الحرس الثوري، مشيدا بالتنسيق مع الأمم المتحدة.', [IRGC, UN]);
    expect(praised.filter((e) => e.type === 'SUPPORT').map((e) => e.actor)).toEqual([['org:irgc']]);
  });

  it('negative: "كما أكد", "وأعلن … ما" and a plain verb of saying stay statements', () => {
    expect(events('كما أكد الحرس الثوري أن الوضع في المنطقة خطير.', [IRGC]).map((e) => e.type)).toEqual(['STATEMENT']);
    expect(events('وقال الحرس الثوري إن الوضع في المنطقة خطير.', [IRGC]).map((e) => e.type)).toEqual(['STATEMENT']);
    expect(events('وأوضح الحرس الثوري ما يجري في المنطقة من أخطار.', [IRGC]).map((e) => e.type)).toEqual(['STATEMENT']);
  });
});

describe('the doer of a noun of force told beside it, in its sentence or the one before (issue 12)', () => {
  const POLICE: Actor = { id: 'org:de-police', subtype: 'COP', forms: ['الشرطة الألمانية'] };
  const IRGC: Actor = { id: 'org:irgc', forms: ['الحرس الثوري'] };
  const doers = (text: string, actors: Actor[], type: string) => events(text, actors).filter((e) => e.type === type).map((e) => [e.trigger.text, e.actor]);

  it('a verb that carries the act through its own preposition: "تمكنت … من اعتقال", "نجحت … في تحرير", "بدأت … بتمشيط"', () => {
    expect(doers('وتمكنت الشرطة الألمانية من اعتقال ثلاثة مشتبه بهم في هامبورغ.', [POLICE], 'COERCE')).toEqual([['اعتقال', ['org:de-police']]]);
    expect(doers('وبدأت قسد بتمشيط الأحياء الشرقية في المدينة.', [SDF], 'COERCE')).toEqual([['بتمشيط', ['org:sdf']]]);
    expect(doers('ونجحت قسد في تحرير القرية من داعش.', [SDF, ISIS], 'ASSAULT')).toEqual([['تحرير', ['org:sdf']]]);
    // the carrier's own preposition only: "نجحت … من" carries nothing
    expect(doers('ونجحت قسد من تحرير القرية من داعش.', [SDF, ISIS], 'ASSAULT')).not.toContainEqual(['تحرير', ['org:sdf']]);
  });

  it('a verb that carries the act through its own preposition, with an unnamed subject: the act with no known doer, in the verb\'s modality', () => {
    const acts = (text: string, actors: Actor[] = []) => events(text, actors).filter((e) => e.type === 'COERCE' || e.type === 'ASSAULT').map((e) => [e.type, e.trigger.text, e.actor, e.modality]);
    expect(acts('وتمكنت الشرطة من اعتقال أربعة رجال في مدينة الميناء.')).toEqual([['COERCE', 'اعتقال', [], 'asserted']]);
    expect(acts('وتمكن حرس الحدود من قتل مسلحين اثنين قرب المعبر.')).toEqual([['ASSAULT', 'قتل', [], 'asserted']]);
    // a carrier that did not succeed: the act is negated, named doer or not
    expect(acts('ولم تتمكن الشرطة من اعتقال منفذ الهجوم على المصرف.').filter(([, t]) => t === 'اعتقال')).toEqual([['COERCE', 'اعتقال', [], 'negated']]);
    expect(acts('ولم تتمكن الشرطة الألمانية من اعتقال المشتبه به.', [POLICE])).toEqual([['COERCE', 'اعتقال', ['org:de-police'], 'negated']]);
  });

  it('negative: من before an act noun with no carrier of its own is still a stance or a purpose, not an act', () => {
    const acts = (text: string) => events(text, []).filter((e) => e.type === 'COERCE' || e.type === 'ASSAULT').map((e) => e.trigger.text);
    expect(acts('وحذرت الشرطة من هجمات جديدة في العاصمة خلال العطلة.')).toEqual([]);
    expect(acts('ويعيش السكان في خوف دائم من هجمات المسلحين.')).toEqual([]);
    // the carrier's preposition is not the one before the noun
    expect(acts('وتمكنت الشرطة من الحصول على معلومات عن هجمات مقبلة.')).toEqual([]);
    // a carrier with the future prefix tells a plan, not an act
    expect(acts('وستتمكن الشرطة من اعتقال المطلوبين خلال أيام.')).toEqual([]);
  });

  it('a carrying verb with no subject continues its sentence\'s, else the sentence before: "كما بدأت بملاحقة … وتمشيط"', () => {
    const text = 'ونشرت قسد دوريات في الرقة. كما بدأت بملاحقة خلايا نائمة وتمشيط الأحياء الشرقية في المدينة.';
    expect(doers(text, [SDF], 'COERCE').filter(([t]) => t === 'وتمشيط')).toEqual([['وتمشيط', ['org:sdf']]]);
  });

  it('a definite noun tells again the act of its rule just told with a doer: one event, not an actorless second', () => {
    const text = 'وبدأت قسد بتمشيط الأحياء الشرقية في الرقة. وشملت عمليات التمشيط ثلاث قرى قرب المدينة.';
    const coerce = events(text, [SDF]).filter((e) => e.type === 'COERCE');
    expect(coerce.map((e) => e.actor)).toEqual([['org:sdf']]);
    expect(coerce[0]!.evidence).toHaveLength(2);
  });

  it('ل after an act of force names its owner: "العمليات العسكرية لقسد", "بضربات جوية لقسد والتحالف الدولي"', () => {
    expect(doers('ونزح الآلاف منذ بدء العمليات العسكرية لقسد في المنطقة.', [SDF], 'ASSAULT')).toEqual([['العمليات العسكرية', ['org:sdf']]]);
    const joint = events('وخسر داعش مئات المقاتلين بضربات جوية لقسد والتحالف الدولي خلال العام.', [COALITION, SDF, ISIS]).filter((e) => e.type === 'ASSAULT');
    expect(joint.map((e) => e.actor)).toEqual([['org:sdf', 'org:coalition']]);
  });

  it('a claim after the noun, with the claimant right after it: "هجمات … تبناها داعش"', () => {
    expect(doers('وأدت هجمات في مواقع عدة من العاصمة تبناها داعش إلى مقتل عشرة أشخاص.', [ISIS], 'ASSAULT').filter(([t]) => t === 'هجمات')).toEqual([['هجمات', ['org:isis']]]);
    // the claimant is the one after the claim, not the sentence's speaker
    const replied = 'وقصف الحرس الثوري مواقع في دير الزور. وأضاف الحرس الثوري أن القصف جاء ردا على الاعتداءات التي وقعت في طهران وتبناها التنظيم.';
    expect(events(replied, [IRGC, ISIS]).filter((e) => e.type === 'ASSAULT').map((e) => e.actor)).not.toContainEqual([]);
    expect(events('وأسفر القصف عن مقتل عشرة. وأضاف الحرس الثوري أن الاعتداءات تبناها التنظيم.', [IRGC, ISIS]).filter((e) => e.type === 'ASSAULT').map((e) => e.actor)).toEqual([['org:isis']]);
  });

  it('negative: a definite noun of a new act by someone else, or told further back, keeps its own doer or none', () => {
    // its own doer after ل
    const other = events('وشنت قسد هجوما على قرية في الرقة. وفي العراق، أسفر الهجوم الانتحاري لداعش عن مقتل خمسة.', [SDF, ISIS]).filter((e) => e.type === 'ASSAULT');
    expect(other.map((e) => e.actor)).toEqual([['org:sdf'], ['org:isis']]);
    // told two sentences back: no longer the same act
    const far = 'وبدأت قسد بتمشيط الأحياء الشرقية في الرقة. وعاد الأهالي إلى منازلهم في المدينة. وفي دير الزور، طالت عمليات التمشيط ثلاث قرى.';
    const unmerged = (text: string, actors: Actor[]) => eventExtractor.extract({ doc: analyzeText(text), published: '2024-12-06', titleEnd: 0 }, { ...emptyExtraction(), entities: entitiesIn(text, actors) }).events ?? [];
    expect(unmerged(far, [SDF]).filter((e) => e.trigger.text === 'التمشيط').map((e) => e.actor)).toEqual([[]]);
    // told just before by another rule: another act
    expect(unmerged('واعتقلت قسد خمسة في الرقة. وطالت عمليات التمشيط ثلاث قرى.', [SDF]).filter((e) => e.trigger.text === 'التمشيط').map((e) => e.actor)).toEqual([[]]);
    // a carrying verb with its own unnamed subject does not continue another's
    expect(doers('ونشرت قسد دوريات في الرقة. كما بدأت الشرطة بتمشيط الأحياء الشرقية.', [SDF], 'COERCE')).not.toContainEqual(['بتمشيط', ['org:sdf']]);
    // ل that is the trigger's recipient, or after a noun whose genitive is the one acted upon, names no doer
    expect(doers('وأدانت الأمم المتحدة الاعتقال التعسفي لقسد في المنطقة.', [UN, SDF], 'COERCE')).not.toContainEqual(['الاعتقال', ['org:sdf']]);
  });

  it('negative: a noun in a demand\'s content is asked for, not done; a generic "مكافحة الإرهاب" is no act', () => {
    expect(events('وطالبت الإدارة الذاتية التحالف الدولي ببدء العمليات العسكرية للتحالف الدولي ضد داعش.', [AANES, COALITION, ISIS]).map((e) => e.type)).not.toContain('ASSAULT');
    expect(events('ودعت الإدارة الذاتية قسد إلى البدء بتمشيط الأحياء الشرقية.', [AANES, SDF]).map((e) => e.type)).not.toContain('COERCE');
    expect(events('وأكدت قسد أنها ستواصل التعاون مع التحالف الدولي في مكافحة الإرهاب.', [SDF, COALITION]).map((e) => e.type)).not.toContain('ASSAULT');
  });
});

describe('a condemnation accuses the doer of the act it condemns (issue 12)', () => {
  const FR: Actor = { id: 'org:fr-mfa', forms: ['الخارجية الفرنسية'] };
  const US: Actor = { id: 'loc:us', type: 'LOC', subtype: 'country', country: 'US', forms: ['الولايات المتحدة'] };
  const PARTY: Actor = { id: 'org:front', forms: ['الجبهة الشعبية'] };
  it('"أدانت X الهجوم": the attack told before, with its doer, makes that doer the one accused', () => {
    const list = events('شن داعش هجوما على حاجز للجيش. وأدانت الخارجية الفرنسية الهجوم.', [ISIS, FR]);
    expect(list.find((e) => e.type === 'ACCUSE')).toMatchObject({ actor: ['org:fr-mfa'], recipient: ['org:isis'] });
  });
  it('"عبرت عن إدانتها لهذا العدوان": a demonstrative refers back to the act', () => {
    const list = events('قصفت الولايات المتحدة قاعدة جوية. وعبرت الجبهة الشعبية عن إدانتها لهذا العدوان.', [US, PARTY]);
    expect(list.find((e) => e.type === 'ACCUSE')).toMatchObject({ actor: ['org:front'], recipient: ['loc:us'] });
  });
  it('"نددت بالقصف الأمريكي": a nationality after the act names its doer', () => {
    const list = events('وكانت الولايات المتحدة قد هددت بالرد. ونددت الجبهة الشعبية بالقصف الأمريكي على القاعدة.', [US, PARTY]);
    expect(list.find((e) => e.type === 'ACCUSE')).toMatchObject({ actor: ['org:front'], recipient: ['loc:us'] });
  });
  it('no one is accused when the act has no known doer, is new, or is not what is condemned', () => {
    // No act with a doer told before.
    expect(events('وأدانت الخارجية الفرنسية الهجوم.', [FR]).find((e) => e.type === 'ACCUSE')?.recipient).toEqual([]);
    // An indefinite act is not the one told before.
    expect(events('شن داعش هجوما على حاجز للجيش. وأدانت الخارجية الفرنسية أي هجوم على المدنيين.', [ISIS, FR]).find((e) => e.type === 'ACCUSE')?.recipient).toEqual([]);
    // What is condemned is a silence, not the attack.
    expect(events('شن داعش هجوما على حاجز للجيش. وأدانت الخارجية الفرنسية صمت المجتمع الدولي إزاء الهجوم.', [ISIS, FR]).find((e) => e.type === 'ACCUSE')?.recipient).toEqual([]);
  });
});

describe('a chain of titles and counts before the body acted upon (issue 12)', () => {
  const PMF: Actor = { id: 'org:pmf', forms: ['الحشد الشعبي'] };
  it('"قتلت X أحد أبرز قناصي داعش", "ثلاثة من كبار قادة داعش": the body is the recipient', () => {
    expect(events('قتلت قوات الحشد الشعبي أحد أبرز قناصي داعش قرب جبال مكحول.', [PMF, ISIS])[0]).toMatchObject({ type: 'ASSAULT', actor: ['org:pmf'], recipient: ['org:isis'] });
    expect(events('وقتل الحشد الشعبي ثلاثة من كبار قادة داعش.', [PMF, ISIS])[0]).toMatchObject({ actor: ['org:pmf'], recipient: ['org:isis'] });
  });
  it('a chain with another word in it, or after a verb of speech, names no one acted upon', () => {
    // "قرب": the body names where, not whom.
    expect(events('قتلت قوات الحشد الشعبي أحد المدنيين قرب مواقع داعش.', [PMF, ISIS])[0]?.recipient).toEqual([]);
    // A word that is no title or count ("المقربين") breaks the chain.
    expect(events('قتلت قوات الحشد الشعبي أحد أبرز المقربين من قادة داعش.', [PMF, ISIS])[0]?.recipient).toEqual([]);
  });
});

describe('what an attack or a taking back is done to: who holds the place (issue 12)', () => {
  const RU: Actor = { id: 'loc:ru', type: 'LOC', subtype: 'country', forms: ['روسيا'] };
  const IQF: Actor = { id: 'org:iq-forces', forms: ['القوات العراقية'] };
  it('"غارات على المدينة التي يسيطر عليها داعش": the holder in the sentence is the one attacked', () => {
    const list = events('وشنت روسيا غارات على مدينة الميادين التي يسيطر عليها داعش.', [RU, ISIS]);
    expect(list.find((e) => e.type === 'ASSAULT')).toMatchObject({ actor: ['loc:ru'], recipient: ['org:isis'] });
  });
  it('"عملية تحرير الموصل": taking a place back is done to the one holder the article names', () => {
    const list = events('وكانت المدينة بيد مسلحي داعش منذ عام 2014. وانطلقت عملية تحرير الموصل في أكتوبر.', [ISIS]);
    expect(list.find((e) => e.type === 'ASSAULT')).toMatchObject({ actor: [], recipient: ['org:isis'] });
    const retaken = events('وتمكنت القوات العراقية من استعادة السيطرة على الجزء الشرقي، فيما بقي الجزء الغربي بيد مسلحي داعش.', [IQF, ISIS]);
    expect(retaken.find((e) => e.type === 'COERCE')).toMatchObject({ actor: ['org:iq-forces'], recipient: ['org:isis'] });
  });
  it('an act with no doer that takes nothing back is done to no holder; nor is one whose sentence names none', () => {
    // Civilians killed in shelling of a held district: the holder is not whom it was done to.
    expect(events('وقتل خمسة مدنيين في قصف على أحياء يسيطر عليها داعش.', [ISIS]).find((e) => e.type === 'ASSAULT')?.recipient).toEqual([]);
    // The holder is named in another sentence, and the act takes nothing back.
    expect(events('وكانت المدينة بيد داعش. وشنت روسيا غارات على الأطراف.', [RU, ISIS]).find((e) => e.type === 'ASSAULT')?.recipient).toEqual([]);
  });
});

describe('a participle\'s subject is the main clause\'s (issue 12)', () => {
  it('"قالت X إن Y قصفت …، داعيةً …": the one who calls is X, not the doer of the act told in between', () => {
    const list = events('وقالت الإدارة الذاتية إن تركيا قصفت القرى، داعيةً التحالف الدولي إلى التدخل.', [AANES, TURKEY, COALITION]);
    expect(list.find((e) => e.type === 'ASSAULT')).toMatchObject({ actor: ['loc:tr'] });
    expect(list.find((e) => e.type === 'REQUEST')).toMatchObject({ actor: ['org:aanes'], recipient: ['org:coalition'] });
  });
});

describe('a charge inside speech is an accusation (issue 12)', () => {
  it('"قال إن X يقف وراء …", "إن ممارسات X تشكل انتهاكا": ACCUSE of X by the speaker', () => {
    const list = events('وقال التحالف الدولي إن داعش يقف وراء الهجوم على السجن.', [COALITION, ISIS]);
    expect(list.map((e) => [e.type, e.actor, e.recipient])).toContainEqual(['ACCUSE', ['org:coalition'], ['org:isis']]);
    expect(list.filter((e) => e.type === 'STATEMENT')).toEqual([]);
    const other = events('وقالت الإدارة الذاتية إن ممارسات تركيا في المنطقة تشكل انتهاكا صارخا للقانون الدولي.', [AANES, TURKEY]);
    expect(other.find((e) => e.type === 'ACCUSE')).toMatchObject({ actor: ['org:aanes'], recipient: ['loc:tr'] });
  });
  it('no charge leaves a statement; the one wronged is not accused', () => {
    expect(events('وقال التحالف الدولي إن العمليات ضد داعش مستمرة.', [COALITION, ISIS]).map((e) => e.type)).toEqual(['STATEMENT']);
    // "بحق قسد": the one a violation is done to. The charge names no one else: an accusation of no one named.
    expect(events('وقالت الإدارة الذاتية إن انتهاكات خطيرة ترتكب بحق قسد.', [AANES, SDF]).map(brief)).toEqual([
      { type: 'ACCUSE', actor: ['org:aanes'], recipient: [], trigger: 'وقالت' },
    ]);
  });
});

describe('an unnamed subject with its adjectives, in what is reported (issue 12)', () => {
  it('"أعلن المحافظ أن القوات الأمنية قتلت …": the act, with no known doer', () => {
    expect(events('وأعلن المحافظ أن القوات الأمنية قتلت أحد المهاجمين.', []).map((e) => [e.type, e.actor])).toEqual([['ASSAULT', []]]);
  });
});

describe('the genitive of fighting is the one fought (issue 12)', () => {
  it('"تواصل قسد قتال داعش": the SDF fight ISIS; ISIS is not the doer', () => {
    expect(events('وتواصل قوات سوريا الديمقراطية قتال داعش في الريف.', [SDF, ISIS]).map((e) => [e.type, e.actor, e.recipient])).toEqual([['ASSAULT', ['org:sdf'], ['org:isis']]]);
    // With no doer before it, "قتال داعش" names no attack by ISIS.
    expect(events('وأكد التحالف الدولي عزمه على مواصلة قتال داعش.', [COALITION, ISIS]).filter((e) => e.type === 'ASSAULT' && e.actor.includes('org:isis'))).toEqual([]);
  });
});

describe('"باشر في" carries the act it starts (issue 12)', () => {
  it('"وباشرت قسد في تطويق الموقع": the SDF surround it', () => {
    expect(events('وباشرت قوات سوريا الديمقراطية في تطويق الموقع.', [SDF]).map((e) => [e.type, e.actor])).toEqual([['COERCE', ['org:sdf']]]);
  });
});

describe('a toll told without a figure is no statement (issue 12)', () => {
  it('"أعلنت X أن حصيلة قتلاها …": facts, not a position', () => {
    expect(events('وأعلنت الإدارة الذاتية أن حصيلة قتلاها في المعارك ارتفعت.', [AANES]).filter((e) => e.type === 'STATEMENT')).toEqual([]);
    expect(events('وأوضحت الإدارة الذاتية أن معظم الأشخاص الذين قتلوا الشهر الماضي كانوا من المدنيين.', [AANES]).filter((e) => e.type === 'STATEMENT')).toEqual([]);
    // A position is still one.
    expect(events('وأعلنت الإدارة الذاتية أن الحوار هو الطريق الوحيد.', [AANES]).map((e) => e.type)).toEqual(['STATEMENT']);
  });
});

describe('a clash told in the report of the act it led to (issue 12)', () => {
  it('"أعلنت X أنها سيطرت على … بعد اشتباكات مع Y": the clash is reported with the seizure', () => {
    const list = events('وأعلنت قوات سوريا الديمقراطية أنها سيطرت على القرية بعد اشتباكات مع داعش.', [SDF, ISIS]);
    expect(list.map((e) => [e.type, e.actor, e.recipient])).toEqual([
      ['COERCE', ['org:sdf'], []],
      ['ASSAULT', ['org:sdf'], ['org:isis']],
      ['ASSAULT', ['org:isis'], ['org:sdf']],
    ]);
    // A clash a speaker merely speaks of, with no act of force reported beside it, is no event.
    expect(events('وقالت الإدارة الذاتية إن الاشتباكات مع داعش لن تتوقف.', [AANES, ISIS]).filter((e) => e.type === 'ASSAULT')).toEqual([]);
  });
});

describe('a stance told in a relative clause (issue 12)', () => {
  it('"X التي اتهمت Y", "X التي بايعت داعش": the noun the clause describes takes the stance', () => {
    const list = events('وانتقدت الإدارة الذاتية تصريحات قوات سوريا الديمقراطية التي اتهمت تركيا بدعم الإرهاب.', [AANES, SDF, TURKEY]);
    expect(list.map((e) => [e.type, e.actor, e.recipient])).toContainEqual(['ACCUSE', ['org:sdf'], ['loc:tr']]);
    const JMB: Actor = { id: 'org:jmb', forms: ['جماعة مجاهدي بنغلادش'] };
    expect(events('وقالت الشرطة إن جماعة مجاهدي بنغلادش التي بايعت داعش نفذت الهجوم.', [JMB, ISIS]).map((e) => [e.type, e.actor, e.recipient])).toContainEqual(['SUPPORT', ['org:jmb'], ['org:isis']]);
  });
  it('no act after a relative pronoun for force or holding, with a pronoun on the verb, or with no one named before it', () => {
    expect(events('ودخلت قسد المناطق التي تسيطر عليها داعش.', [SDF, ISIS]).filter((e) => e.actor.includes('org:isis'))).toEqual([]);
    expect(events('وانتقدت قسد المشروع الذي ساندته تركيا.', [SDF, TURKEY]).filter((e) => e.type === 'SUPPORT')).toEqual([]);
    // "التصريحات التي اتهمت تركيا": the statements accused Turkey, not the SDF who criticised them.
    expect(events('وانتقدت قسد التصريحات التي اتهمت تركيا بدعم الإرهاب.', [SDF, TURKEY]).filter((e) => e.actor.includes('org:sdf') && e.recipient.includes('loc:tr'))).toEqual([]);
  });
});

describe('an act reported with a subject that names no entity (issue 12)', () => {
  const MOI: Actor = { id: 'org:iq-moi', forms: ['وزارة الداخلية العراقية'] };
  it('"أفادت مصادر أن مسلحين اقتحموا …", "بينما اقتحمت قوات خاصة المبنى": the act, with no known doer', () => {
    expect(events('وأفادت مصادر محلية أن مسلحين اقتحموا المنزل.', []).map((e) => [e.type, e.actor])).toEqual([['ASSAULT', []]]);
    expect(events('وقالت الإدارة الذاتية إن الطرق أغلقت، بينما اقتحمت قوات خاصة المبنى.', [AANES]).map((e) => [e.type, e.actor])).toContainEqual(['ASSAULT', []]);
  });
  it('the announcer is not the doer when the report names another, though by no entity', () => {
    const list = events('وأعلن مسؤول في وزارة الداخلية العراقية أن مسلحين مجهولين اختطفوا صحفية من منزلها.', [MOI]);
    expect(list.find((e) => e.type === 'ASSAULT')?.actor).toEqual([]);
  });
  it('a figure after the verb is no subject; a verb joined by و goes on with the subject before it', () => {
    // "تحرّر قرابة ثمانية ملايين شخص": who was freed, not who freed them.
    expect(events('وأكد التحالف الدولي أن التنظيم لم يعد يسيطر على الأراضي، حيث تحرّر قرابة 8 ملايين شخص من سيطرته.', [COALITION, ISIS]).filter((e) => e.type === 'ASSAULT')).toEqual([]);
    expect(events('وقالت الإدارة الذاتية إن قسد داهمت مواقع واعتقلت التونسي.', [AANES, SDF]).find((e) => e.type === 'COERCE')?.actor).toEqual(['org:sdf']);
  });
});

describe('a relative of the one named (issue 12)', () => {
  const SALMAN: Actor = { id: 'new:salman', type: 'PER', forms: ['سلمان العبيدي'] };
  it('"أكد والد سلمان العبيدي …، مضيفاً": the father speaks, not Salman; so does the participle', () => {
    const list = events('وأكد والد سلمان العبيدي أن ابنه بريء، مضيفاً أن عائلته لا تؤمن بالعنف.', [SALMAN]);
    expect(list.filter((e) => e.actor.includes('new:salman'))).toEqual([]);
    // Named himself, he speaks.
    expect(events('وأكد سلمان العبيدي أنه بريء.', [SALMAN]).map((e) => [e.type, e.actor])).toEqual([['STATEMENT', ['new:salman']]]);
  });
  it('"اعتقلت قسد شقيق سلمان العبيدي": the one arrested is the brother, named by no entity', () => {
    expect(events('واعتقلت قوات سوريا الديمقراطية شقيق سلمان العبيدي.', [SDF, SALMAN])[0]).toMatchObject({ type: 'COERCE', actor: ['org:sdf'], recipient: [] });
    expect(events('واعتقلت قوات سوريا الديمقراطية سلمان العبيدي.', [SDF, SALMAN])[0]).toMatchObject({ type: 'COERCE', actor: ['org:sdf'], recipient: ['new:salman'] });
  });
});

describe('a stance toward a deed told by its nationality (issue 12)', () => {
  const TR: Actor = { ...TURKEY, country: 'TR' };
  it('"أشاد بالدور التركي": the praise is of Turkey, as the article names it', () => {
    const list = events('وكانت تركيا قد استضافت المحادثات. وأشادت الإدارة الذاتية بالدور التركي في المحادثات.', [TR, AANES]);
    expect(list.find((e) => e.type === 'SUPPORT')).toMatchObject({ actor: ['org:aanes'], recipient: ['loc:tr'] });
    // A country the article does not name gives no recipient.
    expect(events('وأشادت الإدارة الذاتية بالدور التركي في المحادثات.', [AANES]).find((e) => e.type === 'SUPPORT')?.recipient).toEqual([]);
  });
});

describe('hopes and stressed needs are requests of whoever is to act (issue 12)', () => {
  it('"يتطلع إلى أن تواصل X …": a REQUEST of X', () => {
    expect(events('وقال التحالف الدولي إنه يتطلع إلى أن تواصل الإدارة الذاتية حماية المخيمات.', [COALITION, AANES]).map((e) => [e.type, e.actor, e.recipient])).toContainEqual(['REQUEST', ['org:coalition'], ['org:aanes']]);
    // Looking forward to a visit asks nothing of anyone.
    expect(events('وقال التحالف الدولي إنه يتطلع إلى زيارة المنطقة.', [COALITION]).filter((e) => e.type === 'REQUEST')).toEqual([]);
  });
  it('"أكد أهمية …", "مؤكدين ضرورة …" with no marker between: what is stressed is a demand', () => {
    expect(events('وأكد التحالف الدولي أهمية أن تستعيد الدول رعاياها.', [COALITION]).map((e) => e.type)).toEqual(['REQUEST']);
    expect(events('وأكد التحالف الدولي عزمه على مواصلة القتال.', [COALITION]).map((e) => e.type)).toEqual(['STATEMENT']);
  });
});

describe('what is said ends before a verb joined by "، و" (issue 12)', () => {
  it('"أعلنت X أن …، ودعت إلى …": the second verb is the speaker\'s own act, not inside what is said', () => {
    const list = events('وأعلنت قوات سوريا الديمقراطية أن الحملة ضد التنظيم مستمرة، ودعت إلى مزيد من الدعم الدولي.', [SDF]);
    expect(list.find((e) => e.type === 'STATEMENT')?.content?.text).toBe('أن الحملة ضد التنظيم مستمرة');
    expect(list.find((e) => e.type === 'REQUEST')).toMatchObject({ actor: ['org:sdf'], content: { text: 'إلى مزيد من الدعم الدولي' } });
  });
});

describe('threats: warnings with a condition, statements with "وإلا" or "ما لم", vows to fight (issue 12)', () => {
  it('a warning with a condition threatens the one who must comply', () => {
    const list = events('وطالبت تركيا الإدارة الذاتية بإنزال العلم، محذرة من الإضرار بالعلاقات إذا رفضت الإدارة الذاتية الطلب.', [TURKEY, AANES]);
    expect(list.map((e) => [e.type, e.actor, e.recipient])).toContainEqual(['THREATEN', ['loc:tr'], ['org:aanes']]);
    // A warning with no condition stays a statement.
    expect(events('وحذرت الإدارة الذاتية من تدهور الأوضاع في المخيمات.', [AANES]).map((e) => e.type)).not.toContain('THREATEN');
  });
  it('"ما لم تغير X سياستها": a statement with a strong condition threatens X; "إذا" alone in a statement does not', () => {
    expect(events('وقالت تركيا إنها قد تتخذ إجراءات أخرى ما لم تغير الإدارة الذاتية سياستها.', [TURKEY, AANES]).map((e) => [e.type, e.actor, e.recipient])).toEqual([['THREATEN', ['loc:tr'], ['org:aanes']]]);
    expect(events('وقالت تركيا إن الأوضاع ستتحسن إذا استمرت الإدارة الذاتية في الحوار.', [TURKEY, AANES]).map((e) => e.type)).not.toContain('THREATEN');
  });
  it('"تعهد بمحاربة داعش": the vow threatens ISIS; a vow to support is an agreement', () => {
    expect(events('وتعهد التحالف الدولي بمحاربة داعش حتى هزيمته.', [COALITION, ISIS]).map((e) => [e.type, e.actor, e.recipient])).toEqual([['THREATEN', ['org:coalition'], ['org:isis']]]);
    expect(events('وتعهد التحالف الدولي بمواصلة دعم قسد.', [COALITION, SDF]).map((e) => e.type)).toEqual(['AGREE']);
  });
});

describe('an organisation announces its own aid, and reports others\' force (issue 12)', () => {
  const ICRC: Actor = { id: 'org:icrc', subtype: 'NGO', forms: ['اللجنة الدولية للصليب الأحمر'] };
  const SOHR: Actor = { id: 'org:sohr', subtype: 'NGO', forms: ['المرصد السوري لحقوق الإنسان'] };
  it('"أعلنت اللجنة الدولية للصليب الأحمر إجلاء …": the ICRC evacuates', () => {
    expect(events('وأعلنت اللجنة الدولية للصليب الأحمر إجلاء 150 مدنياً من المركز الطبي.', [ICRC]).map((e) => [e.type, e.actor])).toEqual([['AID', ['org:icrc']]]);
  });
  it('"أعلن المرصد مقتل …": an observer does not kill', () => {
    expect(events('وأعلن المرصد السوري لحقوق الإنسان مقتل خمسة مدنيين في القصف.', [SOHR]).filter((e) => e.actor.includes('org:sohr'))).toEqual([]);
  });
});

describe('a veto is cast in the council (issue 12)', () => {
  const RU: Actor = { id: 'loc:ru', type: 'LOC', subtype: 'country', forms: ['روسيا'] };
  const UNSC: Actor = { id: 'org:unsc', forms: ['مجلس الأمن'] };
  it('"استخدمت روسيا حق الفيتو في مجلس الأمن": REJECT by Russia of the council', () => {
    expect(events('واستخدمت روسيا حق الفيتو في مجلس الأمن لعرقلة مشروع القرار.', [RU, UNSC]).map((e) => [e.type, e.actor, e.recipient])).toEqual([['REJECT', ['loc:ru'], ['org:unsc']]]);
  });
});

describe('the article\'s asides, and talks a body holds (issue 12)', () => {
  const UNSC: Actor = { id: 'org:unsc', forms: ['مجلس الأمن'] };
  it('"يذكر أن X أجرى خلال الأسبوع الماضي مناقشات": the body\'s talks; "يذكر" is no one\'s statement', () => {
    const text = 'وقال التحالف الدولي إن الوضع صعب. يذكر أن مجلس الأمن أجرى خلال الأسبوع الماضي مناقشات حول مشاريع القرار.';
    const at = text.indexOf('الأسبوع الماضي');
    const list = events(text, [COALITION, UNSC], { dates: [{ start: at, end: at + 'الأسبوع الماضي'.length, text: 'الأسبوع الماضي', value: '2024-11', precision: 'month', relative: true }] });
    expect(list.map((e) => [e.type, e.actor, e.recipient])).toContainEqual(['CONSULT', ['org:unsc'], []]);
    // The aside is not the last speaker's statement.
    expect(list.filter((e) => e.trigger.text === 'يذكر')).toEqual([]);
  });
  it('"ناقش المجلس الملف": a verb of talks with no other side is no event', () => {
    expect(events('وناقش مجلس الأمن مشروع القرار.', [UNSC]).filter((e) => e.type === 'CONSULT')).toEqual([]);
  });
});

describe('people who belong to a body stand for it (issue 12)', () => {
  it('"تبادلت قسد إطلاق النار مع عدد من المسلحين المنتمين إلى داعش": ISIS is the one fought', () => {
    expect(events('وتبادلت قوات سوريا الديمقراطية إطلاق النار مع عدد من المسلحين المنتمين إلى داعش.', [SDF, ISIS])[0]).toMatchObject({ type: 'ASSAULT', actor: ['org:sdf'], recipient: ['org:isis'] });
    // A place that belongs to someone is no one acted upon.
    expect(events('وقصفت قوات سوريا الديمقراطية قرى تابعة للحسكة.', [SDF, HASAKAH])[0]?.recipient).toEqual([]);
  });
});

describe('a clash with one side named (issue 12)', () => {
  it('"مواجهات بين قسد ومسلحين": the SDF attack, at no one named; not mirrored', () => {
    expect(events('مواجهات بين قوات سوريا الديمقراطية ومسلحين في الريف', [SDF]).map((e) => [e.type, e.actor, e.recipient])).toEqual([['ASSAULT', ['org:sdf'], []]]);
    // Talks with one side named are no talks between parties.
    expect(events('وجرت محادثات بين قوات سوريا الديمقراطية ووجهاء المنطقة.', [SDF]).filter((e) => e.type === 'CONSULT' && e.actor.includes('org:sdf') && e.recipient.length > 0)).toEqual([]);
  });
});

describe('a governing verb\'s subject, in headline order and past a word for operations (issue 12)', () => {
  it('"قسد تواصل إجلاء المدنيين", "تواصل قسد عمليات إجلاء …": the SDF evacuate', () => {
    expect(events('قوات سوريا الديمقراطية تواصل إجلاء المدنيين من الباغوز', [SDF]).map((e) => [e.type, e.actor])).toEqual([['AID', ['org:sdf']]]);
    expect(events('وتواصل قوات سوريا الديمقراطية عمليات إجلاء المدنيين من الباغوز.', [SDF]).map((e) => [e.type, e.actor])).toEqual([['AID', ['org:sdf']]]);
    // An actor after a preposition before the verb is not its subject.
    expect(events('وفي مواجهة قوات سوريا الديمقراطية تواصل إجلاء المدنيين.', [SDF]).filter((e) => e.actor.includes('org:sdf'))).toEqual([]);
  });
});

describe('a claim names the doer of attacks, not of every death (issue 12)', () => {
  it('"تبنى داعش الهجوم … المسلحون حوصروا وقُتلوا": the attack is ISIS\'s, the deaths of its fighters are not', () => {
    // As the extractor codes them, before tellings of one act are merged.
    const text = 'وتبنى داعش الهجوم على المقهى. وقالت قوات سوريا الديمقراطية إن المسلحين حوصروا داخل مبنى وقُتلوا بعد معركة.';
    const list = eventExtractor.extract({ doc: analyzeText(text), published: '2024-12-06', titleEnd: 0 }, { ...emptyExtraction(), entities: entitiesIn(text, [ISIS, SDF]) }).events ?? [];
    expect(list.find((e) => e.trigger.text === 'الهجوم')?.actor).toEqual(['org:isis']);
    expect(list.find((e) => e.trigger.text === 'وقُتلوا')?.actor).toEqual([]);
  });
});

describe('a noun with a possessive pronoun is a subject that names no one (issue 12)', () => {
  it('"أكد أن ابنه زار ليبيا": the son visited, not Libya', () => {
    const LY: Actor = { id: 'loc:ly', type: 'LOC', subtype: 'country', forms: ['ليبيا'] };
    const list = events('وأكدت الإدارة الذاتية أن ابنه زار ليبيا الشهر الماضي.', [AANES, LY]);
    expect(list.filter((e) => e.actor.includes('loc:ly'))).toEqual([]);
    // "أنها": a pronoun on the particle is the speaker, not someone unnamed.
    expect(events('وأكدت الإدارة الذاتية أنها زارت ليبيا.', [AANES, LY]).filter((e) => e.type === 'CONSULT').map((e) => e.actor)).not.toContainEqual([]);
  });
});

describe('a reply is no part of what is asked (issue 12)', () => {
  it('"دعت X Y إلى …، وذلك ردا على تصريحات Z الذي اتهم …": the demand ends before the reply; the accusation it replies to is an event', () => {
    const list = events('ودعت الإدارة الذاتية تركيا إلى وقف القصف، وذلك ردا على تصريحات قوات سوريا الديمقراطية التي اتهمت تركيا بدعم التنظيم.', [AANES, TURKEY, SDF]);
    expect(list.find((e) => e.type === 'REQUEST')?.content?.text).toBe('إلى وقف القصف');
    expect(list.map((e) => [e.type, e.actor, e.recipient])).toContainEqual(['ACCUSE', ['org:sdf'], ['loc:tr']]);
  });
});

describe('a masculine verb does not take a feminine body as its subject (issue 12)', () => {
  const GOV: Actor = { id: 'org:tn-gov', forms: ['الحكومة التونسية'] };
  const MFA: Actor = { id: 'org:tn-mfa', forms: ['الخارجية التونسية'] };
  const LEAGUE: Actor = { id: 'org:arab-league', forms: ['الجامعة العربية'] };
  const PARTY: Actor = { id: 'org:party', forms: ['الحزب الاشتراكي'] };
  const HAMZA: Actor = { id: 'per:hamza', type: 'PER', forms: ['حمزة'] };

  it('"ودعا الحكومة التونسية إلى …": the government is asked; the speaker goes on from the sentence before', () => {
    expect(events('وقال الحزب الاشتراكي إن الوضع خطير. ودعا الحكومة التونسية، إلى التحرك.', [PARTY, GOV]).filter((e) => e.type === 'REQUEST').map(brief)).toEqual([
      { type: 'REQUEST', actor: ['org:party'], recipient: ['org:tn-gov'], trigger: 'ودعا' },
    ]);
    expect(events('وقال الحزب الاشتراكي إن الوضع خطير. وطالب الخارجية التونسية والجامعة العربية بإدانة الهجوم.', [PARTY, MFA, LEAGUE]).filter((e) => e.type === 'REQUEST').map(brief)).toEqual([
      { type: 'REQUEST', actor: ['org:party'], recipient: ['org:tn-mfa', 'org:arab-league'], trigger: 'وطالب' },
    ]);
  });

  it('a feminine verb, a masculine body or a man\'s name ending in ة keep their subject', () => {
    expect(events('ودعت الحكومة التونسية إلى التحرك.', [GOV]).map(brief)).toEqual([{ type: 'REQUEST', actor: ['org:tn-gov'], recipient: [], trigger: 'ودعت' }]);
    expect(events('ودعا الحزب الاشتراكي الحكومة التونسية إلى التحرك.', [PARTY, GOV]).map(brief)).toEqual([
      { type: 'REQUEST', actor: ['org:party'], recipient: ['org:tn-gov'], trigger: 'ودعا' },
    ]);
    expect(events('ودعا حمزة الحكومة التونسية إلى التحرك.', [HAMZA, GOV]).map(brief)).toEqual([
      { type: 'REQUEST', actor: ['per:hamza'], recipient: ['org:tn-gov'], trigger: 'ودعا' },
    ]);
  });

  it('"طالب X من Y بـ…": Y is asked', () => {
    expect(events('وطالب الحزب الاشتراكي من الحكومة التونسية باستضافة اللاجئين.', [PARTY, GOV]).map(brief)).toEqual([
      { type: 'REQUEST', actor: ['org:party'], recipient: ['org:tn-gov'], trigger: 'وطالب' },
    ]);
  });
});

describe('a stance told as a noun with the speaker\'s pronoun is the speaker\'s, and no statement (issue 12)', () => {
  const PARTY: Actor = { id: 'org:party', forms: ['حركة النهضة'] };
  const SYRIA: Actor = { id: 'loc:sy', type: 'LOC', subtype: 'country', forms: ['سوريا'] };

  it('"أعلنت X تضامنها مع Y", "أكدت X مساندتها لـY", "وقوفها إلى جانب Y": a SUPPORT of Y, no STATEMENT', () => {
    expect(events('وأعلنت حركة النهضة تضامنها مع سوريا.', [PARTY, SYRIA]).map(brief)).toEqual([
      { type: 'SUPPORT', actor: ['org:party'], recipient: ['loc:sy'], trigger: 'تضامنها' },
    ]);
    expect(events('وأكدت حركة النهضة مساندتها اللامشروطة لقوات سوريا الديمقراطية.', [PARTY, SDF]).map(brief)).toEqual([
      { type: 'SUPPORT', actor: ['org:party'], recipient: ['org:sdf'], trigger: 'مساندتها' },
    ]);
    expect(events('وأكدت حركة النهضة وقوفها إلى جانب سوريا.', [PARTY, SYRIA]).map(brief)).toEqual([
      { type: 'SUPPORT', actor: ['org:party'], recipient: ['loc:sy'], trigger: 'وقوفها' },
    ]);
    expect(events('وأكدت حركة النهضة دعمها لقوات سوريا الديمقراطية.', [PARTY, SDF]).map(brief)).toEqual([
      { type: 'SUPPORT', actor: ['org:party'], recipient: ['org:sdf'], trigger: 'دعمها' },
    ]);
  });

  it('a noun with no pronoun after "أكدت" stays what is said; "أن" opens a statement as before', () => {
    expect(events('وأكدت حركة النهضة أن دعم سوريا واجب.', [PARTY, SYRIA]).map((e) => e.type)).toEqual(['STATEMENT']);
  });

  it('"ب" before a noun names no stance taken: "اتهمت سوريا بالتضامن مع …" is the accusation alone', () => {
    expect(events('واتهمت حركة النهضة سوريا بدعمها للإرهاب.', [PARTY, SYRIA]).map((e) => [e.type, e.actor])).toEqual([['ACCUSE', ['org:party']]]);
  });
});

describe('acts of force told as nouns (issue 12)', () => {
  const WASHINGTON: Actor = { id: 'loc:us', type: 'LOC', subtype: 'country', country: 'US', forms: ['الولايات المتحدة'] };
  const SYRIA: Actor = { id: 'loc:sy', type: 'LOC', subtype: 'country', forms: ['سوريا'] };
  const RUSSIA: Actor = { id: 'per:envoy', type: 'PER', forms: ['سافرونكوف'] };

  it('an act with its doer named after it is that doer\'s, inside what another says too', () => {
    const found = events('وكانت الولايات المتحدة قد هددت بالرد. وشدد سافرونكوف على أن القرار كان سيعني المصادقة على الضربات الأمريكية على سوريا.', [RUSSIA, WASHINGTON, SYRIA]);
    expect(found.filter((e) => e.type === 'ASSAULT').map(brief)).toEqual([{ type: 'ASSAULT', actor: ['loc:us'], recipient: ['loc:sy'], trigger: 'الضربات' }]);
  });

  it('"تزامن هجوم داعش مع تكثيف القصف على تركيا": a noun takes no object farther than its genitive', () => {
    expect(events('وتزامن هجوم داعش مع تكثيف القصف التركي.', [ISIS, TURKEY]).filter((e) => e.trigger.text === 'هجوم').map(brief)).toEqual([
      { type: 'ASSAULT', actor: ['org:isis'], recipient: [], trigger: 'هجوم' },
    ]);
  });
});

describe('subjects behind titles (issue 12)', () => {
  const MASUM: Actor = { id: 'per:masum', type: 'PER', forms: ['فؤاد معصوم'] };
  const TUNISIA: Actor = { id: 'loc:tn', type: 'LOC', subtype: 'country', country: 'TN', forms: ['تونس'] };
  const MARZOUKI: Actor = { id: 'per:marzouki', type: 'PER', forms: ['محمد المنصف المرزوقي'] };

  it('"أشاد الدكتور فؤاد معصوم": an honorific heads the name, it is no unnamed subject', () => {
    expect(events('ومن جانبه، أشاد الدكتور فؤاد معصوم بنجاح التجربة.', [MASUM]).map((e) => [e.type, e.actor])).toEqual([['SUPPORT', ['per:masum']]]);
  });

  it('"طالب رئيس حزب حراك تونس الإرادة محمد المنصف المرزوقي بـ…": the person speaks, not the country in the title', () => {
    expect(events('طالب رئيس حزب حراك تونس الإرادة محمد المنصف المرزوقي بضرورة ضمان نزاهة الانتخابات.', [TUNISIA, MARZOUKI]).map(brief)).toEqual([
      { type: 'REQUEST', actor: ['per:marzouki'], recipient: [], trigger: 'طالب' },
    ]);
    // With no person after the title, the country named in it is as before.
    expect(events('وطالب رئيس وزراء تونس بضرورة ضمان نزاهة الانتخابات.', [TUNISIA]).map((e) => e.actor)).toEqual([['loc:tn']]);
  });

  it('"ودعا رجال الأعمال … والإدارة التونسية إلى …": a feminine body past other words is no subject of a masculine verb', () => {
    const ADMIN: Actor = { id: 'org:tn-admin', forms: ['الإدارة التونسية'] };
    const found = events('وقال محمد المنصف المرزوقي إن الوضع خطير. ودعا رجال الأعمال والإدارة التونسية الى أن يكونوا أوفياء.', [MARZOUKI, ADMIN]);
    expect(found.filter((e) => e.type === 'REQUEST').map((e) => e.actor)).toEqual([['per:marzouki']]);
  });
});

describe('the doer after "على يد" and "من قبل" (issue 12)', () => {
  const MOI: Actor = { id: 'org:iq-moi', forms: ['وزارة الداخلية العراقية'] };

  it('past an unnamed noun, the body it belongs to is the doer, never the one acted upon', () => {
    for (const text of ['قتل جنديان على يد مسلحين تابعين لداعش في الموصل.', 'قتل جنديان على أيدي عناصر من داعش في الموصل.', 'قتل جنديان على يد داعش في الموصل.']) {
      expect(events(text, [ISIS]).map(brief), text).toEqual([{ type: 'ASSAULT', actor: ['org:isis'], recipient: [], trigger: 'قتل' }]);
    }
  });

  it('an act noun with "على يد" after it is that doer\'s, though another announces it', () => {
    expect(events('أعلنت وزارة الداخلية العراقية مقتل جنديين على يد داعش في الموصل.', [MOI, ISIS]).map(brief)).toEqual([
      { type: 'ASSAULT', actor: ['org:isis'], recipient: [], trigger: 'مقتل' },
    ]);
  });

  it('a cue that names no body gives no doer; the one named after the noun stays the one acted upon', () => {
    expect(events('قتل جنديان على يد مسلحين مجهولين في الموصل.', [ISIS]).map(brief)).toEqual([{ type: 'ASSAULT', actor: [], recipient: [], trigger: 'قتل' }]);
    expect(events('أعلنت وزارة الداخلية العراقية مقتل قيادي في داعش.', [MOI, ISIS]).map(brief)).toEqual([
      { type: 'ASSAULT', actor: ['org:iq-moi'], recipient: ['org:isis'], trigger: 'مقتل' },
    ]);
  });
});

describe('members of a body as the subject, and the cells a clash is with (issue 12)', () => {
  // After ل the article is written ل (للجيش): the entity layer marks the name from there on.
  const ARMY: Actor = { id: 'org:iq-army', forms: ['الجيش العراقي', 'لجيش العراقي'] };
  const COAL: Actor = { id: 'org:coalition', forms: ['التحالف الدولي', 'لتحالف الدولي'] };

  it('"هاجم عناصر من داعش نقطة …": the members, with an object after them, attack', () => {
    expect(events('هاجم عناصر من داعش نقطة عسكرية لقوات سوريا الديمقراطية.', [ISIS, SDF]).map(brief)).toEqual([
      { type: 'ASSAULT', actor: ['org:isis'], recipient: ['org:sdf'], trigger: 'هاجم' },
    ]);
    expect(events('هاجم مسلحون من داعش حاجزا للجيش العراقي.', [ISIS, ARMY]).map(brief)).toEqual([
      { type: 'ASSAULT', actor: ['org:isis'], recipient: ['org:iq-army'], trigger: 'هاجم' },
    ]);
  });

  it('with nothing after them they are the ones acted upon', () => {
    expect(events('قتل عناصر من داعش في غارة للتحالف الدولي.', [ISIS, COAL]).map(brief)).toEqual([
      { type: 'ASSAULT', actor: ['org:coalition'], recipient: ['org:isis'], trigger: 'قتل' },
    ]);
  });

  it('"اشتبكت قسد مع خلايا لداعش": a clash with the cells of a body, each side attacking', () => {
    expect(events('اشتبكت قوات سوريا الديمقراطية مع خلايا لداعش في ريف دير الزور.', [SDF, ISIS]).map((e) => [e.actor, e.recipient])).toEqual([
      [['org:sdf'], ['org:isis']],
      [['org:isis'], ['org:sdf']],
    ]);
  });
});

describe('a speaker\'s own forces, and a body in the genitive with an object (issue 12)', () => {
  const MOD: Actor = { id: 'org:tr-mod', forms: ['وزارة الدفاع التركية'] };
  const PKK: Actor = { id: 'org:pkk', forms: ['حزب العمال الكردستاني', 'لحزب العمال الكردستاني'] };

  it('"قالت X إن طائراتها قصفت …": the speaker\'s forces act for the speaker', () => {
    expect(events('قالت وزارة الدفاع التركية إن طائراتها قصفت مواقع لحزب العمال الكردستاني.', [MOD, PKK]).map(brief)).toEqual([
      { type: 'ASSAULT', actor: ['org:tr-mod'], recipient: ['org:pkk'], trigger: 'قصفت' },
    ]);
    // Forces with no pronoun are someone unnamed.
    expect(events('قالت وزارة الدفاع التركية إن الطائرات قصفت مواقع لحزب العمال الكردستاني.', [MOD, PKK]).map((e) => e.actor)).toEqual([[]]);
  });

  it('"أعلنت قسد أنها قتلت 12 عنصرا من داعش خلال اشتباكات": the verb after "أنها" is active', () => {
    const found = events('أعلنت قوات سوريا الديمقراطية أنها قتلت 12 عنصرا من داعش خلال اشتباكات.', [SDF, ISIS]);
    expect(found.find((e) => e.trigger.text === 'قتلت')).toMatchObject({ actor: ['org:sdf'], recipient: ['org:isis'] });
  });

  it('"باعتقال قسد عشرة أشخاص": a body in the genitive with an object after it arrests; "اعتقال قيادي في داعش" is done to ISIS', () => {
    expect(events('وأفادت مصادر باعتقال قسد 10 أشخاص في الرقة.', [SDF]).map(brief)).toEqual([{ type: 'COERCE', actor: ['org:sdf'], recipient: [], trigger: 'باعتقال' }]);
    expect(events('وأفادت مصادر باعتقال قسد في الرقة.', [SDF]).map(brief)).toEqual([{ type: 'COERCE', actor: [], recipient: ['org:sdf'], trigger: 'باعتقال' }]);
  });
});

describe('a participle with no main event speaks for the sentence\'s subject (issue 12)', () => {
  it('"وتحدث الرئيس المشترك للإدارة الذاتية، داعيا التحالف إلى …": the body the head speaks for asks', () => {
    expect(events('وتحدث الرئيس المشترك للإدارة الذاتية، داعيا التحالف الدولي إلى تحمل مسؤولياته.', [{ ...AANES, forms: ['الإدارة الذاتية', 'لإدارة الذاتية'] }, COALITION]).map(brief)).toEqual([
      { type: 'REQUEST', actor: ['org:aanes'], recipient: ['org:coalition'], trigger: 'داعيا' },
    ]);
    // ل after a word that heads no one is "to": the body is no subject.
    expect(events('وتحدث وفد كبير أمام الإدارة الذاتية، داعيا التحالف الدولي إلى تحمل مسؤولياته.', [AANES, COALITION]).map((e) => e.actor)).not.toContainEqual(['org:aanes']);
  });
});

describe('an act told as having taken place is reported, inside what another says too (issue 12)', () => {
  const PAPER: Actor = { id: 'org:paper', forms: ['صحيفة الرياض'] };
  it('"أشار الموقع إلى أن اشتباكات جرت في الحي": the clash, with no doer named, and not the outlet\'s', () => {
    expect(events('وأشار موقع صحيفة الرياض إلى أن اشتباكات جرت في حي المحاميد.', [PAPER]).map(brief)).toEqual([
      { type: 'ASSAULT', actor: [], recipient: [], trigger: 'اشتباكات' },
    ]);
  });
  it('"الحي الذي شهد عملية أمنية", "إن الاشتباكات تسببت في أضرار": what is known, or a topic, is no act', () => {
    expect(events('وقال مصدر إن الحي الذي شهد عملية أمنية مماثلة هادئ.', []).filter((e) => e.type !== 'STATEMENT')).toEqual([]);
    expect(events('وقال مصدر إن الاشتباكات تسببت في أضرار.', []).filter((e) => e.type !== 'STATEMENT')).toEqual([]);
  });
});

describe('a delegation of a body, a threat\'s target, and aid in kind (issue 12)', () => {
  it('"زار وفد من التحالف الدولي مدينة الرقة": من after a head names the body that visits', () => {
    expect(events('زار وفد من التحالف الدولي مدينة الرقة.', [COALITION]).map((e) => [e.type, e.actor])).toEqual([['CONSULT', ['org:coalition']]]);
    // Members with nothing after them are the ones acted upon.
    expect(events('قتل عناصر من داعش في الرقة.', [ISIS]).map((e) => [e.actor, e.recipient])).toEqual([[[], ['org:isis']]]);
  });

  it('"هددت تركيا بشن عملية عسكرية ضد قسد": the threat is of the one its act would strike', () => {
    expect(events('هددت تركيا بشن عملية عسكرية ضد قوات سوريا الديمقراطية.', [TURKEY, SDF]).map(brief)).toEqual([
      { type: 'THREATEN', actor: ['loc:tr'], recipient: ['org:sdf'], trigger: 'هددت' },
    ]);
    expect(events('هددت تركيا بشن عملية عسكرية جديدة في شمال سوريا.', [TURKEY]).map((e) => e.recipient)).toEqual([[]]);
  });

  it('"قدمت المنظمة أدوية ومستلزمات طبية": aid in kind; "قدمت الحكومة مواد للنقاش" is none', () => {
    const WHO: Actor = { id: 'org:who', forms: ['منظمة الصحة العالمية'] };
    expect(events('قدمت منظمة الصحة العالمية أدوية ومستلزمات طبية للمشفى.', [WHO]).map((e) => [e.type, e.actor])).toEqual([['AID', ['org:who']]]);
    expect(events('قدمت منظمة الصحة العالمية مواد للنقاش.', [WHO]).filter((e) => e.type === 'AID')).toEqual([]);
  });
});

describe('a verb of talks with no subject goes on with its sentence\'s subject (issue 12)', () => {
  const MCCAIN: Actor = { id: 'per:mccain', type: 'PER', forms: ['ماكين'] };
  it('"زيارة ماكين هي الثانية، عندما التقى مع قادة قسد": McCain met them', () => {
    expect(events('وزيارة ماكين هذه هي الثانية، عندما التقى مع قادة قوات سوريا الديمقراطية.', [MCCAIN, SDF]).map(brief)).toEqual([
      { type: 'CONSULT', actor: ['per:mccain'], recipient: ['org:sdf'], trigger: 'التقى' },
    ]);
  });
  it('not an act of force: "وفي الرقة، قتل عناصر …" gets no doer from the sentence', () => {
    expect(events('وزيارة ماكين هذه هي الثانية، عندما قتل ثلاثة في الرقة.', [MCCAIN]).map((e) => e.actor)).toEqual([[]]);
  });
});

describe('acts added to a reported act, and acts decided (issue 12)', () => {
  const UAE: Actor = { id: 'loc:ae', type: 'LOC', subtype: 'country', forms: ['الإمارات'] };
  const QATAR: Actor = { id: 'loc:qa', type: 'LOC', subtype: 'country', forms: ['قطر'] };
  const SAUDI: Actor = { id: 'loc:sa', type: 'LOC', subtype: 'country', forms: ['السعودية'] };
  it('"أعلنت X قطع العلاقات مع قطر، إلى جانب إمهال …": "إلى جانب" adds a reported act as و does', () => {
    expect(events('أعلنت الإمارات قطع العلاقات مع قطر، إلى جانب إمهال البعثة الدبلوماسية 48 ساعة لمغادرة البلاد.', [UAE, QATAR]).map((e) => [e.type, e.actor])).toEqual([
      ['SANCTION', ['loc:ae']],
      ['COERCE', ['loc:ae']],
    ]);
  });
  it('"قررت السعودية منع المواطنين من السفر": the one who decides an act does it', () => {
    expect(events('كما قررت السعودية منع المواطنين السعوديين من السفر إلى قطر.', [SAUDI, QATAR]).map((e) => [e.type, e.actor])).toEqual([['REJECT', ['loc:sa']]]);
  });
});

describe('a noun carried by a verb with its own subject, inside what another says (issue 12)', () => {
  const US: Actor = { id: 'loc:us', type: 'LOC', subtype: 'country', country: 'US', forms: ['الولايات المتحدة'] };
  const BLINKEN: Actor = { id: 'per:blinken', type: 'PER', forms: ['أنتوني بلنكن'] };
  it('"قال X إن الولايات المتحدة تواصل جهودها في حث الدول": the United States urges, not the speaker', () => {
    const found = events('وقال أنتوني بلنكن إن الولايات المتحدة تواصل جهودها في حث الدول على استعادة مواطنيها.', [BLINKEN, US]);
    expect(found.filter((e) => e.type === 'REQUEST').map((e) => e.actor)).toEqual([['loc:us']]);
  });
  it('a noun with no subject of its own inside what is said stays part of it', () => {
    const found = events('وقال أنتوني بلنكن إن حث الدول على استعادة مواطنيها ضروري.', [BLINKEN]);
    expect(found.filter((e) => e.type === 'REQUEST' && e.trigger.text === 'حث')).toEqual([]);
  });
});

describe('a charge that names no party is still an accusation when it opens what is said (issue 12)', () => {
  it('"أكدت الإدارة أن ما حصل هو تقصير من المجتمع الدولي": ACCUSE, no one named as accused', () => {
    expect(events('وأكدت الإدارة الذاتية أن ما حصل في السجن هو تقصير من المجتمع الدولي.', [AANES]).map(brief)).toEqual([
      { type: 'ACCUSE', actor: ['org:aanes'], recipient: [], trigger: 'وأكدت' },
    ]);
  });
  it('deep in a long quote, a word of charge with no party beside it leaves the statement as it is', () => {
    const text = 'وأكدت الإدارة الذاتية أن المنطقة تعيش ظروفا صعبة منذ سنوات طويلة بسبب الحرب والحصار والنزوح المستمر في الشمال، وأن ما حصل تقصير.';
    expect(events(text, [AANES]).map((e) => e.type)).toEqual(['STATEMENT']);
  });
});

describe('an act noun after the participle of a governing verb (issue 12)', () => {
  const PARTY: Actor = { id: 'org:pdl', forms: ['الحزب الدستوري الحر'] };
  const GOV: Actor = { id: 'org:tn-gov', forms: ['الحكومة التونسية'] };
  it('"…، مجدداً الدعوة إلى الحكومة": the sentence\'s actor asks', () => {
    const found = events('فقد عبر الحزب الدستوري الحر عن استغرابه، مجددا الدعوة إلى الحكومة التونسية لإرجاع العلاقات.', [PARTY, GOV]);
    expect(found.filter((e) => e.type === 'REQUEST').map(brief)).toEqual([{ type: 'REQUEST', actor: ['org:pdl'], recipient: ['org:tn-gov'], trigger: 'الدعوة' }]);
  });
  it('with no actor in the sentence, the noun after the participle is no act', () => {
    expect(events('وفي السياق نفسه، مجددا الدعوة إلى الحكومة التونسية لإرجاع العلاقات.', [GOV]).filter((e) => e.type === 'REQUEST')).toEqual([]);
  });
});

describe('a place that opens the clause before its verb is its subject (issue 12)', () => {
  const GULF: Actor = { id: 'loc:gulf', type: 'LOC', subtype: 'region', forms: ['دول الخليج'] };
  const HEZBOLLAH: Actor = { id: 'org:hezbollah', forms: ['حزب الله'] };
  it('"دول الخليج تصنف حزب الله منظمة إرهابية": Hezbollah is designated, not the designator', () => {
    expect(events('دول الخليج تصنف حزب الله منظمة إرهابية.', [GULF, HEZBOLLAH]).map(brief)).toEqual([
      { type: 'SANCTION', actor: [], recipient: ['org:hezbollah'], trigger: 'تصنف' },
    ]);
  });
  it('not a dateline: "دير الزور ـ أعلنت قسد اعتقال …" is announced by the SDF', () => {
    const DEZ: Actor = { id: 'loc:sy:dez', type: 'LOC', subtype: 'city', forms: ['دير الزور'] };
    expect(events('دير الزور ـ أعلنت قوات سوريا الديمقراطية اعتقال خمسة أشخاص.', [DEZ, SDF]).map((e) => [e.type, e.actor])).toEqual([['COERCE', ['org:sdf']]]);
  });
});

describe('the injured, and a nationality that describes a noun (issue 12)', () => {
  it('"أصيب ثلاثة جنود بجروح": an act of force though the hurt are named by no entity; "أصاب الهدف" needs one', () => {
    expect(events('أصيب 3 جنود بجروح في الهجوم.', []).map((e) => [e.type, e.rule])).toEqual([['ASSAULT', 'ar/events/assault/asaaba']]);
    expect(events('أصاب الصاروخ الهدف بدقة.', []).filter((e) => e.rule === 'ar/events/assault/asaaba')).toEqual([]);
  });
  it('"استهدف هجوم بطائرة مسيرة تركية سيارة": Turkey is no one acted upon', () => {
    expect(events('استهدف هجوم بطائرة مسيرة تركية سيارة في القامشلي.', [{ ...TURKEY, forms: ['تركية'] }]).map((e) => e.recipient)).toEqual([[]]);
  });
});

describe('a passive followed by a date and "ضمن" (issue 12)', () => {
  it('"وكان فلان قد اعتقل عام 2008 ضمن عملية …": he was arrested; he arrested no one', () => {
    const NASR: Actor = { id: 'per:nasr', type: 'PER', forms: ['مهدي بن نصر'] };
    const found = events('وكان مهدي بن نصر قد اعتقل عام 2008 ضمن عملية لمكافحة الإرهاب في إيطاليا.', [NASR], {
      dates: [{ start: 26, end: 34, text: 'عام 2008', value: '2008', precision: 'year' } as DateMention],
    });
    expect(found.map(brief)).toEqual([{ type: 'COERCE', actor: [], recipient: ['per:nasr'], trigger: 'اعتقل' }]);
  });
});

describe('a delegation from a body is the one met or handed to (issue 12)', () => {
  const UZ: Actor = { id: 'loc:uz', type: 'LOC', subtype: 'country', forms: ['أوزبكستان'] };
  const FR: Actor = { id: 'loc:fr', type: 'LOC', subtype: 'country', forms: ['فرنسا'] };
  it('"سلمت … إلى وفد من أوزبكستان", "التقى بوفد من التحالف", "استقبلت وفدا من فرنسا"', () => {
    expect(events('وسلمت الإدارة الذاتية 15 طفلا إلى وفد من أوزبكستان.', [AANES, UZ]).map((e) => [e.actor, e.recipient])).toEqual([[['org:aanes'], ['loc:uz']]]);
    expect(events('والتقت الإدارة الذاتية بوفد من التحالف الدولي.', [AANES, COALITION]).map((e) => [e.actor, e.recipient])).toEqual([[['org:aanes'], ['org:coalition']]]);
    expect(events('واستقبلت الإدارة الذاتية وفدا من فرنسا.', [AANES, FR]).map((e) => [e.actor, e.recipient])).toEqual([[['org:aanes'], ['loc:fr']]]);
  });
  it('"من" after a plain noun is no membership: "سلمت … إلى عائلات من فرنسا" is handed to families', () => {
    expect(events('وسلمت الإدارة الذاتية 15 طفلا إلى عائلاتهم من فرنسا.', [AANES, FR]).map((e) => e.recipient)).toEqual([[]]);
  });
});

describe('taking ground back (issue 12)', () => {
  const ARMY: Actor = { id: 'org:sy-army', forms: ['الجيش السوري'] };
  it('"استعاد الجيش نحو 80 بالمائة من مساحتها": the share of an area is ground taken; "استعاد اللاعب ثقته" is not', () => {
    expect(events('استعاد الجيش السوري نحو 80 بالمائة من مساحتها.', [ARMY]).map((e) => [e.type, e.mode, e.actor])).toEqual([['COERCE', 'seize', ['org:sy-army']]]);
    expect(events('واستعاد اللاعب ثقته بعد المباراة في المدينة.', [])).toEqual([]);
  });
  it('"استعادت قسد القرى التي يسيطر عليها داعش": taken back from its holder', () => {
    expect(events('واستعادت قسد القرى التي يسيطر عليها داعش.', [SDF, ISIS]).map((e) => [e.actor, e.recipient])).toEqual([[['org:sdf'], ['org:isis']]]);
  });
});

describe('the injured of an act already told are its toll (issue 12)', () => {
  it('"قُتل أربعة وأصيب ثلاثة آخرون في هجوم": one act, with both figures', () => {
    const found = events('قُتل 4 من مقاتلي قوات سوريا الديمقراطية وأصيب 3 آخرون في هجوم شنه مسلحون.', [SDF]);
    expect(found.filter((e) => e.type === 'ASSAULT')).toHaveLength(1);
  });
  it('a claim names the doer of a killing told with the attack that did it', () => {
    const found = events('وقُتل حارس وأصيب سبعة آخرون جراء هجوم على المبنى. وتبنى داعش الهجوم.', [ISIS]);
    expect(found.filter((e) => e.type === 'ASSAULT').map((e) => e.actor)).toEqual([['org:isis']]);
  });
});

describe('a retelling with no doer joins the act told before it (issue 12)', () => {
  const ARMY: Actor = { id: 'org:tr-army', forms: ['جيش الاحتلال التركي'] };
  it('"قصفت تركيا …. قبل أن تستهدف الدراجة …. وتتعرض القرى لقصف من قبل الجيش التركي": two acts, not three', () => {
    const text = 'قصفت تركيا دراجة نارية جنوب كوباني. وحلقت المسيرة فوق المنطقة قبل أن تستهدف الدراجة بصاروخ. وتتعرض القرى منذ أسابيع لقصف من قبل جيش الاحتلال التركي.';
    const found = events(text, [TURKEY, ARMY]).filter((e) => e.type === 'ASSAULT');
    expect(found.map((e) => [e.actor, (e.evidence ?? []).length])).toEqual([[['loc:tr'], 2], [['org:tr-army'], 1]]);
  });
});

describe('praise of a deed done in a country (issue 12)', () => {
  const MASUM: Actor = { id: 'per:masum', type: 'PER', forms: ['فؤاد معصوم'] };
  const TN: Actor = { id: 'loc:tn', type: 'LOC', subtype: 'country', forms: ['تونس'] };
  it('"أشاد بنجاح تجربة الانتقال الديمقراطي في تونس": the praise is of Tunisia', () => {
    expect(events('وأشاد فؤاد معصوم بنجاح تجربة الانتقال الديمقراطي في تونس.', [MASUM, TN]).map((e) => [e.type, e.recipient])).toEqual([['SUPPORT', ['loc:tn']]]);
  });
  it('a condemnation of an act in a country does not accuse the country', () => {
    expect(events('وأدان فؤاد معصوم الهجوم الإرهابي في تونس.', [MASUM, TN]).find((e) => e.type === 'ACCUSE')?.recipient).toEqual([]);
  });
});

describe('a title restates one act of its body (issue 12)', () => {
  it('"داعش يهاجم …" in the title and the body\'s attack are one; a second attack of another kind in the body is its own', () => {
    const text = 'داعش يهاجم حاجزا للجيش في كركوك\nهاجم تنظيم داعش حاجزا للجيش في كركوك. وكان داعش قد فجر سيارة مفخخة في بغداد الشهر الماضي.';
    const found = events(text, [ISIS], { titleEnd: text.indexOf('\n') }).filter((e) => e.type === 'ASSAULT');
    expect(found.map((e) => [e.trigger.text, (e.evidence ?? []).length])).toEqual([['يهاجم', 2], ['فجر', 1]]);
  });
  it('a definite noun telling the act again stays one with it', () => {
    const text = 'داعش يهاجم حاجزا للجيش في كركوك\nهاجم تنظيم داعش حاجزا للجيش في كركوك. وتبنى داعش الهجوم في بيان.';
    const found = events(text, [ISIS], { titleEnd: text.indexOf('\n') }).filter((e) => e.type === 'ASSAULT');
    expect(found).toHaveLength(1);
  });
});

describe('a verb joined to an act with a named doer goes on with that doer (issue 12)', () => {
  // Read by the whole pipeline: "عشرين من" is a figure, which the entity-only helper does not mark.
  const coerce = (body: string) => {
    const r = extractBody(body);
    const name = (id: string) => r.entities.find((x) => x.id === id)?.name.ar ?? id;
    return r.events.filter((e) => e.type === 'COERCE').map((e) => [e.actor.map(name), e.recipient.map(name)]);
  };
  it('"اقتحمت قسد المخيم واعتقلت عشرين من عناصر داعش": the SDF arrest, ISIS is arrested', () => {
    expect(coerce('اقتحمت قوات سوريا الديمقراطية مخيم الهول واعتقلت عشرين من عناصر داعش.')).toEqual([[['قوات سوريا الديمقراطية'], ['تنظيم الدولة الإسلامية (داعش)']]]);
  });
  it('with no act before it, "N من عناصر X" after the verb are the ones arrested, by no one named', () => {
    expect(coerce('واعتقلت عشرين من عناصر داعش في المدينة.')).toEqual([[[], ['تنظيم الدولة الإسلامية (داعش)']]]);
  });
  it('a statement before it lends no doer', () => {
    expect(coerce('وأكدت قوات سوريا الديمقراطية موقفها، واعتقلت عشرين من عناصر داعش.').map(([actor]) => actor)).not.toContainEqual(['قوات سوريا الديمقراطية']);
  });
});

describe('executions, shootdowns and shells that fall (issue 12)', () => {
  it('"أعدم التنظيم عشرة مدنيين" is an attack by ISIS; a death sentence is not', () => {
    expect(events('أعدم داعش عشرة مدنيين في ريف دير الزور.', [ISIS]).map((e) => [e.type, e.actor, e.rule])).toEqual([['ASSAULT', ['org:isis'], 'ar/events/assault/aadama']]);
    expect(events('وحكمت المحكمة على ثلاثة متهمين بالإعدام.', [])).toEqual([]);
    expect(events('وأصدرت المحكمة حكما بالإعدام على خمسة من عناصر داعش.', [ISIS]).filter((e) => e.type === 'ASSAULT')).toEqual([]);
    // Culling birds is no execution, nor a verdict of hanging in a headline.
    expect(events('ما أدى إلى إعدام آلاف الطيور في بعض الدول.', [])).toEqual([]);
    expect(events('الإعدام شنقا للمغتصب', [])).toEqual([]);
  });
  it('"سقطت قذائف هاون على حي سكني" is an attack with no named doer; "سقط النظام" is none', () => {
    expect(events('سقطت قذائف هاون على حي سكني في دمشق.', []).map((e) => [e.type, e.actor])).toEqual([['ASSAULT', []]]);
    expect(events('سقط النظام عام 2003 بعد الحرب الطويلة.', []).filter((e) => e.rule === 'ar/events/assault/saqata-qadhifa')).toEqual([]);
  });
});

describe('a title, its body and the person named after them (issue 12)', () => {
  const ABDI: Actor = { id: 'per:abdi', type: 'PER', forms: ['مظلوم عبدي'] };
  it('"التقى قائد قسد مظلوم عبدي وفداً من التحالف": the commander meets the coalition', () => {
    expect(events('والتقى قائد قوات سوريا الديمقراطية مظلوم عبدي وفدا من التحالف الدولي في الحسكة.', [SDF, ABDI, COALITION]).map((e) => [e.type, e.actor, e.recipient]))
      .toEqual([['CONSULT', ['per:abdi'], ['org:coalition']]]);
    expect(events('واتهم القائد العام لقوات سوريا الديمقراطية، مظلوم عبدي، تركيا بدعم داعش.', [SDF, ABDI, TURKEY, ISIS]).map((e) => [e.type, e.actor, e.recipient]))
      .toEqual([['ACCUSE', ['per:abdi'], ['loc:tr']]]);
  });
  it('with no person after it, the body of the title is the subject', () => {
    expect(events('والتقى قائد قوات سوريا الديمقراطية وفدا من التحالف الدولي في الحسكة.', [SDF, COALITION]).map((e) => [e.actor, e.recipient]))
      .toEqual([[['org:sdf'], ['org:coalition']]]);
  });
});

describe('the one held responsible for an act is its doer (issue 12)', () => {
  const GOV: Actor = { id: 'org:tr-government', forms: ['الحكومة التركية'] };
  it('"حمّلت قسد الحكومة التركية مسؤولية الهجوم": the attack is the Turkish government\'s, not the SDF\'s', () => {
    const found = events('وحمّلت قوات سوريا الديمقراطية الحكومة التركية مسؤولية الهجوم على القرى.', [SDF, GOV]);
    expect(found.map((e) => [e.type, e.actor, e.recipient])).toEqual([['ACCUSE', ['org:sdf'], ['org:tr-government']], ['ASSAULT', ['org:tr-government'], []]]);
  });
  it('a responsibility laid on someone is no claim: the accuser does not become the doer of the article\'s attacks', () => {
    const found = events('قتل خمسة مدنيين في هجوم على حاجز. وحملت الإدارة الذاتية تركيا المسؤولية.', [AANES, TURKEY]);
    expect(found.filter((e) => e.type === 'ASSAULT').map((e) => e.actor)).toEqual([[]]);
  });
  it('a claim of responsibility still names the doer', () => {
    const found = events('قتل خمسة مدنيين في هجوم على حاجز. وأعلن داعش مسؤوليته عن الهجوم.', [ISIS]);
    expect(found.filter((e) => e.type === 'ASSAULT').map((e) => e.actor)).toEqual([['org:isis']]);
  });
});

describe('praise and condemnation of someone\'s deed (issue 12)', () => {
  const IQ: Actor = { id: 'loc:iq', type: 'LOC', subtype: 'country', forms: ['العراق'] };
  it('"أشادت الإدارة الذاتية بجهود التحالف", "رحبت … بإعادة العراق لمواطنيه": the one whose deed it is', () => {
    expect(events('وأشادت الإدارة الذاتية بجهود التحالف الدولي في مكافحة الإرهاب.', [AANES, COALITION]).map((e) => [e.type, e.recipient])).toEqual([['SUPPORT', ['org:coalition']]]);
    expect(events('ورحبت الإدارة الذاتية بإعادة العراق لمواطنيه من المخيم.', [AANES, IQ]).map((e) => [e.type, e.recipient])).toEqual([['SUPPORT', ['loc:iq']]]);
  });
  it('a body after another preposition is no one praised: "أشاد بالتعاون مع التحالف"', () => {
    expect(events('وأشادت الإدارة الذاتية بالتعاون مع التحالف الدولي.', [AANES, COALITION]).map((e) => [e.type, e.recipient])).toEqual([['SUPPORT', []]]);
  });
});

describe('two demands of one speaker far apart are two (issue 12)', () => {
  const GOV: Actor = { id: 'org:tn-government', forms: ['الحكومة التونسية'] };
  it('a demand with no one asked and, later in the article, one with its own addressee', () => {
    const text = 'طالبت الإدارة الذاتية بضرورة ضمان نزاهة الانتخابات. وأضافت أن الوضع صعب. وتحدثت عن الاقتصاد. وطالبت الإدارة الذاتية الحكومة التونسية باستضافة اللاجئين.';
    expect(events(text, [AANES, GOV]).filter((e) => e.type === 'REQUEST').map((e) => e.recipient)).toEqual([[], ['org:tn-government']]);
  });
  it('a demand in a sentence of its own is another demand; one in the same sentence goes on with the one before', () => {
    const apart = 'وطالبت الإدارة الذاتية الحكومة التونسية باستضافة اللاجئين. ودعت الإدارة الذاتية كل الأطراف إلى الحوار.';
    expect(events(apart, [AANES, GOV]).filter((e) => e.type === 'REQUEST').map((e) => e.recipient)).toEqual([['org:tn-government'], []]);
    const joined = 'وطالبت الإدارة الذاتية الحكومة التونسية باستضافة اللاجئين، كما طالبت بفتح المعابر.';
    expect(events(joined, [AANES, GOV]).filter((e) => e.type === 'REQUEST').map((e) => e.recipient)).toEqual([['org:tn-government']]);
  });
});

describe('saying someone belongs to an armed group charges them (issue 12)', () => {
  const HASHEM: Actor = { id: 'per:hashem', type: 'PER', forms: ['هشام العبيدي'] };
  const SPOKESMAN: Actor = { id: 'per:spokesman', type: 'PER', forms: ['أحمد بن سالم'] };
  const ARMY: Actor = { id: 'org:iq-army', subtype: 'MIL', forms: ['الجيش العراقي'] };
  const ISIS_REB: Actor = { ...ISIS, subtype: 'REB' };
  it('"قال إن هشام ينتمي إلى داعش": an accusation of Hashem, not a statement', () => {
    expect(events('وقال أحمد بن سالم إن هشام العبيدي ينتمي إلى داعش.', [SPOKESMAN, HASHEM, ISIS_REB]).map((e) => [e.type, e.actor, e.recipient]))
      .toEqual([['ACCUSE', ['per:spokesman'], ['per:hashem']]]);
  });
  it('belonging to a state\'s army is no charge; of oneself ("أفاد أنه ينتمي") it is a confession', () => {
    expect(events('وقال أحمد بن سالم إن المتطوعين ينتمون إلى الجيش العراقي.', [SPOKESMAN, ARMY]).map((e) => e.type)).toEqual(['STATEMENT']);
    expect(events('وأفاد هشام العبيدي أنه ينتمي إلى داعش.', [HASHEM, ISIS_REB]).map((e) => e.type)).toEqual(['STATEMENT']);
  });
});

describe('an actor after a plain noun is its genitive, not the subject (issue 12)', () => {
  const HEZBOLLAH: Actor = { id: 'org:hezbollah', forms: ['حزب الله'] };
  it('"يعتبر ممارسات حزب الله تهديداً": Hezbollah is no speaker', () => {
    expect(events('وقال الوزير إن المجلس يعتبر ممارسات حزب الله تهديدا.', [HEZBOLLAH]).flatMap((e) => e.actor)).not.toContain('org:hezbollah');
  });
  it('titles and heads of a subject still lead to it: "قالت قيادة قسد", "دعا رئيس الإدارة الذاتية"', () => {
    expect(events('وأعلنت قيادة قوات سوريا الديمقراطية أن الوضع مستقر.', [SDF]).map((e) => e.actor)).toEqual([['org:sdf']]);
    expect(events('ودعا رئيس الإدارة الذاتية المجتمع الدولي إلى الدعم.', [AANES, INTL]).map((e) => [e.actor, e.recipient])).toEqual([[['org:aanes'], ['org:intl-community']]]);
  });
});

describe('a decision carries the act it decides (issue 12)', () => {
  const SA: Actor = { id: 'loc:sa', type: 'LOC', subtype: 'country', forms: ['السعودية'] };
  const QA: Actor = { id: 'loc:qa', type: 'LOC', subtype: 'country', forms: ['قطر'] };
  it('"اتخذت السعودية القرار القاضي بقطع العلاقات مع قطر": Saudi Arabia cuts ties with Qatar', () => {
    expect(events('واتخذت السعودية القرار القاضي بقطع العلاقات الدبلوماسية مع قطر.', [SA, QA]).map((e) => [e.type, e.actor, e.recipient])).toEqual([['SANCTION', ['loc:sa'], ['loc:qa']]]);
  });
  it('cutting ties asked for is no act, and a noun with no doer is none', () => {
    expect(events('وطالب الحزب بقطع العلاقات مع قطر.', [QA]).filter((e) => e.type === 'SANCTION')).toEqual([]);
    expect(events('ويأتي قطع العلاقات بعد أزمة طويلة.', [])).toEqual([]);
  });
});

describe('talks between two persons named by their offices (issue 12)', () => {
  const LAVROV: Actor = { id: 'per:lavrov', type: 'PER', forms: ['سيرغي لافروف'] };
  const TILLERSON: Actor = { id: 'per:tillerson', type: 'PER', forms: ['ريكس تيلرسون'] };
  it('"اللقاء الذي جرى في موسكو بين وزير الخارجية الروسي، سيرغي لافروف، ونظيره الأمريكي، ريكس تيلرسون"', () => {
    const found = events('وتناول اللقاء الذي جرى اليوم في موسكو بين وزير الخارجية الروسي، سيرغي لافروف، ونظيره الأمريكي، ريكس تيلرسون، الأزمة.', [LAVROV, TILLERSON]);
    expect(found.filter((e) => e.type === 'CONSULT').map((e) => [e.actor, e.recipient])).toEqual([[['per:lavrov'], ['per:tillerson']]]);
  });
  it('one person after بين is no pair', () => {
    expect(events('وجرى اللقاء بين وزير الخارجية الروسي، سيرغي لافروف، والصحفيين.', [LAVROV]).filter((e) => e.type === 'CONSULT').map((e) => e.recipient)).not.toContainEqual(['per:lavrov']);
  });
});

describe('what someone believes, and what is believed (issue 12)', () => {
  const POLICE: Actor = { id: 'org:bd-police', forms: ['الشرطة البنغالية'] };
  const JMB: Actor = { id: 'org:jmb', subtype: 'REB', forms: ['مجاهدي بنغلادش'] };
  it('"تعتقد الشرطة أن جماعة X التي بايعت داعش هي المسؤولة": the police accuse X, not ISIS', () => {
    const found = events('وتعتقد الشرطة البنغالية أن جماعة مجاهدي بنغلادش التي بايعت داعش هي المسؤولة عن التخطيط للهجوم.', [POLICE, JMB, ISIS]);
    expect(found.filter((e) => e.type === 'ACCUSE').map((e) => [e.actor, e.recipient])).toEqual([[['org:bd-police'], ['org:jmb']]]);
  });
  it('"ويعتقد أن …" with no one believing is the article\'s aside: the acts inside keep their doers', () => {
    const found = events('ويعتقد أن زيارة قسد هي الثانية، عندما التقت قوات سوريا الديمقراطية مع التحالف الدولي.', [SDF, COALITION]);
    expect(found.map((e) => [e.type, e.actor])).toEqual([['CONSULT', ['org:sdf']]]);
  });
});

describe('the participles of a main clause whose subject names no one (issue 12)', () => {
  const US: Actor = { id: 'loc:us', type: 'LOC', subtype: 'country', forms: ['الولايات المتحدة'] };
  const FRONT: Actor = { id: 'org:popular-front', forms: ['الجبهة الشعبية'] };
  it('"وعبرت هذه الأحزاب عن دعمها …، داعية الدولة …": not the last speaker\'s demand', () => {
    const text = 'وأعلنت الولايات المتحدة أنها شنت الضربة. وعبرت هذه الأحزاب عن دعمها للشعب السوري، داعية الدولة التونسية إلى إصدار موقف رسمي.';
    expect(events(text, [US]).filter((e) => e.type === 'REQUEST')).toEqual([]);
  });
  it('a named subject still lends its participles its name', () => {
    expect(events('وعبرت الجبهة الشعبية عن إدانتها للعدوان، داعية التونسيين إلى التظاهر.', [FRONT]).filter((e) => e.type === 'REQUEST').map((e) => e.actor)).toEqual([['org:popular-front']]);
  });
});

describe('a group saying the doer is its own claims the act (issue 12)', () => {
  it('"أصدر داعش بيانا قال فيه إن منفذ العملية ينتمي إليه" is no statement', () => {
    const ISIS_REB: Actor = { ...ISIS, subtype: 'REB' };
    expect(events('وأصدر داعش بيانا قال فيه إن منفذ العملية ينتمي لداعش.', [ISIS_REB]).filter((e) => e.type === 'STATEMENT')).toEqual([]);
  });
  it('another body saying so accuses', () => {
    const ISIS_REB: Actor = { ...ISIS, subtype: 'REB' };
    const SPOKESMAN: Actor = { id: 'per:spokesman', type: 'PER', forms: ['أحمد بن سالم'] };
    expect(events('وقال أحمد بن سالم إن منفذ العملية ينتمي لداعش.', [SPOKESMAN, ISIS_REB]).map((e) => e.type)).toEqual(['ACCUSE']);
  });
});

describe('an office names the person the article names with it (issue 12)', () => {
  const ASSAD: Actor = { id: 'per:assad', type: 'PER', forms: ['الرئيس السوري بشار الأسد'] };
  const SY: Actor = { id: 'loc:sy', type: 'LOC', subtype: 'country', country: 'SY', forms: ['سوريا'] };
  const AMNESTY: Actor = { id: 'org:amnesty', forms: ['منظمة العفو الدولية'] };
  it('"وشدد الرئيس السوري على …" after "الرئيس السوري بشار الأسد" (the title inside the name) is Assad, not Syria', () => {
    const text = 'قال الرئيس السوري بشار الأسد إن سوريا ترفض الاتهامات. وانتقد الرئيس السوري منظمة العفو الدولية.';
    expect(events(text, [ASSAD, SY, AMNESTY]).filter((e) => e.type === 'ACCUSE').map((e) => e.actor)).toEqual([['per:assad']]);
  });
});

describe('units of a body carry its acts (issue 12)', () => {
  it('"تمكنت وحدات من قسد من إلقاء القبض على …": the SDF arrest', () => {
    expect(events('تمكنت وحدات من قوات سوريا الديمقراطية من إلقاء القبض على تونسي.', [SDF]).map((e) => [e.type, e.actor])).toEqual([['COERCE', ['org:sdf']]]);
  });
  it('a body after من with no unit before it is no subject', () => {
    expect(events('تمكن الهاربون من قوات سوريا الديمقراطية من إلقاء القبض على تونسي.', [SDF]).flatMap((e) => e.actor)).not.toContain('org:sdf');
  });
});

describe('protesters acting are a protest; a crowd is no mobilisation (issue 12)', () => {
  it('"قطع المتظاهرون الطرق", "أحرق محتجون مقر الحزب": a protest with no named doer', () => {
    expect(events('قطع المتظاهرون الطرق الرئيسية في مدينة البصرة.', []).map((e) => [e.type, e.actor])).toEqual([['PROTEST', []]]);
    expect(events('أحرق محتجون مقر الحزب الحاكم في مدينة الناصرية.', []).map((e) => e.type)).toEqual(['PROTEST']);
  });
  it('"وسط حشد من الزوار" is a crowd; "حشدت تركيا قواتها" mobilises', () => {
    const TR: Actor = { id: 'loc:tr', type: 'LOC', subtype: 'country', forms: ['تركيا'] };
    expect(events('فجر انتحاري نفسه وسط حشد من الزوار في كربلاء.', []).map((e) => e.type)).toEqual(['ASSAULT']);
    expect(events('وحشدت تركيا قواتها على الحدود.', [TR]).map((e) => [e.type, e.actor])).toEqual([['MOBILIZE', ['loc:tr']]]);
  });
});

describe('conjuncts of a subject before its verb (issue 12)', () => {
  it('"أن طائرات التحالف الدولي والطائرات السورية والروسية تستهدف …": the coalition strikes', () => {
    expect(events('يشار إلى أن طائرات التحالف الدولي والطائرات السورية والروسية تستهدف مواقع التنظيم.', [COALITION]).map((e) => [e.type, e.actor])).toEqual([['ASSAULT', ['org:coalition']]]);
  });
  it('other words between an actor and a verb still part them', () => {
    expect(events('وكانت طائرات التحالف الدولي قد غادرت المنطقة عندما بدأت الاشتباكات تستهدف المدنيين.', [COALITION]).filter((e) => e.trigger.text === 'تستهدف').flatMap((e) => e.actor)).not.toContain('org:coalition');
  });
});

describe('a claim said (issue 12)', () => {
  it('"وزعم داعش أن …" is said; "يدعى" (is called) is no claim', () => {
    expect(events('وزعم داعش أن المدينة آمنة تماما.', [ISIS]).map((e) => [e.type, e.actor])).toEqual([['STATEMENT', ['org:isis']]]);
    expect(events('وأوقفت قسد رجلا يدعى أحمد في الحسكة.', [SDF]).filter((e) => e.type === 'STATEMENT')).toEqual([]);
  });
});

describe('the terrorists a state force acts on are the armed group the article names (issue 12)', () => {
  const POLICE: Actor = { id: 'org:sa-security', subtype: 'MIL', forms: ['قوات الأمن السعودية'] };
  const ISIS_REB: Actor = { ...ISIS, subtype: 'REB' };
  it('"حاصرت قوات الأمن عدداً من الإرهابيين" in an article that names ISIS alone', () => {
    const text = 'وتبنى داعش هجوما على مسجد. وحاصرت قوات الأمن السعودية عددا من الإرهابيين في الحي.';
    expect(events(text, [POLICE, ISIS_REB]).filter((e) => e.type === 'COERCE').map((e) => [e.actor, e.recipient])).toEqual([[['org:sa-security'], ['org:isis']]]);
  });
  it('not with two armed groups named, nor where no terrorists are named', () => {
    const HTS: Actor = { id: 'org:hts', subtype: 'REB', forms: ['هيئة تحرير الشام'] };
    const two = 'وهاجم داعش وهيئة تحرير الشام القرية. وحاصرت قوات الأمن السعودية عددا من الإرهابيين في الحي.';
    expect(events(two, [POLICE, ISIS_REB, HTS]).filter((e) => e.type === 'COERCE').map((e) => e.recipient)).toEqual([[]]);
    const none = 'وتبنى داعش هجوما على مسجد. وحاصرت قوات الأمن السعودية المنزل في الحي.';
    expect(events(none, [POLICE, ISIS_REB]).filter((e) => e.type === 'COERCE').map((e) => e.recipient)).toEqual([[]]);
  });
});

describe('a condemned act referred back to in quotes and in several words (issue 12)', () => {
  const US: Actor = { id: 'loc:us', type: 'LOC', subtype: 'country', forms: ['الولايات المتحدة'] };
  const PARTY: Actor = { id: 'org:party', forms: ['الحزب الاشتراكي'] };
  it('"أدان الحزب هذه "العملية العدوانية"": an accusation of the one who committed the aggression told before', () => {
    const text = 'وشنت الولايات المتحدة عدوانا على سوريا. وأدان الحزب الاشتراكي هذه "العملية العدوانية".';
    expect(events(text, [US, PARTY]).filter((e) => e.type === 'ACCUSE').map((e) => e.recipient)).toEqual([['loc:us']]);
  });
  it('with no such act told before, no one is accused', () => {
    expect(events('وأدان الحزب الاشتراكي هذه "العملية العدوانية".', [US, PARTY]).filter((e) => e.type === 'ACCUSE').map((e) => e.recipient)).toEqual([[]]);
  });
});

describe('one who praised speaks on (issue 12)', () => {
  const MASUM: Actor = { id: 'per:masum', type: 'PER', forms: ['فؤاد معصوم'] };
  const JHINAOUI: Actor = { id: 'per:jhinaoui', type: 'PER', forms: ['خميس الجهيناوي'] };
  it('"أعلن الجهيناوي …. وأشاد فؤاد معصوم بـ…. وأكد أن …": the last to praise says it', () => {
    const text = 'وأعلن خميس الجهيناوي أن الزيارة مهمة. وأشاد فؤاد معصوم بنجاح التجربة الديمقراطية. وأكد أن العلاقات متينة.';
    expect(events(text, [MASUM, JHINAOUI]).filter((e) => e.trigger.text === 'وأكد').map((e) => e.actor)).toEqual([['per:masum']]);
  });
});

describe('an act said not to happen (issue 12)', () => {
  const GOV: Actor = { id: 'org:sy-government', forms: ['الحكومة السورية'] };
  it('"أي عمل عسكري دون موافقة الحكومة السورية غير شرعي": no agreement', () => {
    expect(events('وأكد الأسد أن أي عمل عسكري في سوريا دون موافقة الحكومة السورية غير شرعي.', [GOV]).filter((e) => e.type === 'AGREE')).toEqual([]);
  });
  it('the same noun told as done is an agreement', () => {
    expect(events('وأعلنت الحكومة السورية موافقتها على الهدنة.', [GOV]).map((e) => e.type)).toContain('AGREE');
  });
});
