// A page per entity (a person's quotes over time), a page per place, the entity list and the map.

import {
  LABELS_PLURAL, api, badge, docLine, el, errorBox, formatDate, formatMonth, number, route, svg,
} from "./dom.js";
import { entityEvents } from "./events.js";
import { worldMap } from "./map.js";
import { quoteItem } from "./views.js";

const CHART = { width: 720, height: 210, top: 14, bottom: 46, right: 44, left: 34 };
const LABEL_PX = 64; // room a month label needs, in the chart's units

/** Every month from the first to the last (a month with nothing still takes its place on the axis). */
function allMonths(months) {
  const counts = new Map(months.map((m) => [m.month, m]));
  const [first, last] = [months[0].month, months[months.length - 1].month];
  const out = [];
  let [year, month] = first.split("-").map(Number);
  for (let guard = 0; guard < 1200; guard += 1) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    out.push(counts.get(key) || { month: key, documents: 0, quotes: 0 });
    if (key >= last) break;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
  return out;
}

/** Round numbers for the count axis: 0, then steps of 1, 2 or 5 times a power of ten. */
function ticks(most) {
  const raw = most / 4;
  const power = 10 ** Math.floor(Math.log10(Math.max(raw, 1)));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) || power;
  const out = [];
  for (let value = 0; value <= most + step / 2; value += step) out.push(value);
  return out;
}

/** Articles and quotes per month as bars on two axes: months (oldest on the right, as the page reads)
 * labelled no closer than a label's width, counts with round ticks and grid lines. */
function timeline(months) {
  if (!months.length) return null;
  const series = allMonths(months);
  const steps = ticks(Math.max(1, ...series.map((m) => Math.max(m.documents, m.quotes))));
  const top = steps[steps.length - 1];
  const { width, height } = CHART;
  const plotW = width - CHART.left - CHART.right;
  const plotH = height - CHART.top - CHART.bottom;
  const band = plotW / series.length;
  const every = Math.max(1, Math.ceil(LABEL_PX / band));
  const y = (value) => CHART.top + plotH - (value / top) * plotH;
  const chart = svg("svg", { class: "timeline", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": "عبر الزمن" });
  for (const value of steps) {
    chart.append(svg("line", { class: "grid", x1: CHART.left, x2: CHART.left + plotW, y1: y(value), y2: y(value) }),
      svg("text", { class: "axis-label y-label", x: CHART.left + plotW + 6, y: y(value) + 4 }, number(value)));
  }
  series.forEach((m, i) => {
    const x = CHART.left + plotW - (i + 1) * band; // oldest at the right
    const barW = Math.max(1, Math.min(14, band * 0.38));
    const bar = (value, dx, kind) => svg("rect", {
      class: `bar bar-${kind}`, x: x + band / 2 + dx, width: barW, y: y(value), height: CHART.top + plotH - y(value),
    }, svg("title", {}, `${formatMonth(m.month)}: ${number(value)} ${kind === "docs" ? "مقال" : "اقتباس"}`));
    chart.append(bar(m.documents, -barW - 0.5, "docs"), bar(m.quotes, 0.5, "quotes"));
    if (i % every === 0) {
      chart.append(svg("line", { class: "tick", x1: x + band / 2, x2: x + band / 2, y1: CHART.top + plotH, y2: CHART.top + plotH + 5 }),
        svg("text", { class: "axis-label x-label", x: x + band / 2, y: CHART.top + plotH + 20 }, formatMonth(m.month)));
    }
  });
  chart.append(svg("line", { class: "axis", x1: CHART.left, x2: CHART.left + plotW, y1: CHART.top + plotH, y2: CHART.top + plotH }));
  return el("figure", { class: "timeline-frame" }, chart,
    el("figcaption", { class: "muted" }, el("span", { class: "key key-docs" }), " مقالات في الشهر ",
      el("span", { class: "key key-quotes" }), " اقتباسات في الشهر"));
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


