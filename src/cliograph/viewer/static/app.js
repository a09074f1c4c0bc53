// Progressive enhancement only: every view works without scripts.
(function () {
  "use strict";
  // Filter forms in the viewer: a changed select applies at once.
  document.querySelectorAll("form.filters select").forEach(function (select) {
    select.addEventListener("change", function () { select.form.submit(); });
  });
  // In the report (no server): filter table rows in place by a data attribute.
  document.querySelectorAll("select[data-filter-target]").forEach(function (select) {
    select.addEventListener("change", function () {
      var rows = document.querySelectorAll(select.dataset.filterTarget + " tbody tr");
      var shown = 0;
      rows.forEach(function (row) {
        var show = !select.value || row.dataset[select.dataset.filterAttr] === select.value;
        row.hidden = !show;
        if (show) { shown += 1; }
      });
      var count = document.querySelector(select.dataset.filterCount || "#none");
      if (count) { count.textContent = shown + " quotations"; }
    });
  });
})();
