// The page's address after "#": #/search?q=…, #/doc/ID, #/entity/ID, #/place/ID, #/entities, #/quotes, #/map.

/** A fragment the page cannot read (a malformed %-escape typed or pasted by hand). */
export class RouteError extends Error {
  constructor(hash) {
    super("الرابط غير صالح: فيه ترميز ناقص أو خاطئ. عُد إلى البحث وافتح الصفحة من هناك.");
    this.code = "bad_link";
    this.hash = hash;
  }
}

/** {kind, id, params} of a fragment; RouteError when a part of its path is not valid %-encoding. */
export function parseHash(hash) {
  const [path, query] = hash.replace(/^#\/?/, "").split("?", 2);
  let parts;
  try {
    parts = path.split("/").map((p) => decodeURIComponent(p));
  } catch (error) {
    if (error instanceof URIError) throw new RouteError(hash);
    throw error;
  }
  // URLSearchParams reads a malformed escape as it is written, never throws
  return { kind: parts[0] || "", id: parts[1], params: Object.fromEntries(new URLSearchParams(query || "")) };
}
