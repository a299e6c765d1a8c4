// The page's router: #/search?q=…, #/doc/ID, #/entity/ID, #/place/ID, #/entities, #/quotes, #/map.

import { entitiesView, entityView, mapView, placeView } from "./pages.js";
import { docView, quotesView, searchView } from "./views.js";

const VIEWS = {
  "": searchView,
  search: searchView,
  entities: entitiesView,
  quotes: quotesView,
  map: mapView,
};
const PAGES = { doc: docView, entity: entityView, place: placeView };

function parse(hash) {
  const [path, query] = hash.replace(/^#\/?/, "").split("?", 2);
  const parts = path.split("/").map((p) => decodeURIComponent(p));
  return { kind: parts[0] || "", id: parts[1], params: Object.fromEntries(new URLSearchParams(query || "")) };
}

let generation = 0;

async function render() {
  const view = document.getElementById("view");
  const current = ++generation;
  // A slow answer for a page the reader has already left must not replace the newer page.
  const show = (node) => {
    if (current === generation) view.replaceChildren(node);
  };
  const { kind, id, params } = parse(location.hash);
  for (const link of document.querySelectorAll("[data-nav]")) {
    link.classList.toggle("active", link.dataset.nav === (kind || "search"));
  }
  if (PAGES[kind] && id !== undefined) await PAGES[kind](id, params, show);
  else await (VIEWS[kind] || searchView)(params, show);
  if (current === generation) document.body.dataset.ready = kind || "search";
}

window.addEventListener("hashchange", render);
render();
