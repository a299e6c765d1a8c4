// A world map drawn offline: the shipped Natural Earth outline (world.json, equirectangular:
// x = longitude + 180, y = 90 - latitude) with a circle per place.

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

function viewAround(place, span) {
  const x = Math.min(Math.max(place.longitude + 180 - span, 0), 360 - 2 * span);
  const y = Math.min(Math.max(90 - place.latitude - span * 0.6, 0), 180 - span * 1.2);
  return { x, y, width: 2 * span, height: span * 1.2 };
}

/** An SVG map of ``places`` (from /places or an entity page); ``focus`` zooms on one place. */
export async function worldMap(places, { focus = null, span = 18 } = {}) {
  const shape = await loadOutline();
  const view = focus ? viewAround(focus, span) : WORLD;
  const scale = view.width / 360;
  const most = Math.max(1, ...places.map((p) => p.documents));
  const map = svg("svg", {
    class: "map", viewBox: `${view.x} ${view.y} ${view.width} ${view.height}`, role: "img",
    "aria-label": focus ? `خريطة: ${focus.name}` : "خريطة الأماكن",
  });
  map.append(svg("rect", { class: "sea", x: 0, y: 0, width: 360, height: 180 }));
  map.append(svg("path", { class: "land", d: shape.d }));
  // Countries first, so that their cities are drawn on top and stay clickable; then the most covered.
  const order = (p) => (p.feature === "country" ? 0 : 1);
  for (const place of [...places].sort((a, b) => order(a) - order(b) || b.documents - a.documents)) {
    const radius = (focus ? 2.5 : 1.2 + 3.5 * Math.sqrt(place.documents / most)) * scale;
    const pin = svg("circle", {
      class: focus && place.entity_id === focus.entity_id ? "pin pin-focus" : "pin",
      cx: place.longitude + 180, cy: 90 - place.latitude, r: Math.max(radius, 0.4 * scale),
      "data-place": place.entity_id,
    }, svg("title", {}, `${place.name} (${place.gazetteer_name}) — ${number(place.documents)} مقال`));
    map.append(svg("a", { href: route("place", place.entity_id) }, pin));
  }
  return el("figure", { class: "map-frame" }, map);
}
