/* Parley dashboard: hash routes (#/search, #/event/ID, #/dyad/A/B, #/network, #/map, #/actors)
   over the JSON API. Data is inserted as text nodes, never as HTML. */
"use strict";

const PAGE_SIZE = 25;
const FILTERS = [
  ["actor", "Actor (either side)", "KAZ, KAZGOV"],
  ["source", "Source", "KAZ"],
  ["target", "Target", "BEL"],
  ["code", "CAMEO code", "043"],
  ["root", "CAMEO root", "04"],
  ["quad", "QuadClass", ""],
  ["since", "Since", "2021-01-01"],
  ["until", "Until", "2024-12-31"],
  ["place", "Place", "Astana"],
  ["topic", "Topic", "trade"],
  ["historical", "Historical", ""],
];
const QUADS = { 1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict" };

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
  return el;
}

async function api(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) query.set(k, v);
  const url = `/api/${path}${query.toString() ? `?${query}` : ""}`;
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await response.json(); } catch (_) { body = null; }
  if (!response.ok) {
    const message = body && body.error ? body.error.message : `HTTP ${response.status}`;
    throw new Error(message);
  }
  return body;
}

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, "");
  const [path, query = ""] = raw.split("?");
  const parts = path.split("/").filter(Boolean).map(decodeURIComponent);
  return { parts, params: new URLSearchParams(query) };
}

function hashFor(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) query.set(k, v);
  const qs = query.toString();
  return `#/${path}${qs ? `?${qs}` : ""}`;
}

function actorKey(actor) {
  if (!actor) return null;
  return actor.country || actor.igo || actor.code || null;
}

function actorLabel(actor) {
  if (!actor) return "—";
  const name = actor.name || actor.text || actor.code || "?";
  const code = actor.code || actor.country;
  return code && code !== name ? `${name} (${code})` : name;
}

/* CAMEO code names, fetched once per code from /api/codes. */
const codeNames = new Map();
async function ensureCodes(events) {
  const missing = [...new Set(events.map((ev) => ev.cameo).filter((c) => c && !codeNames.has(c)))];
  if (!missing.length) return;
  try {
    const found = await api("codes", { codes: missing.join(",") });
    for (const c of missing) codeNames.set(c, found[c] ? found[c].name : null);
  } catch (_) {
    for (const c of missing) codeNames.set(c, null);  // names are a nicety; codes still show
  }
}

function eventVerb(ev) {
  const name = codeNames.get(ev.cameo) || ev.plover || "event";
  return `${name} (${ev.cameo})`;
}

/* Evidence text with <mark> spans; overlapping spans keep the first (source before target). */
function highlighted(text, spans) {
  const order = { source: 0, target: 1, trigger: 2, place: 3 };
  const clean = spans
    .filter((sp) => sp && Number.isInteger(sp.start) && Number.isInteger(sp.end) && sp.start >= 0 && sp.end <= text.length && sp.start < sp.end)
    .sort((a, b) => a.start - b.start || (order[a.kind] ?? 9) - (order[b.kind] ?? 9));
  const out = [];
  let at = 0;
  for (const sp of clean) {
    if (sp.start < at) continue;
    if (sp.start > at) out.push(text.slice(at, sp.start));
    out.push(h("mark", { class: sp.kind, title: sp.kind }, text.slice(sp.start, sp.end)));
    at = sp.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}

/* List rows carry article offsets (source_span, target_span, trigger_*); shift them to the text. */
function rowSpans(ev) {
  const spans = [];
  const base = ev.char_start || 0;
  const add = (pair, kind) => {
    if (Array.isArray(pair) && pair.length === 2 && pair[0] != null && pair[1] != null) {
      spans.push({ start: pair[0] - base, end: pair[1] - base, kind });
    }
  };
  add(ev.source_span, "source");
  add(ev.target_span, "target");
  add([ev.trigger_start, ev.trigger_end], "trigger");
  return spans;
}

function legend() {
  return h("div", { class: "legend", "aria-hidden": "true" },
    h("span", {}, h("mark", { class: "source" }, "source")),
    h("span", {}, h("mark", { class: "trigger" }, "event verb")),
    h("span", {}, h("mark", { class: "target" }, "target")),
    h("span", {}, h("mark", { class: "place" }, "place")));
}

/* Only http(s) links from article metadata: a stored "javascript:" URL must not run. */
function safeUrl(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed.href : null;
  } catch (_) {
    return null;
  }
}

