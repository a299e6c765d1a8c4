// The offline page ``khabar render`` writes (interfaces/render.py): the Documents embedded in it as JSON,
// drawn by the web page's own code (article.js, inlined into the page with this file), with no server and
// no network.

import { articleView } from "./article.js";

const docs = JSON.parse(document.getElementById("khabar-documents").textContent);
document.getElementById("view").replaceChildren(...docs.map((doc) => articleView(doc)));
document.body.dataset.ready = "render";
