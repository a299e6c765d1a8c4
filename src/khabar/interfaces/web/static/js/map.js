// A world map drawn offline: the shipped Natural Earth outline (world.json, equirectangular:
// x = longitude + 180, y = 90 - latitude), no tile server. It zooms (wheel, the + and − buttons, a
// double click) and pans (drag); places closer than two pins' width on screen are drawn as one cluster
// with their count, which a click opens by zooming in. Pins keep their size on screen at every zoom.

import { el, number, route, svg } from "./dom.js";

let outline = null;

async function loadOutline() {
  if (!outline) {
    const response = await fetch("/static/world.json");
    outline = await response.json();
  }
  return outline;
}

const WORLD = { x: 0, y: 5, width: 360, height: 145 }; // latitudes 85 to -60
const MIN_WIDTH = 3; // degrees across, at the closest zoom
const CLUSTER_PX = 34; // places closer than this on screen are one cluster (about two pins' width)
const ZOOM_STEP = 1.6;

function viewAround(place, span) {
  const x = Math.min(Math.max(place.longitude + 180 - span, 0), 360 - 2 * span);
  const y = Math.min(Math.max(90 - place.latitude - span * 0.6, 0), 180 - span * 1.2);
  return { x, y, width: 2 * span, height: span * 1.2 };
}

/** ``view`` zoomed by ``factor`` (>1 closer) around the map point (cx, cy), kept inside the world. */
function zoomed(view, factor, cx, cy) {
  const width = Math.min(360, Math.max(MIN_WIDTH, view.width / factor));
  const height = width * (view.height / view.width);
  const x = cx - ((cx - view.x) * width) / view.width;
  const y = cy - ((cy - view.y) * height) / view.height;
  return clamp({ x, y, width, height });
}

function clamp(view) {
  const x = Math.min(Math.max(view.x, 0), 360 - view.width);
  const y = Math.min(Math.max(view.y, 0), Math.max(0, 180 - view.height));
  return { ...view, x, y };
}

/** Places grouped so that no two groups are closer than CLUSTER_PX on screen: the most covered place
 * starts a group, and every place within that distance of a group's centre joins it (greedy, O(n·groups)). */
export function clusters(places, unitsPerPixel) {
  const reach = CLUSTER_PX * unitsPerPixel;
  const groups = [];
  for (const place of [...places].sort((a, b) => b.documents - a.documents)) {
    const [x, y] = [place.longitude + 180, 90 - place.latitude];
    const weight = Math.max(1, place.documents);
    const near = groups.find((g) => Math.hypot(g.x - x, g.y - y) < reach);
    if (!near) {
      groups.push({ members: [place], documents: weight, x, y });
      continue;
    }
    near.members.push(place);
    near.x = (near.x * near.documents + x * weight) / (near.documents + weight);
    near.y = (near.y * near.documents + y * weight) / (near.documents + weight);
    near.documents += weight;
  }
  return groups;
}

function pinFor(place, r, focus) {
  const pin = svg("circle", {
    class: focus && place.entity_id === focus.entity_id ? "pin pin-focus" : "pin",
    cx: place.longitude + 180, cy: 90 - place.latitude, r, "data-place": place.entity_id, "data-count": 1,
  }, svg("title", {}, `${place.name} (${place.gazetteer_name}) — ${number(place.documents)} مقال`));
  return svg("a", { href: route("place", place.entity_id) }, pin);
}

function clusterFor(group, r, upp, onOpen) {
  const names = group.members.slice(0, 8).map((p) => p.name).join("، ");
  const node = svg("g", { class: "cluster", "data-count": group.members.length, tabindex: 0, role: "button",
    "aria-label": `${number(group.members.length)} أماكن: ${names}` },
  svg("circle", { cx: group.x, cy: group.y, r }),
  svg("text", { x: group.x, y: group.y + 4 * upp, "font-size": 11 * upp }, number(group.members.length)),
  svg("title", {}, `${number(group.members.length)} أماكن (${number(group.documents)} مقال): ${names}${group.members.length > 8 ? "…" : ""}`));
  node.addEventListener("click", () => onOpen(group));
  node.addEventListener("keydown", (event) => { if (event.key === "Enter") onOpen(group); });
  return node;
}