function showError(container, err) {
  container.appendChild(h("div", { class: "error", role: "alert" }, err.message || String(err)));
}

function resultItem(ev) {
  const when = ev.date || "undated";
  return h("li", {},
    h("a", { class: `result q${ev.quad_class}`, href: hashFor(`event/${encodeURIComponent(ev.event_id)}`), "data-event-id": ev.event_id },
      h("div", { class: "triple" },
        h("span", { class: "actor" }, actorLabel(ev.source)),
        h("span", { class: "arrow" }, "→"),
        h("span", { class: "verb" }, eventVerb(ev)),
        h("span", { class: "arrow" }, "→"),
        h("span", { class: "actor" }, actorLabel(ev.target))),
      h("div", { class: "meta" },
        h("span", {}, when),
        ev.place ? h("span", { class: "place" }, `in ${ev.place.name}`) : null,
        h("span", {}, QUADS[ev.quad_class] || `quad ${ev.quad_class}`),
        h("span", {}, `Goldstein ${Number(ev.goldstein).toFixed(1)}`),
        ev.num_articles > 1 ? h("span", {}, `${ev.num_articles} articles`) : null,
        ev.historical ? h("span", { class: "tag hist" }, "historical") : null,
        ...(ev.topics || []).map((t) => h("span", { class: "tag" }, t))),
      h("p", { class: "evidence" }, highlighted(ev.text || "", rowSpans(ev)))));
}

function filterInput(name, label, placeholder, value) {
  if (name === "quad") {
    return h("label", {}, label, h("select", { name },
      h("option", { value: "" }, "any"),
      ...[1, 2, 3, 4].map((q) => h("option", { value: q, selected: String(q) === value }, `${q} ${QUADS[q]}`))));
  }
  if (name === "historical") {
    return h("label", {}, label, h("select", { name },
      h("option", { value: "" }, "any"),
      h("option", { value: "false", selected: value === "false" }, "new events"),
      h("option", { value: "true", selected: value === "true" }, "recalled events")));
  }
  return h("label", {}, label, h("input", { name, value: value || "", placeholder, autocomplete: "off" }));
}

async function renderSearch(main, params) {
  const form = h("form", { class: "search", role: "search" },
    h("div", { class: "main-row" },
      h("input", { type: "search", name: "text", value: params.get("text") || "", placeholder: "Search evidence: Belgium, trade, visit…", "aria-label": "Search text" }),
      h("button", { type: "submit" }, "Search")),
    h("details", { open: FILTERS.some(([n]) => params.get(n)) },
      h("summary", {}, "Filters"),
      h("div", { class: "filters" }, ...FILTERS.map(([n, l, p]) => filterInput(n, l, p, params.get(n))))));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const values = {};
    for (const [k, v] of new FormData(form).entries()) if (String(v).trim()) values[k] = String(v).trim();
    location.hash = hashFor("search", values);
  });
  main.append(h("h1", {}, "Events"), form);
  const status = h("p", { class: "summary-line", role: "status" }, "Loading…");
  const list = h("ol", { class: "results", "aria-label": "Events" });
  const pager = h("div", { class: "pager" });
  main.append(status, legend(), list, pager);

  const query = {};
  for (const [n] of [["text"], ...FILTERS]) if (params.get(n)) query[n] = params.get(n);
  const asked = Number(params.get("limit"));
  const pageSize = Number.isInteger(asked) && asked >= 1 && asked <= 200 ? asked : PAGE_SIZE;
  let shown = 0;
  async function load(cursor) {
    const hadFocus = pager.contains(document.activeElement);
    pager.replaceChildren();
    try {
      const page = await api("events", { ...query, limit: pageSize, cursor });
      await ensureCodes(page.items);
      const before = list.children.length;
      for (const ev of page.items) list.appendChild(resultItem(ev));
      // "Load more" disappears while loading: hand keyboard focus to the first new result.
      if (hadFocus && list.children[before]) list.children[before].querySelector("a").focus();
      shown += page.items.length;
      status.textContent = shown ? `${shown} event${shown === 1 ? "" : "s"} shown${page.next_cursor ? ", more available" : ""}` : "No events match.";
      if (page.next_cursor) {
        pager.appendChild(h("button", { class: "btn secondary", type: "button", onclick: () => load(page.next_cursor) }, "Load more"));
      }
      return page.items.length;
    } catch (err) {
      status.textContent = "";
      showError(main, err);
      return 0;
    }
  }
  await load(null);
}

