// The article with its layers drawn in the text, displaCy-style: entities marked by type, dates
// marked, quotes boxed with their speaker and the reporting cue underlined. Offsets index the raw
// text; everything is built from text nodes. The web page's article page draws it (views.js), and so
// does the offline page of ``khabar render`` (standalone.js, inlined with this file by interfaces/render.py).
//
// Arabic letters join within a word, and a word cut by an element boundary or glued to a label no
// longer reads as Arabic. So a highlight always covers whole words (a clitic such as the ل of «لفرنسا»
// is inside it, not cut off), and every label (an entity's type, a quote's speaker) is drawn outside the
// text: the type by CSS generated content after the word (data-label), the speaker with user-select: none.
// Copying the article gives its text as written, with no label in it.

import { LABELS, el, formatDate, route } from "./dom.js";

// A letter or a combining mark (harakat, shadda): what a word is made of.
const WORD_CHAR = /[\p{L}\p{M}\u0640\u200c\u200d]/u;

/** The span grown to the whole words it touches: [start, end) never cuts a word. */
export function widen(span, text) {
  let { start, end } = span;
  while (start > 0 && WORD_CHAR.test(text[start - 1]) && WORD_CHAR.test(text[start])) start -= 1;
  while (end < text.length && WORD_CHAR.test(text[end]) && WORD_CHAR.test(text[end - 1])) end += 1;
  return { ...span, start, end };
}

/** Keep non-overlapping spans, earlier and then longer first. */
function layer(spans) {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  let end = 0;
  for (const span of sorted) {
    if (span.start >= end && span.end > span.start) {
      kept.push(span);
      end = span.end;
    }
  }
  return kept;
}

/** The span of a sorted, non-overlapping layer that covers position ``at`` (advancing a cursor). */
function cover(spans, cursor, at) {
  while (cursor.i < spans.length && spans[cursor.i].end <= at) cursor.i += 1;
  const span = spans[cursor.i];
  return span && span.start <= at ? span : null;
}

function speakerOf(quote, entities, links) {
  if (quote.speaker) {
    const entity = entities.get(quote.speaker);
    const id = links[quote.speaker];
    return { name: entity ? entity.name : quote.speaker_text, href: id === undefined ? null : route("entity", id) };
  }
  return { name: quote.speaker_text || "غير منسوب", href: null };
}

function quoteBox(quote, entities, links) {
  const who = speakerOf(quote, entities, links);
  const name = who.href ? el("a", { href: who.href }, who.name) : who.name;
  // The speaker is a label, not the article's text: it cannot be selected or copied (CSS user-select).
  return el("span", { class: `quote quote-${quote.kind}`, "data-quote": quote.id },
    el("span", { class: "speaker", title: "المتحدث", "aria-label": `المتحدث: ${who.name}` }, name));
}

function entityMark(mark, links) {
  const id = mark.entity ? links[mark.entity.id] : undefined; // dates have no entity page
  const type = LABELS[mark.label] || mark.label;
  const attrs = {
    class: `ent ent-${mark.label}`, title: `${type}: ${mark.name}`, "data-label": mark.label, "data-type": type,
  };
  return id === undefined ? el("mark", attrs) : el("a", { ...attrs, href: route("entity", id) });
}

/** The article's text as a DOM tree with entities, dates and quotes marked; a date's tooltip says its value
 * in the words the API gives (``words``, from the times stage's describe_time). */
export function renderArticle(doc, links) {
  const text = doc.text;
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const whole = (span) => widen(span, text);
  const mentions = doc.entities.flatMap((e) =>
    e.mentions.map((m) => whole({ start: m.start, end: m.end, label: e.label, name: e.name, entity: e })));
  const times = doc.times.map((t) => whole({ start: t.start, end: t.end, label: "TIME", name: t.words, entity: null }));
  const marks = layer([...mentions, ...times]);
  const quotes = layer(doc.quotes.map((q) => whole({ start: q.start, end: q.end, quote: q })));
  const cues = layer(doc.quotes.filter((q) => q.cue).map((q) => whole({ start: q.cue.start, end: q.cue.end })));

  const cuts = new Set([0, text.length]);
  for (const span of [...marks, ...quotes, ...cues]) cuts.add(span.start).add(span.end);
  const points = [...cuts].sort((a, b) => a - b);

  const root = el("div", { class: "article-text", dir: "rtl" });
  const cursors = { mark: { i: 0 }, quote: { i: 0 }, cue: { i: 0 } };
  let quoteSpan = null, quoteEl = null, markSpan = null, markEl = null;
  const closeMark = () => {
    markEl = null;
    markSpan = null;
  };
  for (let k = 0; k + 1 < points.length; k += 1) {
    const [start, end] = [points[k], points[k + 1]];
    const quote = cover(quotes, cursors.quote, start);
    const mark = cover(marks, cursors.mark, start);
    const cue = cover(cues, cursors.cue, start);
    if (quote !== quoteSpan) {
      closeMark();
      quoteSpan = quote;
      quoteEl = quote ? quoteBox(quote.quote, entities, links) : null;
      if (quoteEl) root.append(quoteEl);
    }
    if (mark !== markSpan) {
      closeMark();
      markSpan = mark;
      markEl = mark ? entityMark(mark, links) : null;
      if (markEl) (quoteEl || root).append(markEl);
    }
    const piece = text.slice(start, end);
    (markEl || quoteEl || root).append(cue ? el("span", { class: "cue", title: "فعل القول" }, piece) : piece);
  }
  closeMark();
  return root;
}

export function legend(doc) {
  const present = new Set([...doc.entities.map((e) => e.label), ...(doc.times.length ? ["TIME"] : [])]);
  const items = ["PER", "ORG", "LOC", "MISC", "TIME"].filter((l) => present.has(l))
    .map((l) => el("span", { class: `ent ent-${l} legend-item` }, LABELS[l]));
  if (doc.quotes.length) items.push(el("span", { class: "quote legend-item" }, "اقتباس"));
  return el("div", { class: "legend" }, items.length ? items : el("span", { class: "muted" }, "لا توجد طبقات بعد."));
}

function safeUrl(url) {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/** The article block of a page: its title, outlet, date and source link, the legend and the marked text.
 * ``links`` maps the Document's entity ids to archive ids (none offline); ``title`` overrides its own. */
export function articleView(doc, { links = {}, title = null } = {}) {
  const url = safeUrl(doc.meta.url);
  const outlet = doc.meta.outlet || doc.byline?.outlet?.text;
  const published = doc.meta.published ? formatDate(doc.meta.published) : "تاريخ النشر غير معروف";
  return el("article", { class: "doc", "data-doc": doc.id },
    el("h1", {}, title || doc.meta.title || doc.id),
    el("p", { class: "muted doc-meta" }, [outlet, published].filter(Boolean).join(" · "),
      url ? [" · ", el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "المصدر")] : null),
    legend(doc),
    renderArticle(doc, links));
}
