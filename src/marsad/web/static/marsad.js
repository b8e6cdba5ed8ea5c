/* marsad dashboard: charts with Plotly (served by this server) and the "code a text" page.
   Everything the pages show is built with textContent, never as HTML. */
(function () {
  "use strict";
  var QUAD_COLOURS = { 1: "#5aae61", 2: "#1b7837", 3: "#d6604d", 4: "#b2182b" };
  var QUAD_NAMES = {
    1: "verbal cooperation", 2: "material cooperation",
    3: "verbal conflict", 4: "material conflict"
  };
  var KINDS = ["clause", "trigger", "actor", "recipient", "date", "place"];
  var CONFIG = { displaylogo: false, responsive: true };

  function pageData() {
    var el = document.getElementById("page-data");
    return el ? JSON.parse(el.textContent) : null;
  }
  function ready() { document.body.setAttribute("data-ready", "1"); }
  function el(tag, cls, text) {
    var node = document.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }

  function timeline(data) {
    var x = data.points.map(function (p) { return p.period; });
    var traces = [1, 2, 3, 4].map(function (q) {
      return {
        type: "bar", name: QUAD_NAMES[q], x: x, marker: { color: QUAD_COLOURS[q] },
        y: data.points.map(function (p) { return p.quad[String(q)]; })
      };
    });
    traces.push({
      type: "scatter", mode: "lines+markers", name: "mean PLOVER score", x: x, yaxis: "y2",
      y: data.points.map(function (p) { return p.score_mean; }), line: { color: "#333" }
    });
    var title = data.a + (data.b ? " \u2194 " + data.b : "") + " by " + data.interval;
    return Plotly.newPlot("chart", traces, {
      title: { text: title }, barmode: "stack", margin: { t: 40, r: 60 },
      yaxis: { title: { text: "events" } },
      yaxis2: { title: { text: "mean score" }, overlaying: "y", side: "right", range: [-10, 10] },
      xaxis: { type: "category" }, legend: { orientation: "h" }
    }, CONFIG);
  }

  function network(data) {
    var pos = {};
    data.nodes.forEach(function (n) { pos[n.id] = n; });
    var heaviest = Math.max.apply(null, data.edges.map(function (e) { return e.weight; }).concat([1]));
    var traces = data.edges.map(function (e) {
      var a = pos[e.source], b = pos[e.target];
      return {
        type: "scatter", mode: "lines", hoverinfo: "text", showlegend: false,
        x: [a.x, b.x], y: [a.y, b.y],
        text: e.source + " \u2192 " + e.target + ": " + e.weight + " events",
        line: { width: 1 + 7 * e.weight / heaviest, color: QUAD_COLOURS[e.main_quad] }
      };
    });
    var biggest = Math.max.apply(null, data.nodes.map(function (n) { return n.weight; }).concat([1]));
    traces.push({
      type: "scatter", mode: "markers+text", name: "actors", showlegend: false,
      x: data.nodes.map(function (n) { return n.x; }), y: data.nodes.map(function (n) { return n.y; }),
      text: data.nodes.map(function (n) { return n.id; }), textposition: "top center",
      hovertext: data.nodes.map(function (n) { return n.id + ": " + n.weight + " events"; }),
      hoverinfo: "text",
      marker: {
        color: "#2c5d8a",
        size: data.nodes.map(function (n) { return 10 + 30 * Math.sqrt(n.weight / biggest); })
      }
    });
    var arrows = data.edges.slice(0, 150).map(function (e) {
      var a = pos[e.source], b = pos[e.target];
      return {
        x: a.x + 0.8 * (b.x - a.x), y: a.y + 0.8 * (b.y - a.y), ax: a.x, ay: a.y,
        xref: "x", yref: "y", axref: "x", ayref: "y", text: "", showarrow: true,
        arrowhead: 2, arrowsize: 1, arrowwidth: 1, arrowcolor: QUAD_COLOURS[e.main_quad], opacity: 0.6
      };
    });
    var axis = { visible: false, range: [-1.25, 1.25] };
    return Plotly.newPlot("chart", traces, {
      margin: { t: 10, l: 10, r: 10, b: 10 }, xaxis: axis,
      yaxis: { visible: false, range: [-1.25, 1.25], scaleanchor: "x" },
      annotations: arrows, hovermode: "closest"
    }, CONFIG).then(function (chart) {
      chart.on("plotly_click", function (ev) {
        var p = ev.points[0];
        if (p && p.data.name === "actors") { window.location = "/events?country=" + p.text; }
      });
    });
  }

  function outline(world) {
    var lon = [], lat = [];
    world.features.forEach(function (f) {
      var polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      polys.forEach(function (poly) {
        poly.forEach(function (ring) {
          ring.forEach(function (pt) { lon.push(pt[0]); lat.push(pt[1]); });
          lon.push(null); lat.push(null);
        });
      });
    });
    return {
      type: "scatter", mode: "lines", x: lon, y: lat, fill: "toself", fillcolor: "#eeeeea",
      line: { color: "#9a9a90", width: 0.6 }, hoverinfo: "skip", showlegend: false, name: "world"
    };
  }

  function mapPage(data) {
    return fetch("/static/world.json").then(function (r) { return r.json(); }).then(function (world) {
      var traces = [outline(world)];
      [1, 2, 3, 4].forEach(function (q) {
        var items = data.items.filter(function (i) { return i.quad_code === q; });
        if (!items.length) { return; }
        traces.push({
          type: "scatter", mode: "markers", name: QUAD_NAMES[q],
          x: items.map(function (i) { return i.lon; }), y: items.map(function (i) { return i.lat; }),
          customdata: items.map(function (i) { return i.id; }),
          text: items.map(function (i) {
            return i.event + " " + (i.date || "") + " \u00b7 " + (i.resolved_place || i.extracted_place) +
              " \u00b7 " + (i.actor_code || "?") + " \u2192 " + (i.recipient_code || "-");
          }),
          hoverinfo: "text", marker: { color: QUAD_COLOURS[q], size: 9, line: { color: "#fff", width: 1 } }
        });
      });
      return Plotly.newPlot("chart", traces, {
        margin: { t: 10, l: 30, r: 10, b: 30 }, hovermode: "closest",
        xaxis: { range: [-180, 180], zeroline: false, showgrid: false },
        yaxis: { range: [-60, 85], scaleanchor: "x", zeroline: false, showgrid: false },
        legend: { orientation: "h" }
      }, CONFIG);
    }).then(function (chart) {
      chart.on("plotly_click", function (ev) {
        var p = ev.points[0];
        if (p && p.customdata) { window.location = "/events/" + p.customdata; }
      });
    });
  }

  function highlighted(text, marks) {
    var cuts = [0, text.length];
    marks.forEach(function (m) { cuts.push(m.start, m.end); });
    cuts = cuts.filter(function (c, i, all) { return all.indexOf(c) === i; }).sort(function (a, b) { return a - b; });
    var box = el("div", "article");
    box.dir = "rtl"; box.lang = "ar";
    for (var i = 0; i + 1 < cuts.length; i++) {
      var s = cuts[i], e = cuts[i + 1], piece = text.slice(s, e);
      var covering = marks.filter(function (m) { return m.start <= s && e <= m.end; });
      if (!covering.length) { box.appendChild(document.createTextNode(piece)); continue; }
      var kinds = KINDS.filter(function (k) { return covering.some(function (m) { return m.kind === k; }); });
      var span = el("span", kinds.map(function (k) { return "hl-" + k; }).join(" "), piece);
      span.setAttribute("data-kinds", kinds.join(" "));
      span.title = covering.filter(function (m) { return m.kind !== "clause"; })
        .map(function (m) { return m.label; }).join(", ");
      box.appendChild(span);
    }
    return box;
  }

  function showCoded(text, result, out) {
    out.textContent = "";
    var head = el("p", "summary", result.events.length + " events");
    head.id = "code-count";
    out.appendChild(head);
    result.events.forEach(function (ev) {
      var card = el("section", "coded-event");
      var parties = function (list) {
        return list.map(function (a) { return (a.code || "?") + (a.sector ? "/" + a.sector : ""); }).join("; ");
      };
      card.appendChild(el("h2", null, ev.event + (ev.mode ? " / " + ev.mode : "") + " \u00b7 " +
        (ev.date || "undated") + " \u00b7 " + parties(ev.actor) + " \u2192 " + (parties(ev.recipient) || "-")));
      var cols = el("div", "columns article-columns");
      cols.appendChild(highlighted(text, ev.marks));
      var panel = el("aside", "panel");
      var dl = el("dl");
      ev.decisions.forEach(function (d) {
        var dt = el("dt", "decision-" + d.what, d.what + ": " + (d.value || "-") + (d.text ? " \u00ab" + d.text + "\u00bb" : ""));
        var dd = el("dd", null, (d.method ? "[" + d.method + "] " : "") + (d.reason || ""));
        dd.dir = "auto";
        dl.appendChild(dt); dl.appendChild(dd);
      });
      panel.appendChild(dl);
      cols.appendChild(panel);
      card.appendChild(cols);
      out.appendChild(card);
    });
    if (result.errors.length) { out.appendChild(el("p", "error", "stages that failed: " + result.errors.join("; "))); }
  }

  function codePage() {
    var form = document.getElementById("code-form");
    var status = document.getElementById("code-status");
    var out = document.getElementById("code-results");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var text = document.getElementById("code-text").value;
      var date = document.getElementById("code-date").value.trim();
      status.textContent = "coding\u2026";
      document.body.removeAttribute("data-ready");
      fetch("/api/code", {
        method: "POST", headers: { "content-type": "application/json" },
        body: JSON.stringify(date ? { text: text, date: date } : { text: text })
      }).then(function (r) {
        return r.json().then(function (body) { return { ok: r.ok, body: body }; });
      }).then(function (res) {
        if (!res.ok) { status.textContent = "error: " + (res.body.error || "failed"); out.textContent = ""; return; }
        status.textContent = "";
        showCoded(text, res.body, out);
      }).catch(function (err) { status.textContent = "error: " + err; })
        .then(ready);
    });
    ready();
  }

  var pages = { timeline: timeline, network: network, map: mapPage };
  document.addEventListener("DOMContentLoaded", function () {
    var page = document.body.getAttribute("data-page");
    if (page === "code") { codePage(); return; }
    var data = pageData();
    if (pages[page] && data && typeof Plotly !== "undefined") {
      Promise.resolve(pages[page](data)).then(ready, function (err) {
        document.body.setAttribute("data-error", String(err)); ready();
      });
    } else {
      ready();
    }
  });
})();
