// The "Copy the reply" buttons on the triage page. Without JavaScript the reply can still be selected by hand.
(function () {
  function show(root) {
    root.querySelectorAll("button.copy[hidden]").forEach(function (button) { button.hidden = false; });
  }
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.copy");
    if (!button) return;
    var box = document.getElementById(button.dataset.copy);
    var status = button.nextElementSibling;
    var done = function () { if (status) status.textContent = "Copied"; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(box.value).then(done, function () { box.select(); document.execCommand("copy"); done(); });
    } else {
      box.select(); document.execCommand("copy"); done();
    }
  });
  document.addEventListener("DOMContentLoaded", function () { show(document); });
  document.addEventListener("htmx:afterSettle", function () { show(document); });
})();
