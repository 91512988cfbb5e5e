(function () {
  "use strict";
  // Filters, search and blind mode. The page reads only its own DOM and
  // data; the query string (?hide=0,2&axis=1&voice=quoted&q=word&blind=1)
  // sets the controls, so that a view can be shared as a link.
  var d = document, b = d.body;
  b.classList.add("js");
  function all(sel, root) { return Array.prototype.slice.call((root || d).querySelectorAll(sel)); }
  var boxes = all("input[data-oc]");
  var axis = d.getElementById("f-axis"), voice = d.getElementById("f-voice");
  var q = d.getElementById("f-q"), blind = d.getElementById("f-blind");
  var status = d.getElementById("f-status");
  var params = new URLSearchParams(location.search);
  var hide = (params.get("hide") || "").split(",");
  boxes.forEach(function (c) { if (hide.indexOf(c.getAttribute("data-oc")) >= 0) c.checked = false; });
  if (params.has("axis")) axis.value = params.get("axis");
  if (params.has("voice")) voice.value = params.get("voice");
  if (params.has("q")) q.value = params.get("q");
  if (params.has("blind")) b.classList.toggle("blind", params.get("blind") === "1");

  // A large report carries its articles as data (see data.go): an index,
  // and chunks of gzipped JSON in URL base64, each unpacked on first need.
  var indexEl = d.getElementById("index"), large = !!indexEl;
  var ix = large ? JSON.parse(indexEl.textContent) : null;
  var QUOTED = 1, DISTANCED = 2, HIDDEN = 4, HIT = 7; // flags; numbers per hit
  var arts = [], sections = [], chunks = [];
  // chunk returns a promise of chunk c, unpacked into arts and sections.
  function chunk(c) {
    if (chunks[c]) return chunks[c];
    var src = d.querySelector("script[data-c=\"" + c + "\"]");
    var text = src.textContent.trim(), bytes;
    if (Uint8Array.fromBase64) {
      bytes = Uint8Array.fromBase64(text, { alphabet: "base64url" });
    } else {
      var bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
      bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    }
    var raw = new ReadableStream({ start: function (ctl) { ctl.enqueue(bytes); ctl.close(); } });
    chunks[c] = new Response(raw.pipeThrough(new DecompressionStream("gzip"))).text().then(function (json) {
      var data = JSON.parse(json);
      (data.i || []).forEach(function (a, i) { arts[a] = data.a[i]; });
      (data.e || []).forEach(function (e, i) { sections[e] = data.m[i]; });
    });
    chunks[c].catch(failed);
    return chunks[c];
  }
  var everything = null, complete = false;
  function unpackAll() {
    if (!everything) {
      var all = [];
      for (var c = 0; c < ix.c; c++) all.push(chunk(c));
      everything = Promise.all(all).then(function () { complete = true; });
    }
    return everything;
  }
  function failed(err) {
    status.textContent = "This browser could not unpack the articles (" + err + "); the counts, terms and glossary are all here.";
  }

  function el(tag, cls, txt) {
    var e = d.createElement(tag);
    if (cls) e.className = cls;
    if (txt !== undefined) e.textContent = txt;
    return e;
  }
  function add(parent, child) { parent.appendChild(typeof child === "string" ? d.createTextNode(child) : child); return child; }
  function plural(n, noun) { return n === 1 ? "1 " + noun : n + " " + noun + "s"; }
  function outlet(i) {
    var s = el("span", "o"), n = add(s, el("span", "o-name", ix.o[i][0]));
    n.dir = "auto";
    add(s, el("span", "o-blind", ix.o[i][1]));
    return s;
  }
  function markClass(h, k) {
    var f = h[k + 3];
    return ix.r[h[k + 2]] + " t" + h[k + 2] + (f & QUOTED ? " vq" : "") + (f & DISTANCED ? " dist" : "");
  }
  // article builds article i as the page of a small report writes it.
  function article(i) {
    var a = arts[i], id = "a" + i;
    var art = el("article", "art q");
    art.id = id;
    art.setAttribute("data-of", a.o);
    art.setAttribute("aria-labelledby", id + "-t");
    var head = add(art, el("header")), src = add(head, el("p", "src"));
    add(src, outlet(a.o));
    if (a.p) add(src, " · primary source");
    var h4 = add(head, el("h4", "", a.t || "(no title)"));
    h4.id = id + "-t";
    h4.dir = "auto";
    var meta = add(head, el("p", "meta", a.d || "undated"));
    if (a.au) { add(meta, " · "); add(meta, el("span", "", a.au)).dir = "auto"; }
    add(meta, " · " + plural(a.w, "word") + " · " + plural(a.h.length / HIT, "framing term"));
    if (a.u) {
      var link = add(add(head, el("p", "url o-meta")), el("a", "", a.u));
      link.href = a.u;
      link.rel = "noopener noreferrer nofollow";
    } else if (a.ru) {
      add(head, el("p", "url o-meta", a.ru));
    }
    var body = add(art, el("div", "body")), h = a.h, x = a.x, k = 0;
    // k walks the marked hits as the writer's segments do
    function next() { while (k < h.length && h[k + 3] & HIDDEN) k += HIT; }
    a.b.forEach(function (para) {
      var p = add(body, el("p"));
      p.dir = "auto";
      for (var j = 0; j < para.length; j += 3) {
        var from = para[j], to = para[j + 1], sent = para[j + 2], into = p;
        if (sent >= 0) { into = add(p, el("span", "s")); into.id = id + "s" + sent; }
        for (next(); k < h.length && h[k] < from; next()) k += HIT;
        var at = from;
        for (; k < h.length && h[k + 1] <= to; next()) {
          if (at < h[k]) add(into, x.slice(at, h[k]));
          add(into, el("mark", markClass(h, k), x.slice(h[k], h[k + 1])));
          at = h[k + 1];
          k += HIT;
        }
        if (at < to) add(into, x.slice(at, to));
      }
    });
    return art;
  }
  function side(into, list) {
    list.forEach(function (i) { add(into, article(i)); });
  }
  // build returns a promise of event e's section (or, for -1, the articles
  // of no event), built once.
  var built = [];
  function build(e) {
    if (e < 0) {
      var fold = d.querySelector("details[data-u]");
      if (!fold.hasAttribute("data-done")) {
        fold.setAttribute("data-done", "");
        var list = [], cs = {};
        ix.ae.forEach(function (ev, a) { if (ev < 0) { list.push(a); cs[ix.ac[a]] = true; } });
        built[-1] = Promise.all(Object.keys(cs).map(function (c) { return chunk(Number(c)); })).then(function () {
          side(add(fold, el("div", "side")), list);
          apply();
        });
      }
      fold.open = true;
      return built[-1];
    }
    if (!built[e]) {
      built[e] = chunk(ix.ec[e]).then(function () {
        // the writer's own markup for the section, escaped as in a small
        // report; the articles are built here
        var t = d.createElement("template");
        t.innerHTML = sections[e];
        var sec = t.content.firstElementChild, list = [];
        ix.ae.forEach(function (ev, a) { if (ev === e) list.push(a); });
        side(sec.querySelector(".side"), list);
        sec.setAttribute("data-n", e);
        var box = d.getElementById("built"), after = null;
        for (var c = box.firstElementChild; c && !after; c = c.nextElementSibling) {
          if (Number(c.getAttribute("data-n")) > e) after = c;
        }
        box.insertBefore(sec, after);
        apply();
      });
    }
    return built[e];
  }
  var fold = d.querySelector("details[data-u]");
  if (large && fold) {
    fold.addEventListener("toggle", function () { if (fold.open) build(-1); });
  }

  // Hits in context, as framing.HitContext shows them: the context the
  // report keeps (a.h[k + 5] to a.h[k + 6]), white space squeezed, "…"
  // where the hit's sentence (or paragraph) goes on.
  var space = /[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
  function squeeze(s) { return s.replace(space, " "); }
  function kwic(a, i, k) {
    var x = a.x, start = a.h[k], end = a.h[k + 1], s = a.h[k + 4], ss = a.s;
    var cs = a.h[k + 5], ce = a.h[k + 6];
    var lo = 0, hi = x.length, known = s >= 0 && s < ss.length / 2;
    if (known && ss[2 * s] <= start && end <= ss[2 * s + 1]) { lo = ss[2 * s]; hi = ss[2 * s + 1]; }
    if (lo === 0 && hi === x.length) {
      var p = start >= 2 ? x.lastIndexOf("\n\n", start - 2) : -1;
      if (p >= 0) lo = p + 2;
      p = x.indexOf("\n\n", end);
      if (p >= 0) hi = p;
    }
    var quoted = a.h[k + 3] & QUOTED;
    var li = el("li", "q");
    li.setAttribute("data-vf", quoted ? "quoted" : "narrator");
    li.dir = "auto";
    var left = squeeze(x.slice(cs, start)), right = squeeze(x.slice(end, ce));
    if (cs > lo) left = "\u2026" + left;
    if (ce < hi && x.slice(ce, hi).replace(space, "") !== "") right += "\u2026";
    var c = add(li, el("span", "kwic", left));
    add(c, el("mark", "k", squeeze(x.slice(start, end))));
    add(c, right);
    add(li, " ");
    var to = add(li, el("a", "", "sentence " + (s + 1) + (quoted ? ", quoted" : "")));
    to.href = "#a" + i + (known ? "s" + s : "");
    return li;
  }
  // term builds, once, the boxes of term t's hits by each outlet, each
  // with an empty list that fill fills.
  function term(t) {
    var sec = d.getElementById("t" + t);
    if (!sec || sec.hasAttribute("data-built") || !ix.rh[t]) return;
    sec.setAttribute("data-built", "");
    for (var k = 0; k < ix.rh[t].length; k += 2) {
      var o = ix.rh[t][k], box = add(sec, el("div", "kwo")), h5 = add(box, el("h5"));
      box.id = "t" + t + "o" + o;
      box.setAttribute("data-of", o);
      add(h5, outlet(o));
      add(h5, " \u00b7 " + ix.rh[t][k + 1]);
      var ol = add(box, el("ol", "lazy"));
      ol.setAttribute("data-t", t);
      ol.setAttribute("data-o", o);
    }
  }
  // fill lists the hits of one term by one outlet, in article order.
  function fill(ol) {
    if (ol.hasAttribute("data-done")) return Promise.resolve();
    ol.setAttribute("data-done", "");
    var t = Number(ol.getAttribute("data-t")), o = Number(ol.getAttribute("data-o"));
    return unpackAll().then(function () {
      arts.forEach(function (a, i) {
        if (a.o !== o) return;
        for (var k = 0; k < a.h.length; k += HIT) {
          if (a.h[k + 2] === t) add(ol, kwic(a, i, k));
        }
      });
    });
  }

  // text is an element's words without the outlet names blind mode hides.
  function text(e) {
    if (!b.classList.contains("blind")) return e.textContent;
    var c = e.cloneNode(true);
    all(".o-name,.o-meta", c).forEach(function (n) { n.remove(); });
    return c.textContent;
  }
  // set gives e the class c when on, touching the DOM only on a change, so
  // that a large report is not restyled for nothing.
  function set(e, c, on) {
    if (e.classList.contains(c) !== on) e.classList.toggle(c, on);
  }
  // A large report's overview lists its events a page at a time: those
  // that match the search, or all.
  var evList = d.querySelector("ol.events"), evNote = d.querySelector(".more-events");
  var evIds = large ? ix.ev.map(function (e, i) { return i; }) : null, evLimit = 100;
  function listEvents(ids) {
    var same = ids.length === evIds.length && ids.every(function (x, i) { return x === evIds[i]; });
    if (!same) {
      evIds = ids;
      evLimit = 100;
    }
    var n = Math.min(ids.length, evLimit);
    if (!same || evList.childElementCount !== n) {
      var items = [];
      ids.slice(0, n).forEach(function (i) {
        var e = ix.ev[i], li = el("li"), a = add(li, el("a", "", e[0]));
        a.href = "#e" + i;
        a.dir = "auto";
        add(li, " \u00b7 " + e[1] + " \u00b7 " + plural(e[2], "article") + " from " + plural(e[3], "outlet"));
        items.push(li);
      });
      evList.replaceChildren.apply(evList, items);
    }
    if (!evNote) return;
    evNote.textContent = plural(n, "event") + " of " + ids.length + (ids.length < ix.ev.length ? " that match" : "") + " listed. ";
    if (n < ids.length) {
      var more = add(evNote, el("button", "", "List " + Math.min(100, ids.length - n) + " more"));
      more.type = "button";
      more.addEventListener("click", function () {
        evLimit += 100;
        listEvents(evIds);
        var next = evList.children[evLimit - 100];
        if (next) next.querySelector("a").focus();
      });
    }
  }

  // holds reports whether article a's outlet, title, date, author or text
  // holds the words: the article's own header and text, searched in place
  // rather than copied in lower case, as 5,000 articles would double the
  // memory the page holds.
  function holds(a, re, blind) {
    return (!blind && re.test(ix.o[a.o][0])) || re.test(ix.o[a.o][1]) || re.test(a.t || "(no title)") ||
      re.test(a.d || "undated") || re.test(a.au || "") || re.test(a.x);
  }
  function apply() {
    var off = {};
    boxes.forEach(function (c) { if (!c.checked) off[c.getAttribute("data-oc")] = true; });
    all("[data-of]").forEach(function (e) {
      var hidden = e.getAttribute("data-of").split(" ").some(function (o) { return off[o]; });
      set(e, "off-o", hidden);
    });
    var ax = axis.value, v = voice.value;
    all("[data-af]").forEach(function (e) { set(e, "off-a", ax !== "" && e.getAttribute("data-af") !== ax); });
    all("[data-vf]").forEach(function (e) { set(e, "off-v", v !== "" && e.getAttribute("data-vf") !== v); });
    var shown = 0;
    var axisClass = new RegExp("(^| )a" + ax + "p");
    all("mark.h").forEach(function (m) {
      var mv = m.classList.contains("vq") ? "quoted" : "narrator";
      var on = (ax === "" || axisClass.test(m.className)) && (v === "" || mv === v);
      set(m, "mute", !on);
      if (on && !large) shown++;
    });
    if (large) {
      // count what is in the data, built or not
      ix.n.forEach(function (n, i) {
        if (ax === "" || String(i) === ax) shown += (v !== "quoted" ? n[0] : 0) + (v !== "narrator" ? n[1] : 0);
      });
    }
    var words = q.value.trim().toLowerCase(), found = 0, waiting = false;
    all(".q").forEach(function (e) {
      var miss = words !== "" && text(e).toLowerCase().indexOf(words) < 0;
      set(e, "off-q", miss);
      if (!miss && !(large && e.tagName === "ARTICLE")) found++;
    });
    if (large) {
      // search every article, built or not; an event none of whose
      // articles matches is left out of the list of events
      var match = {};
      if (words !== "" && !complete) {
        waiting = true;
        unpackAll().then(apply);
      } else if (words !== "") {
        var re = new RegExp(words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i"), hidden = b.classList.contains("blind");
        arts.forEach(function (a, i) {
          if (holds(a, re, hidden)) { match[ix.ae[i]] = true; found++; }
        });
      }
      var searching = words !== "" && !waiting;
      all("#built>section").forEach(function (e) { set(e, "off-q", searching && !match[e.getAttribute("data-n")]); });
      if (evList) listEvents(ix.ev.map(function (e, i) { return i; }).filter(function (i) { return !searching || match[i]; }));
    }
    var on = b.classList.contains("blind");
    blind.setAttribute("aria-pressed", on ? "true" : "false");
    blind.textContent = on ? "Reveal outlets" : "Blind mode: hide outlets";
    status.textContent = waiting ? "Unpacking the articles to search them\u2026" : shown + " highlighted terms shown" + (words !== "" ? "; " + found + " passages match \u201c" + q.value.trim() + "\u201d" : "");
  }
  // opened builds what the address points into: an event, the articles
  // of no event, a list of hits in context; then shows the element.
  function opened() {
    if (location.hash.length < 2) return;
    var id = decodeURIComponent(location.hash.slice(1)), m;
    if (large && (m = /^t(\d+)(o\d+)?$/.exec(id))) term(Number(m[1]));
    var e = d.getElementById(id);
    var wait = Promise.resolve();
    if (large && !e && (m = /^a(\d+)/.exec(id)) && ix.ae[Number(m[1])] !== undefined) {
      wait = build(ix.ae[Number(m[1])]);
    } else if (large && !e && (m = /^e(\d+)/.exec(id)) && ix.ec[Number(m[1])] !== undefined) {
      wait = build(Number(m[1]));
    } else if (e) {
      var lists = e.classList.contains("lazy") ? [e] : all("ol.lazy", e);
      if (lists.length) wait = Promise.all(lists.map(fill)).then(apply);
    }
    wait.then(function () {
      var t = d.getElementById(id);
      if (!t || t === d.querySelector(":target")) return;
      // built after the browser looked for it: mark and show it by hand
      all(".target").forEach(function (x) { x.classList.remove("target"); });
      t.classList.add("target");
      t.scrollIntoView();
      if (t.tagName === "SECTION") t.focus({ preventScroll: true });
    });
  }
  window.addEventListener("hashchange", opened);
  boxes.forEach(function (c) { c.addEventListener("change", apply); });
  axis.addEventListener("change", apply);
  voice.addEventListener("change", apply);
  var typing;
  q.addEventListener("input", function () { clearTimeout(typing); typing = setTimeout(apply, 150); });
  blind.addEventListener("click", function () { b.classList.toggle("blind"); apply(); });
  d.getElementById("f-reset").addEventListener("click", function () {
    boxes.forEach(function (c) { c.checked = true; });
    axis.value = ""; voice.value = ""; q.value = "";
    apply();
  });
  d.getElementById("filters").addEventListener("submit", function (e) { e.preventDefault(); });
  apply();
  opened();
})();
