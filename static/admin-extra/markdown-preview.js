/* Markdown preview in the admin: "Update preview" re-renders the text typed so far.
   The server renders and sanitises (projects/admin_markdown.py); the first preview is already in the page. */
"use strict";
(function () {
  function csrfToken(element) {
    var form = element.closest("form");
    var input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

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
      fetch(preview.dataset.previewUrl, {
        method: "POST",
        body: data,
        credentials: "same-origin",
        headers: { "X-CSRFToken": csrfToken(preview) },
      })
        .then(function (response) {
          return response.json().then(function (json) {
            return { ok: response.ok, json: json };
          });
        })
        .then(function (result) {
          if (!result.ok) {
            status.textContent = result.json.error || preview.dataset.errorText;
            return;
          }
          if (result.json.html) {
            var output = document.createElement("div");
            output.className = "markdown-preview__output prose";
            // Sanitised by the server with the public pages' allow-list (nh3).
            output.innerHTML = result.json.html;
            body.replaceChildren(output);
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