function fieldRows(ev) {
  const rows = [];
  const show = (k, v) => rows.push(h("dt", {}, k), h("dd", {}, v === null || v === undefined || v === "" ? "—" : v));
  const actorText = (a) => a ? Object.entries(a).filter(([, v]) => v !== null && v !== "").map(([k, v]) => `${k}: ${v}`).join(" · ") : null;
  show("event_id", h("code", {}, ev.event_id));
  show("source", actorText(ev.source));
  show("target", actorText(ev.target));
  show("cameo", `${ev.cameo} (root ${ev.cameo_root})${codeNames.get(ev.cameo) ? ` — ${codeNames.get(ev.cameo)}` : ""}`);
  show("plover", ev.plover);
  show("quad_class", `${ev.quad_class} — ${QUADS[ev.quad_class] || ""}`);
  show("goldstein", String(ev.goldstein));
  show("date", ev.date ? `${ev.date}${ev.date_precision ? ` (${ev.date_precision})` : ""}` : null);
  show("historical", String(ev.historical));
  if ("planned" in ev) show("planned", String(ev.planned));
  show("place", ev.place ? [ev.place.name, ev.place.country, ev.place.lat != null ? `${ev.place.lat}, ${ev.place.lon}` : null].filter(Boolean).join(" · ") : null);
  show("quote", ev.quote ? `«${ev.quote}»${ev.quote_speaker ? ` — ${ev.quote_speaker}` : ""}` : null);
  show("topics", (ev.topics || []).join(", "));
  show("frameworks", (ev.frameworks || []).join(", "));
  show("confidence", ev.confidence != null ? Number(ev.confidence).toFixed(2) : null);
  show("rule", h("code", { class: "rule" }, ev.rule || "—"));
  show("reported", `${ev.num_mentions ?? 1} mention(s), ${ev.num_sources ?? 1} source(s), ${ev.num_articles ?? 1} article(s)`);
  show("doc_id", h("code", {}, ev.doc_id));
  if (ev.coder_version) show("coder_version", ev.coder_version);
  if (ev.extras && Object.keys(ev.extras).length) show("extras", h("code", {}, JSON.stringify(ev.extras)));
  return rows;
}

