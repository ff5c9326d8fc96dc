/**
 * One event, many mentions: the same event told twice in an article (in the lead and again in
 * the body, or a demand repeated in a letter) becomes one event whose `evidence` lists every
 * sentence that tells it. Events are the same when their type, actors and modality are and their
 * recipients agree (the same, or one telling names none: "طالبت فيها بـ…" after "وجهت رسالة إلى
 * التحالف"); events that happen in the world (attacks, arrests …) must also agree on their date.
 * Each event then gets its id.
 */
import { createHash } from 'node:crypto';
import type { Event, EventType, Span } from '../record.js';
import type { Extraction, Refiner } from '../types.js';
import { mergeSizes } from '../events/size.js';
import { lowerBound } from '../lookup.js';

/** Types told, not done: one actor's statements of one kind to one recipient are one event. */
const SPOKEN: ReadonlySet<EventType> = new Set(['REQUEST', 'STATEMENT', 'ACCUSE', 'REJECT', 'SUPPORT', 'AGREE', 'THREATEN']);

const keyOf = (e: Event) => [e.type, [...e.actor].sort().join('+'), [...e.recipient].sort().join('+'), e.modality].join('|');
const actorKey = (e: Event) => [e.type, [...e.actor].sort().join('+'), e.modality].join('|');

function sameRecipients(a: Event, b: Event): boolean {
  if (a.recipient.length === 0 || b.recipient.length === 0) return true;
  return [...a.recipient].sort().join('+') === [...b.recipient].sort().join('+');
}

const union = <T>(a: readonly T[], b: readonly T[]) => [...new Set([...a, ...b])];

/**
 * Two acts of the world with a named doer are two events when the body tells them in one
 * sentence by two verbs joined by و ("حاصرت القوات الحي، وألقت القبض على …"), or by triggers of two rules
 * ("حاصرت …" then "طوقت …"): the same act told twice is told in the same words, once in the
 * title, or again by a definite noun ("الهجوم"). Spoken acts and acts with no doer merge as before.
 */
function distinctActs(target: Event, e: Event, titleEnd: number): boolean {
  if (SPOKEN.has(e.type) || e.actor.length === 0) return false;
  const told = target.evidence ?? [target.sentence];
  // A second act in the sentence opens its own clause with و or ف ("…، وألقت القبض"); a verb
  // without one describes the act before it ("شن التنظيم هجمات، استهدفت …": one act).
  const joined = /^[وف]/.test(e.trigger.text) && e.trigger.text.length > 3;
  if (joined && told.some((s) => s.start === e.sentence.start) && target.trigger.start !== e.trigger.start) return true;
  // A definite act noun ("وتبنى داعش الهجوم") tells again an act already told.
  const definite = /^(?:[وفبك]?ال|[وف]?لل)/.test(e.trigger.text);
  const inTitle = (s: Span) => s.start < titleEnd;
  // A title restates one act of its body: once its act is told in the body too, another act of
  // another rule there is another act.
  const restated = told.some(inTitle) && told.some((s) => !inTitle(s));
  return target.rule !== e.rule && !definite && (restated || !told.some(inTitle)) && !inTitle(e.sentence);
}

/**
 * Whether a demand that names no one asked may join one that does (or the other way): in the
 * title, or told in the same sentence as one of its body's tellings, or in the next one after a
 * letter or an appeal ("وجهت رسالة إلى التحالف. وطالبت فيها بـ…"). A demand told in a sentence
 * of its own ("مجدداً الدعوة إلى الحكومة …. ودعا الحزب كل الأطراف إلى …", "… طالب المرزوقي من
 * السلطات باستضافة …") is another demand of the same speaker.
 */
function recipientsMayJoin(target: Event, e: Event, sentenceOf: (offset: number) => number, titleEnd: number): boolean {
  if (e.type !== 'REQUEST' || (target.recipient.length === 0) === (e.recipient.length === 0)) return true;
  const told = (target.evidence ?? [target.sentence]).filter((s) => s.start >= titleEnd);
  if (e.sentence.start < titleEnd || told.length === 0) return true;
  const at = sentenceOf(e.sentence.start);
  // "وجهت رسالة إلى التحالف. وطالبت فيها بـ…": what a letter or an appeal asks is told after it.
  const reach = ADDRESSES.has(target.rule) || ADDRESSES.has(e.rule) ? 1 : 0;
  return told.some((s) => Math.abs(sentenceOf(s.start) - at) <= reach);
}

