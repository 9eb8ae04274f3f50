/* Parley dashboard charts: SVG drawn by hand (timeline, network, map). No libraries. */
"use strict";

const Charts = (() => {
  const NS = "http://www.w3.org/2000/svg";
  const QUAD_COLORS = { q1: "#3b82c4", q2: "#2e9e6a", q3: "#e0a030", q4: "#c8423b" };
  const QUAD_NAMES = {
    q1: "verbal cooperation", q2: "material cooperation",
    q3: "verbal conflict", q4: "material conflict",
  };

  function s(tag, attrs = {}, ...children) {
    const el = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs)) {
      if (v !== null && v !== undefined) el.setAttribute(k, String(v));
    }
    for (const c of children) {
      if (c === null || c === undefined) continue;
      el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    }
    return el;
  }

  function link(href, label, ...children) {
    return s("a", { href, "aria-label": label }, s("title", {}, label), ...children);
  }

  function total(counts) {
    return (counts.q1 || 0) + (counts.q2 || 0) + (counts.q3 || 0) + (counts.q4 || 0);
  }

  /* The relation timeline: per period, stacked QuadClass bars for A->B and B->A side by side,
     and a mean-Goldstein line per direction on a -10..10 axis at the right. */
  function timeline(series, periodHref) {
    const periods = series.periods || [];
    const W = 960, H = 340, left = 44, right = 48, top = 24, bottom = 46;
    const plotW = W - left - right, plotH = H - top - bottom;
    const svg = s("svg", {
      viewBox: `0 0 ${W} ${H}`, role: "img",
      "aria-label": `Relation timeline ${series.a} and ${series.b} by ${series.by}`,
    });
    if (!periods.length) {
      svg.appendChild(s("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, "No dated events for this pair."));
      return svg;
    }
    const maxCount = Math.max(1, ...periods.map((p) => Math.max(total(p.a_to_b), total(p.b_to_a))));
    const band = plotW / periods.length;
    const barW = Math.min(36, band * 0.36);
    const y = (n) => top + plotH - (n / maxCount) * plotH;
    const gy = (g) => top + plotH / 2 - (g / 10) * (plotH / 2);

    const axis = s("g", { class: "axis" });
    axis.appendChild(s("line", { x1: left, x2: left + plotW, y1: top + plotH, y2: top + plotH }));
    axis.appendChild(s("line", { x1: left, x2: left, y1: top, y2: top + plotH }));
    axis.appendChild(s("line", { x1: left + plotW, x2: left + plotW, y1: top, y2: top + plotH }));
    const ticks = niceTicks(maxCount);
    for (const t of ticks) {
      axis.appendChild(s("text", { x: left - 6, y: y(t) + 4, "text-anchor": "end" }, String(t)));
    }
    for (const g of [-10, -5, 0, 5, 10]) {
      axis.appendChild(s("text", { x: left + plotW + 6, y: gy(g) + 4 }, (g > 0 ? "+" : "") + g));
    }
    axis.appendChild(s("line", { class: "zero", x1: left, x2: left + plotW, y1: gy(0), y2: gy(0) }));
    axis.appendChild(s("text", { x: 4, y: 14 }, "events"));
    axis.appendChild(s("text", { x: W - 4, y: 14, "text-anchor": "end" }, "Goldstein"));
    svg.appendChild(axis);

    const dirs = [
      { key: "a_to_b", label: `${series.a} → ${series.b}`, dx: -barW - 1, opacity: 1, dash: null },
      { key: "b_to_a", label: `${series.b} → ${series.a}`, dx: 1, opacity: 0.55, dash: "5 4" },
    ];
    const labelEvery = Math.max(1, Math.ceil((periods.length * 56) / plotW));  // >= 56 px per label
    periods.forEach((p, i) => {
      const cx = left + band * i + band / 2;
      const g = s("g", { class: "period", "data-period": p.period });
      for (const d of dirs) {
        const counts = p[d.key] || {};
        const n = total(counts);
        let base = top + plotH;
        const bars = s("g", { opacity: d.opacity });
        for (const q of ["q1", "q2", "q3", "q4"]) {
          const c = counts[q] || 0;
          if (!c) continue;
          const h = (c / maxCount) * plotH;
          base -= h;
          bars.appendChild(s("rect", {
            x: cx + d.dx, y: base, width: barW, height: h, fill: QUAD_COLORS[q], "data-quad": q,
          }, s("title", {}, `${d.label} ${p.period}: ${c} ${QUAD_NAMES[q]}`)));
        }
        if (n) {
          const label = `${d.label}, ${p.period}: ${n} event${n === 1 ? "" : "s"}`
            + (counts.goldstein == null ? "" : `, mean Goldstein ${counts.goldstein.toFixed(1)}`);
          g.appendChild(link(periodHref(d.key, p.period), label, bars));
          g.appendChild(s("text", { x: cx + d.dx + barW / 2, y: base - 3, "text-anchor": "middle" }, String(n)));
        }
      }
      if (i % labelEvery === 0) {
        g.appendChild(s("text", { x: cx, y: top + plotH + 16, "text-anchor": "middle", class: "period-label" }, p.period));
      }
      svg.appendChild(g);
    });

    for (const d of dirs) {
      const pts = [];
      periods.forEach((p, i) => {
        const gold = (p[d.key] || {}).goldstein;
        pts.push(gold == null ? null : [left + band * i + band / 2, gy(gold), gold, p.period]);
      });
      let path = "";
      let pen = false;
      for (const pt of pts) {
        if (!pt) { pen = false; continue; }
        path += `${pen ? "L" : "M"}${pt[0].toFixed(1)} ${pt[1].toFixed(1)}`;
        pen = true;
      }
      if (path) svg.appendChild(s("path", { class: "gold", d: path, "stroke-dasharray": d.dash }));
      for (const pt of pts) {
        if (!pt) continue;
        svg.appendChild(s("circle", { class: "gold-dot", cx: pt[0], cy: pt[1], r: 3.5, opacity: d.opacity },
          s("title", {}, `${d.label} ${pt[3]}: mean Goldstein ${pt[2].toFixed(2)}`)));
      }
    }

    const legend = s("g", { transform: `translate(${left}, ${H - 14})` });
    let lx = 0;
    for (const q of ["q1", "q2", "q3", "q4"]) {
      legend.appendChild(s("rect", { x: lx, y: -9, width: 10, height: 10, fill: QUAD_COLORS[q] }));
      legend.appendChild(s("text", { x: lx + 14, y: 0 }, QUAD_NAMES[q]));
      lx += 140;
    }
    legend.appendChild(s("text", { x: lx, y: 0 }, `solid: ${dirs[0].label}   faded/dashed: ${dirs[1].label}`));
    svg.appendChild(legend);
    return svg;
  }

  function niceTicks(max) {
    const step = max <= 5 ? 1 : Math.ceil(max / 5 / Math.pow(10, Math.floor(Math.log10(max / 5))))
      * Math.pow(10, Math.floor(Math.log10(max / 5)));
    const ticks = [];
    for (let t = 0; t <= max; t += step) ticks.push(t);
    return ticks;
  }

  /* A deterministic force layout: nodes start on a circle, repel each other, edges pull. */
  /* Fruchterman-Reingold inside a box: nodes start on an ellipse, repel each other, edges
     pull; positions are clamped to the box. Deterministic (no randomness). */
  function forceLayout(count, links, w, h, pad) {
    const cx = w / 2, cy = h / 2;
    if (count === 1) return [{ x: cx, y: cy }];
    const pos = Array.from({ length: count }, (_, i) => {
      const a = (2 * Math.PI * i) / count;
      return { x: cx + Math.cos(a) * (w / 2 - pad), y: cy + Math.sin(a) * (h / 2 - pad), dx: 0, dy: 0 };
    });
    const k = 0.8 * Math.sqrt(((w - 2 * pad) * (h - 2 * pad)) / count);
    const steps = 400;
    for (let step = 0; step < steps; step++) {
      const temp = (w / 8) * (1 - step / steps) + 1;
      for (const p of pos) { p.dx = 0; p.dy = 0; }
      for (let i = 0; i < count; i++) {
        for (let j = i + 1; j < count; j++) {
          let dx = pos[i].x - pos[j].x, dy = pos[i].y - pos[j].y;
          // Two nodes clamped onto the same spot must still push apart: nudge them.
          if (Math.abs(dx) < 0.01 && Math.abs(dy) < 0.01) { dx = i - j; dy = (i - j) / 2; }
          const d = Math.max(Math.hypot(dx, dy), 0.5);
          const f = (k * k) / d / d;
          pos[i].dx += dx * f; pos[i].dy += dy * f;
          pos[j].dx -= dx * f; pos[j].dy -= dy * f;
        }
      }
      for (const [a, b] of links) {
        const dx = pos[a].x - pos[b].x, dy = pos[a].y - pos[b].y;
        const d = Math.max(Math.hypot(dx, dy), 0.5);
        const f = (d / k) * 0.3;  // soft springs: hubs with many edges do not swallow their neighbours
        pos[a].dx -= dx * f; pos[a].dy -= dy * f;
        pos[b].dx += dx * f; pos[b].dy += dy * f;
      }
      for (const p of pos) {
        p.dx -= (p.x - cx) * 0.1; p.dy -= (p.y - cy) * 0.1;  // gravity keeps strays near
        const d = Math.max(Math.hypot(p.dx, p.dy), 0.01);
        const move = Math.min(d, temp);
        p.x = Math.min(w - pad, Math.max(pad, p.x + (p.dx / d) * move));
        p.y = Math.min(h - pad, Math.max(pad, p.y + (p.dy / d) * move));
      }
    }
    return pos.map((p) => ({ x: p.x, y: p.y }));
  }

  /* Each connected component is laid out in its own box, sized by its node count, and the
     boxes are packed in rows, biggest first: many small pairs do not get flung to the frame.
     Returns positions per node and the drawing's height. */
  function layout(nodes, edges, W) {
    const n = nodes.length;
    const index = new Map(nodes.map((node, i) => [node.id, i]));
    const links = edges
      .filter((e) => index.has(e.source) && index.has(e.target) && e.source !== e.target)
      .map((e) => [index.get(e.source), index.get(e.target)]);
    const parent = nodes.map((_, i) => i);
    const find = (i) => (parent[i] === i ? i : (parent[i] = find(parent[i])));
    for (const [a, b] of links) parent[find(a)] = find(b);
    const groups = new Map();
    nodes.forEach((_, i) => {
      const root = find(i);
      if (!groups.has(root)) groups.set(root, []);
      groups.get(root).push(i);
    });
    const comps = [...groups.values()].sort((a, b) => b.length - a.length || a[0] - b[0]);
    const cell = 120, pad = 36, gap = 12, maxW = W - 2 * gap;
    const pos = new Array(n);
    let x = gap, y = gap, rowH = 0, usedW = 0;
    for (const members of comps) {
      const local = new Map(members.map((m, i) => [m, i]));
      const area = members.length * cell * cell;
      const w = Math.min(maxW, Math.max(cell * 1.6, Math.sqrt(area * 1.6)));
      const h = Math.max(cell * 0.9, area / w);
      if (x + w > W - gap + 0.5) { x = gap; y += rowH + gap; rowH = 0; }
      const inner = links.filter(([a]) => local.has(a)).map(([a, b]) => [local.get(a), local.get(b)]);
      forceLayout(members.length, inner, w, h, pad).forEach((p, i) => {
        pos[members[i]] = { x: x + p.x, y: y + p.y };
      });
      x += w + gap;
      usedW = Math.max(usedW, x);
      rowH = Math.max(rowH, h);
    }
    // A small graph would sit in a corner: spread it over the frame (positions only).
    const height = y + rowH + gap;
    const grow = Math.min(W / usedW, 540 / height, 2.5);
    if (grow > 1) {
      const ox = (W - usedW * grow) / 2;
      for (const p of pos) { p.x = ox + p.x * grow; p.y *= grow; }
      return { pos, height: height * grow };
    }
    return { pos, height };
  }

  function dominantQuad(e) {
    let best = "q1";
    for (const q of ["q2", "q3", "q4"]) if ((e[q] || 0) > (e[best] || 0)) best = q;
    return best;
  }

  /* The actor network: nodes link to a search by actor, edges to the dyad page. */
  function network(data, nodeHref, edgeHref) {
    const W = 960;
    const nodes = data.nodes || [], edges = data.edges || [];
    const placed = layout(nodes, edges, W);
    const pos = placed.pos;
    const H = Math.max(320, placed.height);
    const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Actor network" });
    if (!nodes.length) {
      svg.appendChild(s("text", { x: W / 2, y: H / 2, "text-anchor": "middle" }, "No events yet."));
      return svg;
    }
    const defs = s("defs");
    for (const q of ["q1", "q2", "q3", "q4"]) {
      defs.appendChild(s("marker", {
        id: `arrow-${q}`, viewBox: "0 0 10 10", refX: 9, refY: 5, markerUnits: "userSpaceOnUse",
        markerWidth: 12, markerHeight: 12, orient: "auto",
      }, s("path", { d: "M0 0L10 5L0 10z", fill: QUAD_COLORS[q] })));
    }
    svg.appendChild(defs);
    const at = new Map(nodes.map((node, i) => [node.id, pos[i]]));
    const maxEvents = Math.max(1, ...nodes.map((node) => node.events));
    const radius = (node) => 8 + 16 * Math.sqrt(node.events / maxEvents);
    const rOf = new Map(nodes.map((node) => [node.id, radius(node)]));
    const maxTotal = Math.max(1, ...edges.map((e) => e.total));
    const edgeLayer = s("g");
    for (const e of edges) {
      const a = at.get(e.source), b = at.get(e.target);
      if (!a || !b || e.source === e.target) continue;
      const dx = b.x - a.x, dy = b.y - a.y, d = Math.max(Math.hypot(dx, dy), 1);
      const ux = dx / d, uy = dy / d;
      // Bend each direction to its own side so A->B and B->A do not overlap.
      const mx = (a.x + b.x) / 2 - uy * 18, my = (a.y + b.y) / 2 + ux * 18;
      const ra = rOf.get(e.source), rb = rOf.get(e.target);
      const x1 = a.x + ux * ra, y1 = a.y + uy * ra, x2 = b.x - ux * (rb + 2), y2 = b.y - uy * (rb + 2);
      const q = dominantQuad(e);
      const label = `${e.source} → ${e.target}: ${e.total} events (q1 ${e.q1 || 0}, q2 ${e.q2 || 0}, q3 ${e.q3 || 0}, q4 ${e.q4 || 0})`;
      edgeLayer.appendChild(link(edgeHref(e), label, s("path", {
        class: "net-edge", d: `M${x1} ${y1}Q${mx} ${my} ${x2} ${y2}`, fill: "none",
        stroke: QUAD_COLORS[q], "stroke-width": 1.5 + 5 * (e.total / maxTotal), "marker-end": `url(#arrow-${q})`,
      })));
    }
    svg.appendChild(edgeLayer);
    const nodeLayer = s("g");
    nodes.forEach((node) => {
      const p = at.get(node.id);
      const r = rOf.get(node.id);
      const label = `${node.label || node.id} (${node.id}): ${node.events} events`;
      nodeLayer.appendChild(link(nodeHref(node), label, s("g", { class: "net-node" },
        s("circle", { cx: p.x, cy: p.y, r }),
        s("text", { x: p.x, y: p.y + r + 14, "text-anchor": "middle" }, node.label || node.id))));
    });
    svg.appendChild(nodeLayer);
    return svg;
  }

  /* Event places on an equirectangular world (x = lon + 180, y = 90 - lat). */
  function map(places, landPath, placeHref) {
    const svg = s("svg", { viewBox: "0 0 360 180", role: "img", "aria-label": "Map of event places" });
    svg.appendChild(s("rect", { x: 0, y: 0, width: 360, height: 180, fill: "#f3f7fb" }));
    const grid = s("g", { class: "map-grid" });
    for (let lon = 30; lon < 360; lon += 30) grid.appendChild(s("line", { x1: lon, x2: lon, y1: 0, y2: 180 }));
    for (let lat = 30; lat < 180; lat += 30) grid.appendChild(s("line", { x1: 0, x2: 360, y1: lat, y2: lat }));
    svg.appendChild(grid);
    if (landPath) svg.appendChild(s("path", { class: "map-land", d: landPath }));
    const located = places.filter((p) => p.lat != null && p.lon != null);
    const maxEvents = Math.max(1, ...located.map((p) => p.events));
    const layer = s("g");
    for (const p of [...located].sort((a, b) => b.events - a.events)) {
      const x = p.lon + 180, y = 90 - p.lat;
      const r = 1.2 + 3.5 * Math.sqrt(p.events / maxEvents);
      const label = `${p.name}${p.country ? ` (${p.country})` : ""}: ${p.events} event${p.events === 1 ? "" : "s"}`;
      layer.appendChild(link(placeHref(p), label,
        s("circle", { class: "map-point", cx: x, cy: y, r }),
        s("text", { class: "map-label", x: x + r + 0.8, y: y + 1 }, p.name)));
    }
    svg.appendChild(layer);
    return svg;
  }

  return { timeline, network, map, QUAD_COLORS, QUAD_NAMES, total };
})();
