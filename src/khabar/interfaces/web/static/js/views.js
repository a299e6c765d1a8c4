// Search, article and quote pages.

import { articleView } from "./article.js";
import {
  KINDS, LABELS_PLURAL, api, el, errorBox, formatDate, number, route, snippet,
} from "./dom.js";
import { articleEvents } from "./events.js";
import { worldMap } from "./map.js";

const FILTERS = [
  ["entity", "اسم علم", "text"],
  ["speaker", "المتحدث", "text"],
  ["place", "المكان", "text"],
  ["outlet", "المصدر", "text"],
  ["from", "من تاريخ", "date"],
  ["to", "إلى تاريخ", "date"],
];
const PAGE = 20;

function go(kind, params) {
  location.hash = route(kind, undefined, params);
}

function pager(kind, params, total) {
  const offset = Number(params.offset || 0);
  const links = [];
  if (offset > 0) links.push(el("a", { href: route(kind, undefined, { ...params, offset: Math.max(0, offset - PAGE) }) }, "→ السابق"));
  if (offset + PAGE < total) links.push(el("a", { href: route(kind, undefined, { ...params, offset: offset + PAGE }) }, "التالي ←"));
  return links.length ? el("nav", { class: "pager" }, links) : null;
}

function searchForm(params) {
  const query = el("input", {
    id: "q", type: "search", name: "q", value: params.q || "", autocomplete: "off",
    placeholder: "ابحث: الموصل، «وزير الدفاع»، موص*، الموصل OR الرقة، ‎-داعش", "aria-label": "كلمات البحث",
  });
  const fields = FILTERS.map(([name, label, type]) =>
    el("label", {}, el("span", {}, label), el("input", { name, type, value: params[name] || "" })));
  const open = FILTERS.some(([name]) => params[name]);
  const form = el("form", { class: "search", role: "search" },
    el("div", { class: "search-row" }, query, el("button", { type: "submit" }, "ابحث")),
    el("details", { class: "filters", open }, el("summary", {}, "تصفية النتائج"), el("div", { class: "filter-grid" }, fields)));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    go("search", Object.fromEntries(new FormData(form)));
  });
  return form;
}

function hitItem(hit, query) {
  return el("li", { class: "hit" },
    el("a", { class: "hit-title", href: route("doc", hit.id, { q: query }) }, hit.title || hit.id),
    el("div", { class: "muted" }, [hit.outlet, formatDate(hit.published)].filter(Boolean).join(" · ")),
    snippet(hit.snippet));
}

export async function searchView(params, show) {
  const results = el("section", { class: "results", "aria-label": "النتائج" });
  show(el("div", { class: "page" }, searchForm(params), results));
  const filters = Object.fromEntries(FILTERS.map(([name]) => [name, params[name]]));
  try {
    const data = await api("/search", { q: params.q, ...filters, offset: params.offset, limit: PAGE });
    const heading = params.q || FILTERS.some(([name]) => params[name])
      ? `${number(data.total)} نتيجة`
      : `أحدث المقالات (${number(data.total)} في الأرشيف)`;
    results.append(el("h2", { class: "count" }, heading));
    if (!data.hits.length) results.append(el("p", { class: "muted" }, "لا نتائج. جرّب كلمة أخرى أو أزل بعض المرشحات."));
    results.append(el("ol", { class: "hits" }, data.hits.map((hit) => hitItem(hit, params.q))));
    const pages = pager("search", params, data.total);
    if (pages) results.append(pages);
  } catch (error) {
    results.append(errorBox(error));
  }
}

function grouped(entities, links) {
  const groups = {};
  for (const entity of entities) (groups[entity.label] ||= []).push(entity);
  return Object.entries(groups).map(([label, members]) => el("section", { class: "side-group" },
    el("h3", {}, LABELS_PLURAL[label] || label),
    el("ul", { class: "chips" }, members.sort((a, b) => b.mentions.length - a.mentions.length).map((e) => {
      const id = links[e.id];
      const name = id === undefined ? e.name : el("a", { href: route(e.label === "LOC" ? "place" : "entity", id) }, e.name);
      return el("li", { class: `chip ent-${e.label}` }, name, el("small", {}, ` ×${number(e.mentions.length)}`));
    }))));
}

async function docPlaces(data, links) {
  const names = new Map(data.entities.map((e) => [e.id, e.name]));
  const places = data.places.filter((p) => links[p.entity] !== undefined).map((p) => ({
    entity_id: links[p.entity], name: names.get(p.entity) || p.name, gazetteer_name: p.name,
    latitude: p.latitude, longitude: p.longitude, feature: p.feature, documents: 1,
  }));
  return places.length ? el("section", { class: "side-group" }, el("h3", {}, "على الخريطة"), await worldMap(places)) : null;
}

export async function docView(id, params, show) {
  let data;
  try {
    data = await api(`/documents/${encodeURIComponent(id)}`);
  } catch (error) {
    show(errorBox(error));
    return;
  }
  const links = data.archive.entities;
  const side = el("aside", { class: "doc-side" }, grouped(data.entities, links), articleEvents(data, links));
  const article = articleView(data, { links, title: data.archive.title });
  show(el("div", { class: "page doc-page" }, article, side));
  const map = await docPlaces(data, links);
  if (map) side.append(map);
  if (data.times.length) {
    side.append(el("section", { class: "side-group times" }, el("h3", {}, "التواريخ"),
      el("ul", { class: "plain" }, data.times.map((t) => el("li", { class: t.resolved ? "resolved" : "unresolved" },
        el("span", { class: "time-text" }, t.text), " — ", el("span", { class: "time-value" }, t.words))))));
  }
}

export function quoteItem(quote, { withSpeaker = true } = {}) {
  const speaker = quote.speaker.id !== null
    ? el("a", { href: route("entity", quote.speaker.id) }, quote.speaker.name)
    : quote.speaker.name || "غير منسوب";
  return el("li", { class: "quote-item" },
    withSpeaker ? el("div", { class: "quote-speaker" }, speaker, quote.cue ? el("span", { class: "muted" }, ` (${quote.cue})`) : null) : null,
    el("blockquote", { class: `quote-${quote.kind}`, title: KINDS[quote.kind] || quote.kind }, snippet(quote.content, "quote-text")),
    el("div", { class: "muted" }, el("a", { href: route("doc", quote.document.id) }, quote.document.title || quote.document.id),
      " · ", formatDate(quote.document.published)));
}

export async function quotesView(params, show) {
  const about = el("input", { name: "about", type: "search", value: params.about || "", placeholder: "عن ماذا؟ مثلاً: الرقة", "aria-label": "موضوع الاقتباس" });
  const speaker = el("input", { name: "speaker", type: "search", value: params.speaker || "", placeholder: "من قال؟ مثلاً: هولاند", "aria-label": "المتحدث" });
  const form = el("form", { class: "search", role: "search" },
    el("div", { class: "search-row" }, speaker, about, el("button", { type: "submit" }, "ابحث")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    go("quotes", Object.fromEntries(new FormData(form)));
  });
  const results = el("section", { class: "results" });
  show(el("div", { class: "page" }, el("h1", {}, "من قال ماذا؟"), form, results));
  try {
    const data = await api("/quotes", { about: params.about, speaker: params.speaker, offset: params.offset, limit: PAGE });
    results.append(el("h2", { class: "count" }, `${number(data.total)} اقتباس`));
    results.append(el("ol", { class: "quotes" }, data.quotes.map((q) => quoteItem(q))));
    const pages = pager("quotes", params, data.total);
    if (pages) results.append(pages);
  } catch (error) {
    results.append(errorBox(error));
  }
}
