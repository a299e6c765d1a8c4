// The page's router: #/search?q=…, #/doc/ID, #/entity/ID, #/place/ID, #/entities, #/quotes, #/map.

import { errorBox } from "./dom.js";
import { parseHash } from "./hash.js";
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

let generation = 0;

async function render() {
  const view = document.getElementById("view");
  const current = ++generation;
  // A slow answer for a page the reader has already left must not replace the newer page.
  const show = (node) => {
    if (current === generation) view.replaceChildren(node);
  };
  let kind = "error";
  try {
    const route = parseHash(location.hash);
    kind = route.kind || "search";
    for (const link of document.querySelectorAll("[data-nav]")) {
      link.classList.toggle("active", link.dataset.nav === kind);
    }
    if (PAGES[route.kind] && route.id !== undefined) await PAGES[route.kind](route.id, route.params, show);
    else await (VIEWS[route.kind] || searchView)(route.params, show);
  } catch (error) {
    // never "جارٍ التحميل…" for ever: whatever failed, the reader is told
    show(errorBox(error));
  }
  if (current === generation) document.body.dataset.ready = kind;
}

window.addEventListener("hashchange", render);
render();
