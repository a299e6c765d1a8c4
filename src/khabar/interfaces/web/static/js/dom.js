// Small DOM helpers. Text always goes in as text nodes, never parsed as HTML: an article's "<script>" shows as text.

const SVG_NS = "http://www.w3.org/2000/svg";

export const LABELS = { PER: "شخص", ORG: "منظمة", LOC: "مكان", MISC: "أخرى", TIME: "زمن" };
export const LABELS_PLURAL = { PER: "الأشخاص", ORG: "المنظمات", LOC: "الأماكن", MISC: "أخرى" };
export const KINDS = { direct: "مباشر", indirect: "غير مباشر", mixed: "مختلط" };

function fill(node, attrs, children) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith("on") && typeof value === "function") node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/** el("a", {href: "#/"}, "text", otherNode): an element whose string children become text nodes. */
export function el(tag, attrs, ...children) {
  return fill(document.createElement(tag), attrs, children);
}

export function svg(tag, attrs, ...children) {
  return fill(document.createElementNS(SVG_NS, tag), attrs, children);
}

/** A link to a page of this app; ids are URL-encoded so no id can break out of the hash. */
export function route(kind, id, params) {
  const query = params ? "?" + new URLSearchParams(clean(params)).toString() : "";
  return `#/${kind}${id === undefined ? "" : "/" + encodeURIComponent(id)}${query === "?" ? "" : query}`;
}

export function clean(params) {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ""));
}

export class ApiError extends Error {
  constructor(code, detail) {
    super(detail);
    this.code = code;
  }
}

/** GET (or POST) a JSON endpoint of this server; a 4xx/5xx answer raises ApiError with its reason. */
export async function api(path, params) {
  const url = new URL(path, location.origin);
  for (const [name, value] of Object.entries(clean(params || {}))) url.searchParams.set(name, value);
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(body?.error || response.status, body?.detail || response.statusText);
  return body;
}

const DATE_FORMAT = new Intl.DateTimeFormat("ar", { year: "numeric", month: "long", day: "numeric" });
const MONTH_FORMAT = new Intl.DateTimeFormat("ar", { year: "numeric", month: "short" });

export function formatDate(iso) {
  if (!iso) return "";
  const day = /^\d{4}-\d{2}-\d{2}/.exec(iso);
  if (!day) return iso;
  const date = new Date(day[0] + "T00:00:00Z");
  return Number.isNaN(date.getTime()) ? iso : DATE_FORMAT.format(date);
}

export function formatMonth(month) {
  const date = new Date(month + "-01T00:00:00Z");
  return Number.isNaN(date.getTime()) ? month : MONTH_FORMAT.format(date);
}

export function number(n) {
  return new Intl.NumberFormat("ar").format(n);
}

/** Snippet parts [{text, match}] as text with <mark> around the matches. */
export function snippet(parts, className = "snippet") {
  return el("p", { class: className }, parts.map((p) => (p.match ? el("mark", {}, p.text) : p.text)));
}

// What each error code of the API (and of the page) means, for the reader; the server's own words, in
// English, stay under "تفاصيل" for whoever reports the problem.
export const ERROR_TEXTS = {
  not_found: "لم يُعثر على ما طلبته: ربما حُذف أو تغيّر رابطه.",
  bad_query: "تعذّر فهم عبارة البحث. اكتب كلمات، أو «عبارة بين علامتي تنصيص»، أو كلمة* للبحث ببداية الكلمة.",
  invalid_request: "في الطلب قيمة غير صالحة (تاريخ أو رقم أو اسم طويل جدًا).",
  too_large: "الطلب أكبر مما يقبله الخادم.",
  timeout: "انتهت مهلة الطلب قبل أن يصل كاملًا.",
  no_archive: "لا يوجد أرشيف مفتوح على هذا الخادم.",
  archive_unavailable: "تعذّر فتح الأرشيف على الخادم.",
  internal: "حدث خطأ في الخادم. أعد المحاولة لاحقًا.",
  bad_link: "الرابط غير صالح.",
  bad_request: "الطلب غير صالح.",
  empty: "لا نص في الطلب.",
  malformed: "صيغة الطلب غير صالحة.",
  undecodable: "ترميز النص غير مقروء.",
  not_arabic: "النص ليس عربيًا: خبر يقرأ الأخبار العربية.",
  unsupported: "نوع المحتوى غير مدعوم.",
  method_not_allowed: "هذه العملية غير مسموح بها هنا.",
};
const OFFLINE = "تعذّر الاتصال بالخادم.";
const UNKNOWN = "حدث خطأ غير متوقَّع في الصفحة.";

/** {text, detail}: the Arabic sentence to show, and the technical detail (or null) to keep beneath it. */
export function errorText(error) {
  if (error instanceof ApiError) return { text: ERROR_TEXTS[error.code] || UNKNOWN, detail: error.message || null };
  if (error?.code === "bad_link") return { text: error.message, detail: null };
  if (error instanceof TypeError && /fetch/i.test(error.message)) return { text: OFFLINE, detail: null };
  return { text: UNKNOWN, detail: error?.message || null };
}

export function errorBox(error) {
  const { text, detail } = errorText(error);
  return el(
    "div",
    { class: "error", role: "alert" },
    el("strong", {}, "خطأ: "),
    el("span", {}, text),
    detail ? el("details", {}, el("summary", {}, "تفاصيل"), el("code", { dir: "ltr" }, detail)) : null,
  );
}

export function badge(label) {
  return el("span", { class: `badge ent-${label}` }, LABELS[label] || label);
}

export function docLine(doc) {
  return el(
    "li",
    { class: "doc-line" },
    el("a", { href: route("doc", doc.id) }, doc.title || doc.id),
    el("span", { class: "muted" }, [doc.outlet, formatDate(doc.published)].filter(Boolean).join(" · ")),
  );
}
