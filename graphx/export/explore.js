// graphx explorer: reading a large graph (issue 18). Runs after panel.html's script, which
// exposes graphxData, graphxApplyFilters, graphxShowNode/Edge and the hooks used here.
// Document text is untrusted: it only ever reaches the page through textContent.
(function () {
  "use strict";
  window.graphxExplorer = true;  // the panel leaves graphxReady to the first pass below
  var DATA = window.graphxData;
  function el(tag, text, cls) { var e = document.createElement(tag); if (text != null) e.textContent = String(text); if (cls) e.className = cls; return e; }
  function label(id) { return (DATA.nodes[id] || {}).label || id; }
  var body = network.body;

  // ---- 1. Every click opens what is under the pointer. vis-network measures a curved edge's
  // distance to the curve between the two nodes' centres (and only up to 90 % of it), not to the
  // curve it draws between their borders: a click on one edge could open a neighbour. Edges are
  // hit here on the drawn curve, nearest first, within a few pixels of its stroke.
  function segDist(a, b, p) {
    var dx = b.x - a.x, dy = b.y - a.y, l2 = dx * dx + dy * dy;
    var t = l2 ? Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / l2)) : 0;
    var x = a.x + t * dx - p.x, y = a.y + t * dy - p.y;
    return Math.sqrt(x * x + y * y);
  }
  var STEPS = 64;  // chords this short stay within a few hundredths of a pixel of the curve
  function curveDist(e, p, limit) {
    var type = e.edgeType, from = type.fromPoint, to = type.toPoint;
    if (!from || !to || e.from === e.to) return type.getDistanceToEdge(e.from.x, e.from.y, e.to.x, e.to.y, p.x, p.y);
    // a quadratic curve lies inside the triangle of its ends and control point: most edges stop here
    var via = type.via && type.via.x !== undefined ? type.via : (type._getViaCoordinates ? type._getViaCoordinates() : null);
    var xs = [from.x, to.x], ys = [from.y, to.y];
    if (via && via.x !== undefined) { xs.push(via.x); ys.push(via.y); }
    if (p.x < Math.min.apply(null, xs) - limit || p.x > Math.max.apply(null, xs) + limit ||
        p.y < Math.min.apply(null, ys) - limit || p.y > Math.max.apply(null, ys) + limit) return Infinity;
    var prev = type.getPoint(0), best = Infinity;
    for (var k = 1; k <= STEPS; k++) {
      var q = type.getPoint(k / STEPS);
      best = Math.min(best, segDist(prev, q, p));
      prev = q;
    }
    return best;
  }
  function edgeAtCanvas(p) {
    var scale = network.getScale(), tol = 5 / scale, best = null, bestD = Infinity;
    var ids = body.edgeIndices;
    for (var i = 0; i < ids.length; i++) {
      var e = body.edges[ids[i]];
      if (!e || !e.connected || e.options.hidden) continue;
      var limit = tol + (e.options.width || 1) / 2;
      var d = curveDist(e, p, limit);
      if (d <= limit && d < bestD) { best = ids[i]; bestD = d; }
    }
    return best;
  }
  var handler = network.selectionHandler;
  if (handler && typeof handler.getEdgeAt === "function") {
    handler.getEdgeAt = function (pointer, returnEdge) {
      var id = edgeAtCanvas(network.DOMtoCanvas(pointer));
      if (id === null) return undefined;
      return returnEdge === false ? id : body.edges[id];
    };
  }
  window.graphxEdgeAt = function (domPoint) { return edgeAtCanvas(network.DOMtoCanvas(domPoint)); };

  // ---- 2. Focus: an actor and its k-hop neighbourhood; the rest dimmed, or hidden.
  var adjacent = {};
  Object.keys(DATA.edges).forEach(function (id) {
    var e = DATA.edges[id];
    (adjacent[e.source] = adjacent[e.source] || []).push(e.target);
    (adjacent[e.target] = adjacent[e.target] || []).push(e.source);
  });
  var focus = null, inFocus = null;
  function neighbourhood(id, k) {
    var seen = {}, frontier = [id];
    seen[id] = 0;
    for (var step = 1; step <= k; step++) {
      var next = [];
      frontier.forEach(function (n) {
        (adjacent[n] || []).forEach(function (m) { if (!(m in seen)) { seen[m] = step; next.push(m); } });
      });
      frontier = next;
    }
    return seen;
  }
  var bar = document.getElementById("gx-bar");
  var focusBox = el("div", null, "gx-focus"); focusBox.id = "gx-focus"; focusBox.hidden = true;
  var focusText = el("span"), focusClear = el("button", "show all");
  focusClear.type = "button"; focusClear.id = "gx-focus-clear";
  focusBox.appendChild(focusText); focusBox.appendChild(document.createTextNode(" ")); focusBox.appendChild(focusClear);
  bar.insertBefore(focusBox, document.getElementById("gx-search-msg").nextSibling);
  // Shown alone, a neighbourhood is laid out in rings (the actor at the centre, then each hop)
  // so that it can be read whatever the whole map looks like; the map comes back as it was.
  var saved = null;
  function rings() {
    if (!saved) saved = network.getPositions();
    var byHop = [];
    Object.keys(inFocus).forEach(function (n) { if (body.nodes[n]) (byHop[inFocus[n]] = byHop[inFocus[n]] || []).push(n); });
    var radius = 0;
    byHop.forEach(function (list, hop) {
      if (!list) return;
      list.sort(function (a, b) { return label(a) < label(b) ? -1 : label(a) > label(b) ? 1 : 0; });
      radius = hop === 0 ? 0 : Math.max(radius + 160, list.length * 70 / (2 * Math.PI));
      list.forEach(function (n, i) {
        var angle = 2 * Math.PI * i / list.length - Math.PI / 2;
        network.moveNode(n, radius * Math.cos(angle), radius * Math.sin(angle));
      });
    });
  }
  function unrings() {
    if (!saved) return;
    Object.keys(saved).forEach(function (n) { if (body.nodes[n]) network.moveNode(n, saved[n].x, saved[n].y); });
    saved = null;
  }
  function setFocus(id, k, hide) {
    var hideChanged = !!(focus && focus.hide) !== !!hide;
    focus = id ? {id: id, k: k, hide: !!hide} : null;
    inFocus = id ? neighbourhood(id, k) : null;
    if (focus && focus.hide) { unrings(); rings(); } else unrings();
    window.graphxNodeFilter = focus && focus.hide ? function (n) { return n in inFocus; } : null;
    focusBox.hidden = !focus;
    // (the label as a bidi isolate, as the panel shows every text of the reports and the tables)
    if (focus) focusText.textContent = "Showing " + window.graphxIso(label(id)) + " and " + (Object.keys(inFocus).length - 1) +
      " actor(s) within " + k + " hop(s)" + (hide ? "; the rest hidden." : "; the rest dimmed.");
    if (hideChanged || (focus && focus.hide)) window.graphxApplyFilters(); else restyleSoon(0);
  }
  window.graphxFocus = function (id, k, hide) { setFocus(id, k || 1, hide); };
  window.graphxClearFocus = function () { setFocus(null); };
  focusClear.addEventListener("click", function () { setFocus(null); });
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape" && focus) setFocus(null); });
  window.graphxNodeCard = function (id) {
    var box = el("div", null, "gx-meta gx-hood");
    box.appendChild(document.createTextNode("Neighbourhood: "));
    var hide = el("input"); hide.type = "checkbox"; hide.className = "gx-hood-hide";
    hide.checked = !!(focus && focus.hide);
    [1, 2, 3].forEach(function (k) {
      var b = el("button", k + " hop" + (k > 1 ? "s" : ""), "gx-hood-k"); b.type = "button"; b.setAttribute("data-hops", k);
      b.addEventListener("click", function () {
        setFocus(id, k, hide.checked);
        network.fit({nodes: Object.keys(inFocus).filter(function (n) { return body.nodes[n]; }), animation: false});
        restyleSoon(0);
      });
      box.appendChild(b); box.appendChild(document.createTextNode(" "));
    });
    var lab = el("label"); lab.appendChild(hide); lab.appendChild(document.createTextNode(" hide the rest"));
    hide.addEventListener("change", function () { if (focus && focus.id === id) setFocus(id, focus.k, hide.checked); });
    box.appendChild(lab);
    return box;
  };

  // ---- 3. Folding people into the state or organisation they represent.
  var groups = DATA.groups || {}, members = {};
  Object.keys(groups).forEach(function (p) { (members[groups[p]] = members[groups[p]] || []).push(p); });
  var foldSet = el("fieldset"), foldLabel = el("label"), foldBox = el("input");
  foldSet.appendChild(el("legend", "Groups"));
  foldBox.type = "checkbox"; foldBox.id = "gx-fold";
  foldLabel.appendChild(foldBox);
  foldLabel.appendChild(document.createTextNode(" fold people into their state or group (" + Object.keys(members).length + ")"));
  foldSet.appendChild(foldLabel);
  var kindsSet = document.getElementById("gx-kinds").parentNode;
  kindsSet.parentNode.insertBefore(foldSet, kindsSet);
  var folded = [];
  function fold() {
    var shown = {};
    nodes.get({filter: function (n) { return !n.hidden; }, fields: ["id"]}).forEach(function (n) { shown[n.id] = true; });
    Object.keys(members).sort().forEach(function (g) {
      var inside = members[g].filter(function (p) { return shown[p]; });
      if (!shown[g] || !inside.length) return;
      var kind = DATA.kinds[(DATA.nodes[g] || {}).kind] || {};
      var cid = "group:" + g;
      network.cluster({
        joinCondition: function (o) { return o.id === g || (groups[o.id] === g && shown[o.id]); },
        clusterNodeProperties: {id: cid, label: label(g) + " +" + inside.length, shape: kind.shape || "dot",
                                color: kind.color, size: 30, borderWidth: 3, title: window.graphxIso(label(g)) + " and " + inside.length +
                                " person(s) who represent it: " + inside.map(label).join(", ")}
      }, false);
      folded.push(cid);
    });
    body.emitter.emit("_dataChanged");
  }
  function unfold() {
    folded.forEach(function (cid) { if (network.isCluster(cid)) network.openCluster(cid, {releaseFunction: null}); });
    folded = [];
  }
  window.graphxBeforeFilters = function () { if (folded.length) unfold(); };
  window.graphxAfterFilters = function () { if (foldBox.checked) fold(); restyleSoon(0); };
  foldBox.addEventListener("change", function () { window.graphxApplyFilters(); });
  network.on("click", function (p) {  // a folded group or an edge to it: show what is inside
    var nid = p.nodes[0], eid = p.edges[0];
    if (nid && String(nid).indexOf("group:") === 0) {
      var g = String(nid).slice(6);
      window.graphxShowNode(g);
      var list = el("div", "Folded here: " + (members[g] || []).map(label).join(", ") +
                    " (untick \u201cfold people\u201d to see them)", "gx-meta gx-folded");
      var panelBody = document.getElementById("gx-body");
      panelBody.insertBefore(list, panelBody.children[2] || null);
    } else if (!nid && eid && !DATA.edges[eid] && network.clustering.getBaseEdges) {
      var base = network.clustering.getBaseEdges(eid).filter(function (b) { return DATA.edges[b]; });
      if (base.length) window.graphxShowEdge(base[0]);
    }
  });

  // ---- 4. A time slider over the days the evidence speaks of: the map up to a day.
  var toBox = document.getElementById("gx-date-to"), fromBox = document.getElementById("gx-date-from");
  var days = {};
  Object.keys(DATA.edges).forEach(function (id) {
    var e = DATA.edges[id];
    (e.dates || []).forEach(function (d) {
      if (!d) return;
      var m = /^(\d{4})(-\d{2})?(-\d{2})?$/.exec(d);
      if (m) days[m[1] + (m[2] || "-01") + (m[3] || "-01")] = true;
    });
    if (e.last) days[e.last] = true;
  });
  var dayList = Object.keys(days).sort();
  if (dayList.length > 1) {
    var slideLabel = el("label", null, "gx-time"), slider = el("input"), when = el("span", null, "gx-time-value");
    slider.type = "range"; slider.id = "gx-time"; slider.min = 0; slider.max = dayList.length - 1; slider.step = 1;
    slider.value = dayList.length - 1; slider.setAttribute("aria-label", "show the evidence up to this day");
    slideLabel.appendChild(document.createTextNode("time: up to "));
    slideLabel.appendChild(when); slideLabel.appendChild(slider);
    when.textContent = dayList[dayList.length - 1];
    toBox.parentNode.parentNode.insertBefore(slideLabel, toBox.parentNode.nextSibling);
    slider.addEventListener("input", function () {
      var day = dayList[Number(slider.value)];
      when.textContent = day;
      if (fromBox.value && fromBox.value > day) fromBox.value = dayList[0];
      toBox.value = day;
      toBox.dispatchEvent(new Event("input"));
    });
    toBox.addEventListener("change", function () {  // typed in the box: the slider follows
      var i = dayList.filter(function (d) { return d <= toBox.value; }).length - 1;
      slider.value = Math.max(0, i); when.textContent = toBox.value;
    });
  }

  // ---- 5. Labels that do not overlap, and the dimming of what is out of focus.
  // Labels are drawn at a fixed screen size; most mentioned (and focused) actors first, and a
  // label is shown only where it overlaps none already placed. Recomputed after every zoom, pan
  // and filter change, so zooming in shows more of them.
  var FONT_PX = 13, PAD = 3, measure = document.createElement("canvas").getContext("2d"), widths = {};
  measure.font = FONT_PX + "px arial";
  var nodeState = {}, edgeState = {}, edgeColor = {};
  Object.keys(DATA.nodes).forEach(function (n) { nodeState[n] = "0"; });  // drawn with no label
  edges.get({fields: ["id", "color"]}).forEach(function (e) { edgeColor[e.id] = e.color; });
  function textWidth(s) { return widths[s] === undefined ? (widths[s] = measure.measureText(s).width) : widths[s]; }
  function restyle() {
    var scale = network.getScale(), fontSize = FONT_PX / scale;
    var canvas = network.canvas.frame.canvas, W = canvas.clientWidth, H = canvas.clientHeight;
    var selected = {};
    network.getSelectedNodes().forEach(function (n) { selected[n] = true; });
    var ids = body.nodeIndices.filter(function (n) { var o = body.nodes[n]; return o && !o.options.hidden; });
    function rank(n) {
      return [inFocus && n === (focus || {}).id ? 0 : selected[n] ? 1 : String(n).indexOf("group:") === 0 ? 2 :
              inFocus && n in inFocus ? 3 : 4, -((DATA.nodes[n] || {}).mentions || 0)];
    }
    var ranks = {};
    ids.forEach(function (n) { ranks[n] = rank(n); });
    ids.sort(function (a, b) { return ranks[a][0] - ranks[b][0] || ranks[a][1] - ranks[b][1] || (a < b ? -1 : a > b ? 1 : 0); });
    var grid = {}, CELL = 64, nUp = [];
    function cells(b, add) {
      for (var gx = Math.floor(b[0] / CELL); gx <= Math.floor(b[2] / CELL); gx++) {
        for (var gy = Math.floor(b[1] / CELL); gy <= Math.floor(b[3] / CELL); gy++) {
          var key = gx + ":" + gy, list = grid[key];
          if (add) { (grid[key] = list || []).push(b); continue; }
          if (list) for (var i = 0; i < list.length; i++) {
            var o = list[i];
            if (o[4] !== b[4] && b[0] < o[2] && o[0] < b[2] && b[1] < o[3] && o[1] < b[3]) { blocked[b[4]] = o[4]; return false; }
          }
        }
      }
      return true;
    }
    var blocked = window.graphxLabelBlocked = {};  // actor -> the one whose label or shape took its place
    // In order of importance, each label takes its place if it overlaps no label placed before
    // it and no more important actor's shape (boxes: [left, top, right, bottom, owner]).
    ids.forEach(function (n) {
      var node = body.nodes[n], data = DATA.nodes[n];
      var full = data ? String(data.label) : String(node.options.label || "");
      var p = network.canvasToDOM({x: node.x, y: node.y}), r = (node.options.size || 10) * scale;
      // vis-network draws the label under the shape (its top about 0.7 font sizes below the
      // edge); where that place is taken, above the shape (moved up with font.vadjust)
      var w = textWidth(full) + 2 * PAD, h = FONT_PX * 1.2 + PAD, under = p.y + r + 0.6 * FONT_PX;
      var places = [[under, 0], [p.y - r - 1.3 * FONT_PX - PAD, -(2 * r + 1.9 * FONT_PX) / scale]];
      var show = false, vadjust = 0;
      for (var k = 0; k < places.length && !show && full; k++) {
        var box = [p.x - w / 2, places[k][0], p.x + w / 2, places[k][0] + h, n];
        if (box[2] > 0 && box[0] < W && box[3] > 0 && box[1] < H && cells(box, false)) {
          cells(box, true); show = true; vadjust = places[k][1];
        }
      }
      cells([p.x - r, p.y - r, p.x + r, p.y + r, n], true);
      if (!data) return;  // a folded group: its label stays
      var dim = !!inFocus && !(n in inFocus);
      var key = (show ? "1" + fontSize.toFixed(4) + ":" + vadjust.toFixed(2) : "0") + (dim ? "d" : "");
      if (nodeState[n] === key) return;
      nodeState[n] = key;
      nUp.push({id: n, label: show ? full : "", opacity: dim ? 0.2 : 1,
                font: {size: fontSize, vadjust: vadjust, color: dim ? "rgba(52,52,52,0.3)" : "#343434"}});
    });
    var eUp = [];
    Object.keys(DATA.edges).forEach(function (id) {
      var e = DATA.edges[id], dim = !!inFocus && !(e.source in inFocus && e.target in inFocus);
      if ((edgeState[id] || false) === dim) return;
      edgeState[id] = dim;
      var c = edgeColor[id];
      eUp.push({id: id, color: dim ? {color: c, highlight: c, hover: c, opacity: 0.12} : c});
    });
    if (nUp.length) nodes.update(nUp);
    if (eUp.length) edges.update(eUp);
    window.graphxLabels = (window.graphxLabels || 0) + 1;  // passes done (tests wait for one)
  }
  var timer = null;
  function restyleSoon(delay) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(function () { timer = null; restyle(); }, delay === undefined ? 120 : delay);
  }
  window.graphxRestyle = restyle;
  ["zoom", "dragEnd", "animationFinished", "resize"].forEach(function (ev) { network.on(ev, function () { restyleSoon(); }); });
  function first() {
    window.graphxDropLoadingBar();  // (nothing may lie over the map once it is ready)
    restyle();
    // ready once the frame with the labels is drawn (the next animation frame but one)
    requestAnimationFrame(function () {
      requestAnimationFrame(function () { window.graphxReadyAt = performance.now(); window.graphxReady = true; });
    });
  }
  // The first pass waits for the layout: a large graph comes laid out (no physics); a small one
  // settles first (vis-network may finish a tiny graph before this script listens, so every
  // frame drawn after that also asks)
  var started = false;
  function start() { if (!started) { started = true; setTimeout(first, 0); } }
  network.once("stabilizationIterationsDone", start);
  network.on("afterDrawing", function settled() {
    if (!network.physics.options.enabled || network.physics.stabilized) { network.off("afterDrawing", settled); start(); }
  });
})();