async function renderEvent(main, id) {
  let ev;
  try {
    ev = await api(`events/${encodeURIComponent(id)}`);
    await ensureCodes([ev]);
  } catch (err) {
    main.append(h("h1", {}, "Event"));
    showError(main, err);
    return;
  }
  const a = actorKey(ev.source), b = actorKey(ev.target);
  main.append(
    h("p", {}, h("a", { href: "#/", onclick: (e) => { if (history.length > 1) { e.preventDefault(); history.back(); } } }, "← Back to results")),
    h("h1", {}, `${actorLabel(ev.source)} → ${eventVerb(ev)} → ${actorLabel(ev.target)}`),
    h("p", { class: "meta" },
      h("span", {}, ev.date || "undated"),
      ev.place ? h("span", { class: "place" }, `in ${ev.place.name}`) : null,
      ev.historical ? h("span", { class: "tag hist" }, "historical") : null,
      a && b && a !== b ? h("a", { href: hashFor(`dyad/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, { by: "year" }), class: "dyad-link" }, `${a}–${b} relation timeline`) : null));
  const evidence = h("section", { class: "card", "aria-labelledby": "ev-h" }, h("h2", { id: "ev-h" }, "Evidence"), legend());
  for (const item of ev.evidence || []) {
    const title = item.title || item.article_id;
    evidence.appendChild(h("div", { class: "evidence-item" },
      h("div", { class: "src" },
        safeUrl(item.url) ? h("a", { href: safeUrl(item.url), rel: "noopener noreferrer" }, title) : h("span", {}, title),
        [item.outlet, item.published, `sentence ${item.sentence_index}`].filter((x) => x !== null && x !== undefined).map((x) => ` · ${x}`).join("")),
      h("p", { class: "evidence" }, highlighted(item.text || "", item.highlights || []))));
  }
  if (!(ev.evidence || []).length) evidence.appendChild(h("p", { class: "evidence" }, highlighted(ev.text || "", rowSpans(ev))));
  main.append(evidence, h("section", { class: "card", "aria-labelledby": "f-h" }, h("h2", { id: "f-h" }, "Fields"), h("dl", { class: "fields" }, fieldRows(ev))));
}

function periodRange(period) {
  const q = /^(\d{4})-Q([1-4])$/.exec(period);
  if (q) {
    const start = (Number(q[2]) - 1) * 3 + 1;
    return [`${q[1]}-${String(start).padStart(2, "0")}`, `${q[1]}-${String(start + 2).padStart(2, "0")}`];
  }
  return [period, period];
}

async function renderDyad(main, a, b, params) {
  const by = params.get("by") || "year";
  const form = h("form", { class: "dyad-pick" },
    h("label", {}, "Actor A", h("input", { name: "a", value: a, size: 8 })),
    h("label", {}, "Actor B", h("input", { name: "b", value: b, size: 8 })),
    h("label", {}, "Period", h("select", { name: "by" }, ...["month", "quarter", "year"].map((p) => h("option", { value: p, selected: p === by }, p)))),
    h("button", { class: "btn", type: "submit" }, "Show"));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const f = new FormData(form);
    location.hash = hashFor(`dyad/${encodeURIComponent(String(f.get("a")).trim().toUpperCase())}/${encodeURIComponent(String(f.get("b")).trim().toUpperCase())}`, { by: f.get("by") });
  });
  main.append(h("h1", {}, `${a} – ${b} relations`), form);
  const chart = h("div", { class: "chart", id: "timeline" });
  main.append(chart);
  try {
    const series = await api(`dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}`, { by });
    chart.appendChild(Charts.timeline(series, (dir, period) => {
      const [since, until] = periodRange(period);
      const [s, t] = dir === "a_to_b" ? [a, b] : [b, a];
      return hashFor("search", { source: s, target: t, since, until });
    }));
  } catch (err) {
    showError(main, err);
    return;
  }
  const cols = h("div", { class: "two-col" });
  main.append(cols);
  for (const [s, t] of [[a, b], [b, a]]) {
    const col = h("section", { "aria-label": `${s} to ${t} events` }, h("h2", {}, `${s} → ${t}`));
    cols.appendChild(col);
    try {
      const page = await api("events", { source: s, target: t, limit: 50 });
      await ensureCodes(page.items);
      const list = h("ol", { class: "results" }, page.items.map(resultItem));
      col.appendChild(page.items.length ? list : h("p", { class: "muted" }, "No events."));
    } catch (err) {
      showError(col, err);
    }
  }
}

async function renderNetwork(main) {
  main.append(h("h1", {}, "Actor network"),
    h("p", { class: "muted" }, "Arrows point from source to target, coloured by their most frequent QuadClass and as wide as their event count. Select an arrow for the pair's timeline, an actor for its events."));
  const chart = h("div", { class: "chart" });
  main.append(chart);
  try {
    const [data, pairs] = await Promise.all([api("network", { limit: 40 }), api("dyads", { limit: 20 })]);
    chart.appendChild(Charts.network(data,
      (node) => hashFor("search", { actor: node.id }),
      (e) => hashFor(`dyad/${encodeURIComponent(e.source)}/${encodeURIComponent(e.target)}`, { by: "year" })));
    const rows = pairs.map((p) => h("tr", {},
      h("td", {}, h("a", { href: hashFor(`dyad/${encodeURIComponent(p.a)}/${encodeURIComponent(p.b)}`, { by: "year" }) }, `${p.a_label || p.a} – ${p.b_label || p.b}`)),
      h("td", {}, String(p.events)),
      ...["q1", "q2", "q3", "q4"].map((q) => h("td", {}, String(p[q] || 0)))));
    main.append(h("h2", {}, "Most active pairs"), h("table", { class: "list" },
      h("thead", {}, h("tr", {}, h("th", {}, "Pair"), h("th", {}, "Events"),
        ...[1, 2, 3, 4].map((q) => h("th", { title: QUADS[q] }, `Q${q} ${QUADS[q]}`)))),
      h("tbody", {}, rows)));
  } catch (err) {
    showError(main, err);
  }
}

let landPathCache = null;
async function landPath() {
  if (landPathCache !== null) return landPathCache;
  try {
    const text = await (await fetch("/static/world-110m.svg")).text();
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const path = doc.querySelector("path");
    landPathCache = path ? path.getAttribute("d") : "";
  } catch (_) {
    landPathCache = "";
  }
  return landPathCache;
}

async function renderMap(main) {
  main.append(h("h1", {}, "Where events happened"));
  const chart = h("div", { class: "chart" });
  main.append(chart);
  try {
    const [places, land] = await Promise.all([api("places"), landPath()]);
    chart.appendChild(Charts.map(places, land, (p) => hashFor("search", { place: p.name })));
    const rows = places.map((p) => h("tr", {},
      h("td", {}, h("a", { href: hashFor("search", { place: p.name }) }, p.name)),
      h("td", {}, p.country || "—"),
      h("td", {}, p.lat != null ? `${Number(p.lat).toFixed(2)}, ${Number(p.lon).toFixed(2)}` : "—"),
      h("td", {}, String(p.events))));
    main.append(h("h2", {}, "Places"), h("table", { class: "list" },
      h("thead", {}, h("tr", {}, h("th", {}, "Place"), h("th", {}, "Country"), h("th", {}, "Lat, lon"), h("th", {}, "Events"))),
      h("tbody", {}, rows)));
  } catch (err) {
    showError(main, err);
  }
}

async function renderActors(main) {
  main.append(h("h1", {}, "Actors"));
  try {
    const actors = await api("actors", { limit: 500 });
    const rows = actors.map((a) => h("tr", {},
      h("td", {}, h("a", { href: hashFor("search", { actor: a.code || a.country }) }, a.code || a.country || "—")),
      h("td", {}, a.name || "—"), h("td", {}, a.country || "—"), h("td", {}, a.role || "—"), h("td", {}, String(a.events))));
    main.append(h("table", { class: "list" },
      h("thead", {}, h("tr", {}, h("th", {}, "Code"), h("th", {}, "Name"), h("th", {}, "Country"), h("th", {}, "Role"), h("th", {}, "Events"))),
      h("tbody", {}, rows)));
  } catch (err) {
    showError(main, err);
  }
}

/* Each route renders into a detached container that replaces the page only if no newer
   route started meanwhile: a slow answer for an old hash never overwrites the current view. */
let routeSeq = 0;

async function route() {
  const seq = ++routeSeq;
  const main = document.getElementById("main");
  delete main.dataset.ready;
  const { parts, params } = parseHash();
  const view = parts[0] || "search";
  for (const a of document.querySelectorAll("[data-nav]")) {
    if (a.dataset.nav === view) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
  document.title = `Parley — ${view}`;
  const container = document.createElement("div");
  if (view === "event" && parts[1]) await renderEvent(container, parts[1]);
  else if (view === "dyad" && parts[1] && parts[2]) await renderDyad(container, parts[1], parts[2], params);
  else if (view === "network") await renderNetwork(container);
  else if (view === "map") await renderMap(container);
  else if (view === "actors") await renderActors(container);
  else await renderSearch(container, params);
  if (seq !== routeSeq) return false;
  main.replaceChildren(container);
  main.dataset.ready = view;
  return true;
}

window.addEventListener("hashchange", () => {
  // A new view starts at the top, with focus on its content for keyboard and screen readers.
  window.scrollTo(0, 0);
  route().then((current) => { if (current) document.getElementById("main").focus({ preventScroll: true }); });
});
window.addEventListener("DOMContentLoaded", () => {
  route().then(() => {
    const box = document.querySelector("main input[type='search']");
    if (box) box.focus();  // the first thing a reader does is type a query
  });
});