/** Rules of a demand made by a letter or an appeal ("وجه نداء", "في رسالة إلى"): its content may follow in the next sentence. */
const ADDRESSES: ReadonlySet<string> = new Set(['ar/events/request/wajjaha-nidaa', 'ar/events/request/nidaa']);

function sameDate(a: Event, b: Event): boolean {
  return a.date.value === null || b.date.value === null || a.date.value === b.date.value;
}

function mergeInto(target: Event, other: Event): Event {
  const evidence: Span[] = [...(target.evidence ?? [target.sentence])];
  for (const s of other.evidence ?? [other.sentence]) if (!evidence.some((x) => x.start === s.start)) evidence.push(s);
  evidence.sort((a, b) => a.start - b.start);
  return {
    ...target,
    recipient: target.recipient.length ? target.recipient : other.recipient,
    mode: target.mode ?? other.mode,
    contexts: union(target.contexts, other.contexts),
    topics: union(target.topics, other.topics),
    quantities: union(target.quantities, other.quantities).sort((a, b) => a - b),
    place: target.place ?? other.place,
    date: target.date.value !== null ? target.date : other.date,
    content: target.content ?? other.content,
    confidence: Math.max(target.confidence, other.confidence),
    ...(target.size || other.size ? { size: mergeSizes(target.size, other.size) } : {}),
    evidence,
  };
}

/** A stable id: the event's identity and where it is first told. */
function eventId(e: Event): string {
  return 'ev-' + createHash('sha1').update(`${keyOf(e)}|${e.trigger.start}`).digest('hex').slice(0, 12);
}

export const mergeEvents: Refiner = {
  name: 'refine/merge-events',
  refine(input, x: Extraction): Extraction {
    const ordered = [...x.events].sort((a, b) => a.trigger.start - b.trigger.start);
    const sentenceStarts = input.doc.sentences.map((s) => input.doc.tokens.start(s.firstToken));
    const sentenceOf = (offset: number) => lowerBound(sentenceStarts, offset + 1) - 1;
    const merged: Event[] = [];
    // The merged events by actor key (a merge keeps its target's key): each event is compared
    // with those of its key only, in the order merged, not with every event of the article.
    const byKey = new Map<string, number[]>();
    for (const e of ordered) {
      const key = actorKey(e);
      let same = byKey.get(key);
      if (!same) byKey.set(key, (same = []));
      const at =
        same.find(
          (i) => sameRecipients(merged[i]!, e) && (SPOKEN.has(e.type) || sameDate(merged[i]!, e)) && !distinctActs(merged[i]!, e, input.titleEnd)
            && recipientsMayJoin(merged[i]!, e, sentenceOf, input.titleEnd),
        ) ?? -1;
      if (at >= 0) merged[at] = mergeInto(merged[at]!, e);
      else {
        same.push(merged.length);
        merged.push({ ...e, evidence: e.evidence ?? [e.sentence] });
      }
    }
    // An act told once with no doer ("اشتباكات في ريف دير الزور" in the title) and once with one
    // is one act: it joins the only telling of its kind that names a doer and agrees with it, or
    // of several, the only one told before it.
    const folded = new Set<Event>();
    // The tellings with a doer by type and modality (what a fold changes keeps both).
    const withDoer = new Map<string, number[]>();
    merged.forEach((m, i) => {
      if (m.actor.length === 0) return;
      const key = `${m.type}|${m.modality}`;
      const list = withDoer.get(key);
      if (list) list.push(i);
      else withDoer.set(key, [i]);
    });
    for (const e of [...merged]) {
      if (e.actor.length > 0 || SPOKEN.has(e.type)) continue;
      let told = (withDoer.get(`${e.type}|${e.modality}`) ?? []).filter((i) => sameRecipients(merged[i]!, e) && sameDate(merged[i]!, e));
      // Of several, a telling with no doer goes back to the only one told before it ("مسيّرة
      // تركية" in the title, then "قبل أن تستهدف الدراجة"; a later line of background is another act).
      if (told.length > 1) told = told.filter((i) => merged[i]!.trigger.start < e.trigger.start);
      if (told.length === 1) {
        const i = told[0]!;
        merged[i] = mergeInto({ ...merged[i]!, recipient: merged[i]!.recipient.length ? merged[i]!.recipient : e.recipient }, e);
        folded.add(e);
      }
    }
    const events = merged.filter((e) => !folded.has(e));
    return { ...x, events: events.map((e) => ({ ...e, id: eventId(e) })) };
  },
};
