// Who did what to whom: an article's events beside its text, and on an entity's page what it did and
// what was done to it, in time order. Everything is built from text nodes.

import { api, el, formatDate, route } from "./dom.js";

export const EVENT_TYPES = {
  AGREE: "اتفاق أو تعهد", CONSULT: "لقاء أو تشاور", SUPPORT: "تأييد", CONCEDE: "تنازل", COOPERATE: "تعاون",
  AID: "مساعدة", RETREAT: "انسحاب أو إفراج", INVESTIGATE: "تحقيق", DEMAND: "مطالبة", DISAPPROVE: "انتقاد",
  REJECT: "رفض", THREATEN: "تهديد", PROTEST: "احتجاج", CRIME: "جريمة", SANCTION: "عقوبات", MOBILIZE: "حشد",
  COERCE: "قمع أو اعتقال", ASSAULT: "اعتداء أو هجوم",
};
export const MODES = { occurred: "وقع", planned: "مُزمَع", threatened: "تهديد به", denied: "منفي", hypothetical: "افتراضي" };
const EVENT_PAGE = 100;

function kind(type, mode) {
  return el("span", { class: `event-type event-${type}`, title: type },
    EVENT_TYPES[type] || type, mode && mode !== "occurred" ? el("small", { class: "event-mode" }, ` (${MODES[mode] || mode})`) : null);
}

function party(name, id) {
  if (!name) return el("span", { class: "muted" }, "—");
  return id === null || id === undefined ? el("span", { class: "party" }, name) : el("a", { class: "party", href: route("entity", id) }, name);
}

/** The article's events, from its Document: type, trigger, actor → target, place and date. */
export function articleEvents(doc, links) {
  if (!doc.events || !doc.events.length) return null;
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const who = (id, text) => (id ? party(entities.get(id)?.name || text, links[id]) : party(text, null));
  return el("section", { class: "side-group events" }, el("h3", {}, "من فعل ماذا بمن"),
    el("ol", { class: "plain event-list" }, doc.events.map((v) => el("li", { class: "event", "data-event": v.id, "data-type": v.type },
      kind(v.type, v.mode), " ", el("q", { class: "trigger" }, v.trigger.text), el("br"),
      who(v.actor, v.actor_text), " ← ", who(v.target, v.target_text),
      v.place && entities.get(v.place) ? el("span", { class: "muted" }, " · في ", entities.get(v.place).name) : null,
      v.date_words ? el("span", { class: "muted event-date" }, " · ", el("bdi", {}, v.date_words)) : null))));
}

function eventItem(hit, role) {
  const other = role === "actor" ? party(hit.target.name, hit.target.id) : party(hit.actor.name, hit.actor.id);
  return el("li", { class: "event", "data-type": hit.type },
    el("div", {}, kind(hit.type, hit.mode), " ", el("q", { class: "trigger" }, hit.trigger),
      role === "actor" ? [" ← ", other] : [" من ", other],
      hit.place.name ? el("span", { class: "muted" }, " · في ", party(hit.place.name, hit.place.id)) : null),
    el("p", { class: "event-context" }, hit.context),
    el("div", { class: "muted" }, el("a", { href: route("doc", hit.document.id) }, hit.document.title || hit.document.id)));
}

function byDay(hits, role) {
  const days = new Map();
  for (const hit of hits) {
    const day = hit.date || "";
    if (!days.has(day)) days.set(day, []);
    days.get(day).push(hit);
  }
  return [...days].map(([day, items]) => el("section", { class: "day" },
    el("h4", { class: "day-title" }, day ? el("bdi", {}, formatDate(day)) : "دون تاريخ"),
    el("ol", { class: "plain event-list" }, items.map((h) => eventItem(h, role)))));
}

/** An entity's events on a timeline, oldest first: what it did, and what was done to it. */
export async function entityEvents(id) {
  try {
    const [did, done] = await Promise.all([
      api("/events", { actor: String(id), order: "oldest", limit: EVENT_PAGE }),
      api("/events", { target: String(id), order: "oldest", limit: EVENT_PAGE }),
    ]);
    if (!did.total && !done.total) return null;
    return el("section", { class: "entity-events" }, el("h2", {}, "من فعل ماذا بمن"),
      did.total ? el("section", { class: "did" }, el("h3", {}, `ما فعله (${did.total})`), ...byDay(did.events, "actor")) : null,
      done.total ? el("section", { class: "done-to" }, el("h3", {}, `ما فُعل به (${done.total})`), ...byDay(done.events, "target")) : null);
  } catch {
    return null; // an archive from before the events table: the section is left out
  }
}
