// Offline API docs: read /openapi.json and list every endpoint with its parameters, body and answers,
// with a form to try it. Self-made so that nothing is loaded from a CDN.

import { el } from "./dom.js";

function typeOf(schema, spec) {
  if (!schema) return "";
  if (schema.$ref) return schema.$ref.split("/").pop();
  if (schema.anyOf) return schema.anyOf.map((s) => typeOf(s, spec)).join(" | ");
  if (schema.enum) return schema.enum.join(" | ");
  if (schema.type === "array") return `${typeOf(schema.items, spec)}[]`;
  return schema.format ? `${schema.type} (${schema.format})` : schema.type || "";
}

function limits(schema) {
  const out = [];
  const s = schema?.anyOf ? Object.assign({}, ...schema.anyOf) : schema || {};
  if (s.maxLength !== undefined) out.push(`≤ ${s.maxLength} chars`);
  if (s.minimum !== undefined) out.push(`≥ ${s.minimum}`);
  if (s.maximum !== undefined) out.push(`≤ ${s.maximum}`);
  if (schema?.default !== undefined) out.push(`default ${JSON.stringify(schema.default)}`);
  return out.join(", ");
}

function parameterTable(parameters, spec) {
  if (!parameters.length) return null;
  return el("table", {},
    el("tr", {}, ["name", "in", "type", "limits", "description"].map((h) => el("th", {}, h))),
    parameters.map((p) => el("tr", {},
      el("td", {}, el("code", {}, p.name), p.required ? " *" : ""), el("td", {}, p.in),
      el("td", {}, typeOf(p.schema, spec)), el("td", {}, limits(p.schema)),
      el("td", {}, p.description || p.schema?.description || ""))));
}

function tryIt(path, method, parameters) {
  const inputs = parameters.map((p) => [p, el("input", { name: p.name, placeholder: p.name })]);
  const body = method === "post" ? el("textarea", { rows: 5, placeholder: "article text (text/plain) or JSON {\"text\": …}", dir: "auto" }) : null;
  const output = el("pre", { hidden: true });
  const run = async () => {
    let url = path;
    const query = new URLSearchParams();
    for (const [p, input] of inputs) {
      if (!input.value) continue;
      if (p.in === "path") url = url.replace(`{${p.name}}`, encodeURIComponent(input.value));
      else query.set(p.name, input.value);
    }
    const options = { method: method.toUpperCase() };
    if (body) {
      const text = body.value.trim();
      options.body = text;
      options.headers = { "Content-Type": text.startsWith("{") ? "application/json" : "text/plain; charset=utf-8" };
    }
    const response = await fetch(url + (query.toString() ? `?${query}` : ""), options);
    const answer = await response.text();
    let shown = answer;
    try { shown = JSON.stringify(JSON.parse(answer), null, 2); } catch { /* not JSON: show as is */ }
    output.hidden = false;
    output.textContent = `${response.status} ${response.statusText}\n\n${shown}`;
  };
  return el("details", {}, el("summary", {}, "Try it"),
    inputs.map(([p, input]) => el("label", {}, el("span", { class: "muted" }, p.name), input)), body,
    el("p", {}, el("button", { type: "button", onclick: run }, "Send")), output);
}

function endpoint(path, method, op, spec) {
  const parameters = op.parameters || [];
  const body = op.requestBody?.content ? Object.keys(op.requestBody.content).join(", ") : null;
  return el("section", { class: "endpoint", id: `${method}-${path}` },
    el("h2", {}, el("span", { class: `method method-${method}` }, method.toUpperCase()), path),
    el("p", {}, el("strong", {}, op.summary || "")),
    el("p", { class: "muted" }, op.description || ""),
    parameterTable(parameters, spec),
    body ? el("p", {}, "Body: ", el("code", {}, body)) : null,
    el("p", { class: "muted" }, "Answers: ", Object.entries(op.responses || {}).map(([code, r]) => `${code} ${r.description}`).join(" · ")),
    tryIt(path, method, parameters));
}

async function main() {
  const spec = await (await fetch("/openapi.json")).json();
  document.getElementById("about").textContent = `${spec.info.title} ${spec.info.version}: ${spec.info.description}`;
  const list = document.getElementById("endpoints");
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) list.append(endpoint(path, method, op, spec));
  }
  document.body.dataset.ready = "docs";
}

main();
