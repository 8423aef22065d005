/* Markdown preview in the admin: "Update preview" re-renders the text typed so far.
   The server renders and sanitises (projects/backoffice/markdown_preview.py); the first preview is already in the page. */
"use strict";
(function () {
  function setUp(preview) {
    var textarea = document.getElementById(preview.dataset.fieldId);
    var button = preview.querySelector(".markdown-preview__update");
    var status = preview.querySelector(".markdown-preview__status");
    var body = preview.querySelector(".markdown-preview__body");
    if (!textarea || !button || !preview.dataset.previewUrl) {
      return;
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      var data = new FormData();
      data.append("text", textarea.value);
      button.disabled = true;
      status.textContent = "";
      window.betterAdmin
        .post(preview, preview.dataset.previewUrl, data)
        .then(function (result) {
          if (!result.ok) {
            status.textContent = result.json.error || preview.dataset.errorText;
            return;
          }
          if (result.json.html) {
            window.betterAdmin.showHtml(body, result.json.html);
          } else {
            var empty = document.createElement("p");
            empty.className = "markdown-preview__empty";
            empty.textContent = preview.dataset.emptyText;
            body.replaceChildren(empty);
          }
        })
        .catch(function () {
          status.textContent = preview.dataset.errorText;
        })
        .finally(function () {
          button.disabled = false;
        });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".markdown-preview").forEach(setUp);
  });
})();
