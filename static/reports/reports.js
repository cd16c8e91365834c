// servq reports: progress polling on a build page, live preview in the template editor.
// Both pages work without this script (meta refresh; a "預覽" button that posts the form).
(function () {
  "use strict";

  var progress = document.getElementById("build-progress");
  if (progress && progress.dataset.finished === "false") {
    var poll = function () {
      fetch(progress.dataset.statusUrl, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (status) {
          progress.querySelector("[data-field=status_label]").textContent = status.status_label;
          progress.querySelector("[data-field=progress]").value = status.progress;
          progress.querySelector("[data-field=percent]").textContent = status.progress + "%";
          progress.querySelector("[data-field=note]").textContent = status.note;
          if (status.finished) { window.location.reload(); } else { window.setTimeout(poll, 1500); }
        })
        .catch(function () { window.setTimeout(poll, 5000); });
    };
    window.setTimeout(poll, 1000);
  }

  var form = document.getElementById("template-form");
  if (!form) { return; }
  var source = form.querySelector("textarea[name=source]");
  var errorsBox = document.getElementById("preview-errors");
  var checksBox = document.getElementById("preview-checks");
  var documentBox = document.getElementById("preview-document");
  var timer = null;
  var sequence = 0;

  function list(items, text) {
    var ol = document.createElement("ol");
    items.forEach(function (item) {
      var li = document.createElement("li");
      if (item.line) {
        var a = document.createElement("a");
        a.href = "#id_source";
        a.dataset.line = item.line;
        a.dataset.column = item.column;
        a.textContent = text(item);
        li.appendChild(a);
      } else {
        li.textContent = text(item);
      }
      ol.appendChild(li);
    });
    return ol;
  }

  function show(result) {
    errorsBox.textContent = "";
    checksBox.textContent = "";
    if (result.errors && result.errors.length) {
      var box = document.createElement("div");
      box.className = "errors";
      box.setAttribute("role", "alert");
      box.appendChild(document.createTextNode("範本有 " + result.errors.length + " 個錯誤，無法儲存："));
      box.appendChild(list(result.errors, function (e) { return e.text; }));
      errorsBox.appendChild(box);
      return;
    }
    if (result.checks && result.checks.length) {
      var warn = document.createElement("div");
      warn.className = "warnings";
      warn.appendChild(document.createTextNode("發布前檢查：" + result.checks.length + " 項警示"));
      warn.appendChild(list(result.checks, function (c) { return c.message; }));
      checksBox.appendChild(warn);
    }
    // The HTML comes from servq's own renderer, which escapes every text it writes.
    documentBox.innerHTML = result.html;
  }

  function refresh() {
    var mine = ++sequence;
    var data = new FormData(form);
    data.set("action", "preview");
    fetch(form.dataset.previewUrl, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (result) { if (mine === sequence && !result.form_errors) { show(result); } })
      .catch(function () { /* the preview button still works */ });
  }

  form.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 800);
  });
  form.addEventListener("submit", function (event) {
    if (event.submitter && event.submitter.value === "preview") {
      event.preventDefault();
      refresh();
    }
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[data-line]");
    if (!link) { return; }
    event.preventDefault();
    var lines = source.value.split("\n");
    var line = parseInt(link.dataset.line, 10), column = parseInt(link.dataset.column, 10);
    var offset = 0;
    for (var i = 0; i < line - 1 && i < lines.length; i++) { offset += lines[i].length + 1; }
    offset += Math.max(column - 1, 0);
    source.focus();
    source.setSelectionRange(offset, offset);
    var lineHeight = parseFloat(window.getComputedStyle(source).lineHeight) || 20;
    source.scrollTop = Math.max(0, (line - 5) * lineHeight);
  });
})();
