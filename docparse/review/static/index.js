/* docparse review index: sort by any column, filter by text and status. */
(function () {
  "use strict";
  var table = document.querySelector("table.reports");
  var body = table.tBodies[0];
  var search = document.getElementById("filter");
  var statusBox = document.getElementById("status");
  var shown = document.getElementById("shown");
  function value(row, col, numeric) {
    var text = row.cells[col].getAttribute("data-sort") || row.cells[col].textContent.trim();
    if (!numeric) return text;
    var n = parseFloat(text);
    return isNaN(n) ? -Infinity : n;
  }
  table.tHead.querySelectorAll("th").forEach(function (th, col) {
    th.addEventListener("click", function () {
      var numeric = th.getAttribute("data-type") === "number";
      var ascending = th.getAttribute("aria-sort") !== "ascending";
      table.tHead.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = value(a, col, numeric), y = value(b, col, numeric);
        var c = numeric ? x - y : String(x).localeCompare(String(y), "zh-CN");
        return ascending ? c : -c;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
  function filter() {
    var words = search.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var wanted = statusBox.value;
    var n = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      var text = row.textContent.toLowerCase();
      var ok = (!wanted || row.getAttribute("data-status") === wanted) &&
        words.every(function (w) { return text.indexOf(w) >= 0; });
      row.hidden = !ok;
      if (ok) n += 1;
    });
    shown.textContent = n;
  }
  search.addEventListener("input", filter);
  statusBox.addEventListener("change", filter);
  filter();
})();
