// A page per entity (a person's quotes over time), a page per place, the entity list and the map.

import {
  LABELS_PLURAL, api, badge, docLine, el, errorBox, formatDate, formatMonth, number, route, svg,
} from "./dom.js";
import { entityEvents } from "./events.js";
import { worldMap } from "./map.js";
import { quoteItem } from "./views.js";

/** Bars per month, oldest on the right (the page reads right to left): articles and quotes. */
function timeline(months) {
  if (!months.length) return null;
  const most = Math.max(1, ...months.map((m) => Math.max(m.documents, m.quotes)));
  const [step, height] = [34, 70];
  const chart = svg("svg", {
    class: "timeline", viewBox: `0 0 ${months.length * step} ${height + 22}`, role: "img", "aria-label": "عبر الزمن",
  });
  months.forEach((m, i) => {
    const x = (months.length - 1 - i) * step;
    const bar = (value, dx, kind) => svg("rect", {
      class: `bar bar-${kind}`, x: x + dx, width: 11, y: height - (value / most) * height, height: (value / most) * height,
    }, svg("title", {}, `${formatMonth(m.month)}: ${number(value)} ${kind === "docs" ? "مقال" : "اقتباس"}`));
    chart.append(bar(m.documents, 5, "docs"), bar(m.quotes, 17, "quotes"));
    chart.append(svg("text", { x: x + step / 2, y: height + 15, class: "bar-label" }, formatMonth(m.month)));
  });
  return el("figure", { class: "timeline-frame" }, chart,
    el("figcaption", { class: "muted" }, el("span", { class: "key key-docs" }), " مقالات ", el("span", { class: "key key-quotes" }), " اقتباسات"));
}

function byDate(quotes) {
  const days = new Map();
  for (const quote of quotes) {
    const day = quote.document.published ? quote.document.published.slice(0, 10) : "";
    if (!days.has(day)) days.set(day, []);
    days.get(day).push(quote);
  }
  return [...days].map(([day, items]) => el("section", { class: "day" },
    el("h3", { class: "day-title" }, day ? formatDate(day) : "دون تاريخ"),
    el("ol", { class: "quotes" }, items.map((q) => quoteItem(q, { withSpeaker: false })))));
}

async function aboutSection(name) {
  try {
    const data = await api("/quotes", { about: `"${name.replaceAll('"', " ")}"`, limit: 10 });
    if (!data.quotes.length) return null;
    return el("section", { class: "about" }, el("h2", {}, `ما قيل عن ${name}`),
      el("ol", { class: "quotes" }, data.quotes.map((q) => quoteItem(q))));
  } catch {
    return null; // a name the query language cannot take: the section is simply left out
  }
}

async function entityData(id, show) {
  try {
    return await api(`/entities/${encodeURIComponent(id)}`);
  } catch (error) {
    show(errorBox(error));
    return null;
  }
}

function heading(data) {
  const e = data.entity;
  return el("header", { class: "entity-head" },
    el("h1", {}, e.name, " ", badge(e.label)),
    data.aliases.length > 1 ? el("p", { class: "muted" }, "يُكتب أيضاً: ", data.aliases.filter((a) => a !== e.name).join("، ")) : null,
    el("p", { class: "stats" }, `${number(e.documents)} مقال · ${number(e.mentions)} ذكر · ${number(e.quotes)} اقتباس`));
}

export async function entityView(id, params, show) {
  const data = await entityData(id, show);
  if (!data) return;
  const e = data.entity;
  const page = el("div", { class: "page entity-page", "data-entity": e.id }, heading(data), timeline(data.timeline));
  if (data.place) page.append(el("p", {}, el("a", { href: route("place", e.id) }, "صفحة المكان والخريطة ←")));
  if (data.quotes.length) page.append(el("h2", {}, e.label === "PER" ? "أقواله عبر الزمن" : "اقتباسات عبر الزمن"), ...byDate(data.quotes));
  page.append(el("h2", {}, "المقالات"), el("ul", { class: "docs" }, data.documents.map(docLine)));
  const events = await entityEvents(e.id);
  if (events) page.append(events);
  show(page);
  const about = await aboutSection(e.name);
  if (about) page.append(about);
}

export async function placeView(id, params, show) {
  const data = await entityData(id, show);
  if (!data) return;
  const e = data.entity;
  const page = el("div", { class: "page place-page", "data-entity": e.id }, heading(data));
  if (data.place) {
    const p = data.place;
    page.append(await worldMap([p], { focus: p }),
      el("p", { class: "muted", dir: "ltr" }, `${p.gazetteer_name} · ${p.country || ""} · ${p.latitude.toFixed(2)}, ${p.longitude.toFixed(2)} · ${p.feature}`));
  } else {
    page.append(el("p", { class: "muted" }, "لم يُحدَّد موقع هذا المكان على الخريطة بعد."));
  }
  page.append(...[timeline(data.timeline)].filter(Boolean), el("h2", {}, "المقالات"), el("ul", { class: "docs" }, data.documents.map(docLine)));
  show(page);
  const about = await aboutSection(e.name);
  if (about) page.append(about);
}

export async function entitiesView(params, show) {
  const tabs = el("nav", { class: "tabs" }, [["", "الكل"], ...Object.entries(LABELS_PLURAL)].map(([label, text]) =>
    el("a", { href: route("entities", undefined, { type: label, name: params.name }), class: (params.type || "") === label ? "active" : null }, text)));
  const name = el("input", { name: "name", type: "search", value: params.name || "", placeholder: "جزء من الاسم", "aria-label": "الاسم" });
  const form = el("form", { class: "search" }, el("div", { class: "search-row" }, name, el("button", { type: "submit" }, "ابحث")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    location.hash = route("entities", undefined, { type: params.type, name: name.value });
  });
  const results = el("section", { class: "results" });
  show(el("div", { class: "page" }, el("h1", {}, "الأعلام"), tabs, form, results));
  try {
    const data = await api("/entities", { type: params.type, name: params.name, limit: 100 });
    results.append(el("table", { class: "entities" },
      el("thead", {}, el("tr", {}, ["الاسم", "النوع", "مقالات", "ذكر", "اقتباسات"].map((h) => el("th", {}, h)))),
      el("tbody", {}, data.entities.map((e) => el("tr", {},
        el("td", {}, el("a", { href: route(e.label === "LOC" ? "place" : "entity", e.id) }, e.name)),
        el("td", {}, badge(e.label)), el("td", {}, number(e.documents)), el("td", {}, number(e.mentions)),
        el("td", {}, number(e.quotes)))))));
    if (!data.entities.length) results.append(el("p", { class: "muted" }, "لا أعلام بعد: هل ضمّت السلسلة مرحلة التعرّف على الكيانات؟"));
  } catch (error) {
    results.append(errorBox(error));
  }
}

export async function mapView(params, show) {
  const page = el("div", { class: "page" }, el("h1", {}, "الأماكن على الخريطة"));
  show(page);
  try {
    const data = await api("/places");
    page.append(await worldMap(data.places));
    page.append(el("ul", { class: "chips" }, data.places.map((p) => el("li", { class: "chip ent-LOC" },
      el("a", { href: route("place", p.entity_id) }, p.name), el("small", {}, ` ×${number(p.documents)}`)))));
    if (!data.places.length) page.append(el("p", { class: "muted" }, "لا أماكن محدّدة المواقع بعد."));
  } catch (error) {
    page.append(errorBox(error));
  }
}


