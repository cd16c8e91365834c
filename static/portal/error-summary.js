// Move focus to a form's error summary when the page shows one, so screen readers read the
// errors first (a file, not an inline script: the Content-Security-Policy allows no inline code).
// A page that puts focus on a field itself (autofocus: the paper-entry serial) keeps it there.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary && !document.querySelector("[autofocus]")) { summary.focus(); }
});