/** An SVG map of ``places`` (from /places or an entity page); ``focus`` starts zoomed on one place. */
export async function worldMap(places, { focus = null, span = 18 } = {}) {
  const shape = await loadOutline();
  const home = focus ? viewAround(focus, span) : WORLD;
  let view = { ...home };
  const most = Math.max(1, ...places.map((p) => p.documents));
  const map = svg("svg", { class: "map", role: "img", "aria-label": focus ? `خريطة: ${focus.name}` : "خريطة الأماكن" });
  const pins = svg("g", { class: "pins" });
  map.append(svg("rect", { class: "sea", x: 0, y: 0, width: 360, height: 180 }), svg("path", { class: "land", d: shape.d }), pins);
  const pixels = () => map.getBoundingClientRect().width || 800;

  function draw() {
    map.setAttribute("viewBox", `${view.x} ${view.y} ${view.width} ${view.height}`);
    map.dataset.zoom = (360 / view.width).toFixed(2);
    const upp = view.width / pixels(); // map units per screen pixel
    pins.replaceChildren();
    const groups = clusters(places, upp).sort((a, b) => b.documents - a.documents);
    for (const group of groups.reverse()) { // the biggest last, on top
      const scale = Math.sqrt(group.documents / most);
      if (group.members.length === 1) pins.append(pinFor(group.members[0], (focus ? 6 : 4 + 8 * scale) * upp, focus));
      else pins.append(clusterFor(group, (9 + 7 * scale) * upp, upp, open));
    }
  }
  function open(group) {
    const xs = group.members.map((p) => p.longitude + 180);
    const ys = group.members.map((p) => 90 - p.latitude);
    const width = Math.max(MIN_WIDTH, (Math.max(...xs) - Math.min(...xs)) * 2.2, view.width / 4);
    view = clamp({ width, height: width * (view.height / view.width), x: (Math.min(...xs) + Math.max(...xs)) / 2 - width / 2,
      y: (Math.min(...ys) + Math.max(...ys)) / 2 - (width * (view.height / view.width)) / 2 });
    draw();
  }
  const zoomAt = (factor, event) => {
    const box = map.getBoundingClientRect();
    const [fx, fy] = event ? [(event.clientX - box.left) / box.width, (event.clientY - box.top) / box.height] : [0.5, 0.5];
    view = zoomed(view, factor, view.x + fx * view.width, view.y + fy * view.height);
    draw();
  };
  map.addEventListener("wheel", (event) => { event.preventDefault(); zoomAt(event.deltaY < 0 ? 1.25 : 0.8, event); }, { passive: false });
  map.addEventListener("dblclick", (event) => zoomAt(ZOOM_STEP, event));
  let drag = null;
  map.addEventListener("pointerdown", (event) => {
    if (event.target.closest("a, .cluster")) return;
    drag = { x: event.clientX, y: event.clientY, view };
    map.setPointerCapture(event.pointerId);
    map.classList.add("dragging");
  });
  map.addEventListener("pointermove", (event) => {
    if (!drag) return;
    const upp = view.width / pixels();
    view = clamp({ ...drag.view, x: drag.view.x - (event.clientX - drag.x) * upp, y: drag.view.y - (event.clientY - drag.y) * upp });
    map.setAttribute("viewBox", `${view.x} ${view.y} ${view.width} ${view.height}`);
  });
  map.addEventListener("pointerup", () => { if (drag) { drag = null; map.classList.remove("dragging"); draw(); } });
  const button = (text, label, action) => el("button", { type: "button", class: "map-button", "aria-label": label, title: label, onclick: action }, text);
  const controls = el("div", { class: "map-controls" },
    button("+", "تكبير", () => zoomAt(ZOOM_STEP)), button("−", "تصغير", () => zoomAt(1 / ZOOM_STEP)),
    button("⟲", "العالم كله", () => { view = { ...home }; draw(); }));
  const frame = el("figure", { class: "map-frame" }, controls, map);
  // Cluster sizes depend on the map's width on screen, known once it is in the page.
  new ResizeObserver(() => draw()).observe(map);
  draw();
  return frame;
}
