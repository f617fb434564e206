/* docparse review page: figure tooltips, check evidence highlighting, figure kinds on/off. */
(function () {
  "use strict";
  var tip = document.getElementById("tip");
  var table = null;
  var names = ["kind", "value", "role", "where", "qualifier", "unit from"];
  /* what is known of figure i (its mark is #m<i>): read from the page's figure table on first use */
  function figure(i) {
    if (table === null) table = JSON.parse(document.getElementById("figures").textContent);
    var row = table[i];
    if (!row) return null;
    var out = {};
    names.forEach(function (name, k) { if (row[k]) out[name] = row[k]; });
    return out;
  }
  window.docparseFigure = figure;
  document.addEventListener("mouseover", function (ev) {
    var m = ev.target.closest ? ev.target.closest("mark.fig") : null;
    if (!m || !m.id) { tip.hidden = true; return; }
    var info = figure(+m.id.slice(1)) || {};
    tip.textContent = ["value", "kind", "role", "qualifier", "unit from", "where"]
      .filter(function (k) { return info[k]; })
      .map(function (k) { return k + ": " + info[k]; }).join("\n");
    var box = m.getBoundingClientRect();
    tip.style.left = Math.min(box.left, window.innerWidth - 370) + "px";
    tip.style.top = (box.bottom + 6) + "px";
    tip.hidden = false;
  });
  var lit = [];
  function highlight(ids, status) {
    lit.forEach(function (m) { m.classList.remove("hl", "hl-pass", "hl-unknown"); });
    lit = [];
    ids.forEach(function (id) {
      var m = document.getElementById(id);
      if (!m) return;
      m.classList.add("hl");
      if (status && status !== "fail") m.classList.add("hl-" + status);
      lit.push(m);
    });
    if (lit.length) lit[0].scrollIntoView({ block: "center" });
    return lit.length;
  }
  window.docparseHighlight = highlight;
  document.addEventListener("click", function (ev) {
    var link = ev.target.closest ? ev.target.closest("a.to, button.show") : null;
    if (!link) return;
    var check = link.closest(".check");
    var ids = (link.getAttribute("data-marks") || (check && check.getAttribute("data-marks")) || "")
      .split(" ").filter(Boolean);
    document.querySelectorAll(".check.active").forEach(function (c) { c.classList.remove("active"); });
    if (check) check.classList.add("active");
    var status = check ? check.className.replace(/.*st-(\w+).*/, "$1") : "fail";
    if (highlight(ids, status)) ev.preventDefault();
  });
  document.querySelectorAll(".legend input[data-kind]").forEach(function (box) {
    box.addEventListener("change", function () {
      document.body.classList.toggle("hide-" + box.getAttribute("data-kind"), !box.checked);
    });
  });
})();
