(function () {
  "use strict";
  // Filters, search and blind mode. The page reads only its own DOM; the
  // query string (?hide=0,2&axis=1&voice=quoted&q=word&blind=1) sets the
  // controls, so that a view can be shared as a link.
  var d = document, b = d.body;
  b.classList.add("js");
  function all(sel) { return Array.prototype.slice.call(d.querySelectorAll(sel)); }
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

  // text is an element's words without the outlet names blind mode hides.
  function text(e) {
    if (!b.classList.contains("blind")) return e.textContent;
    var c = e.cloneNode(true);
    Array.prototype.forEach.call(c.querySelectorAll(".o-name,.o-meta"), function (n) { n.remove(); });
    return c.textContent;
  }
  // set gives e the class c when on, touching the DOM only on a change, so
  // that a large report is not restyled for nothing.
  function set(e, c, on) {
    if (e.classList.contains(c) !== on) e.classList.toggle(c, on);
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
      if (on) shown++;
    });
    var words = q.value.trim().toLowerCase(), found = 0;
    all(".q").forEach(function (e) {
      var miss = words !== "" && text(e).toLowerCase().indexOf(words) < 0;
      set(e, "off-q", miss);
      if (!miss) found++;
    });
    var on = b.classList.contains("blind");
    blind.setAttribute("aria-pressed", on ? "true" : "false");
    blind.textContent = on ? "Reveal outlets" : "Blind mode: hide outlets";
    status.textContent = shown + " highlighted terms shown" + (words !== "" ? "; " + found + " passages match \u201c" + q.value.trim() + "\u201d" : "");
  }
  // In a large report the lists of hits in context are made here, from
  // the highlighted articles, when one is opened.
  function fill(ol) {
    if (ol.hasAttribute("data-done")) return;
    ol.setAttribute("data-done", "");
    var t = ol.getAttribute("data-t"), o = ol.getAttribute("data-o");
    all("article[data-of=\"" + o + "\"] mark.t" + t).forEach(function (m) {
      var s = m.closest(".s") || m.parentNode, quoted = m.classList.contains("vq");
      var li = d.createElement("li");
      li.className = "q";
      li.setAttribute("data-vf", quoted ? "quoted" : "narrator");
      li.dir = "auto";
      var c = s.cloneNode(true), ms = s.querySelectorAll("mark"), cs = c.querySelectorAll("mark");
      c.removeAttribute("id");
      c.className = "kwic";
      for (var i = 0; i < ms.length; i++) cs[i].className = ms[i] === m ? "k" : "";
      li.appendChild(c);
      if (s.id) {
        var a = d.createElement("a");
        a.href = "#" + s.id;
        a.textContent = "sentence " + (Number(s.id.split("s").pop()) + 1) + (quoted ? ", quoted" : "");
        li.appendChild(d.createTextNode(" "));
        li.appendChild(a);
      }
      ol.appendChild(li);
    });
  }
  function opened() {
    var e = location.hash.length > 1 && d.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (!e) return;
    var lists = e.classList.contains("lazy") ? [e] : Array.prototype.slice.call(e.querySelectorAll("ol.lazy"));
    if (lists.length === 0) return;
    lists.forEach(fill);
    apply();
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
