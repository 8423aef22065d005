/* "Tidy pasted text" in the admin: the server tidies the body (projects/backoffice/tidy_admin.py),
   the tidied Markdown goes into the field and its rendering into the preview; nothing is saved. */
"use strict";
(function () {
  function setUp(textarea) {
    var field = textarea.closest(".markdown-field");
    var preview = field && field.querySelector(".markdown-preview");
    var bar = preview && preview.querySelector(".markdown-preview__bar");
    if (!bar) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button tidy-text__button";
    button.textContent = textarea.dataset.tidyLabel;
    var status = document.createElement("span");
    status.className = "tidy-text__status";
    status.setAttribute("role", "status");
    bar.append(" ", button, " ", status);

    button.addEventListener("click", function () {
      var title = document.getElementById(textarea.dataset.tidyTitleField);
      var data = new FormData();
      data.append("text", textarea.value);
      data.append("language", textarea.dataset.tidyLanguage);
      data.append("title", title ? title.value : "");
      button.disabled = true;
      status.textContent = "";
      window.betterAdmin
        .post(textarea, textarea.dataset.tidyUrl, data)
        .then(function (result) {
          if (!result.ok) {
            status.textContent = result.json.error || textarea.dataset.tidyError;
            return;
          }
          textarea.value = result.json.body;
          // Typing listeners (unsaved-changes warnings) learn of the change as of any edit.
          textarea.dispatchEvent(new Event("input", { bubbles: true }));
          if (title && !title.value.trim() && result.json.title) {
            title.value = result.json.title;
            title.dispatchEvent(new Event("input", { bubbles: true }));
          }
          window.betterAdmin.showHtml(preview.querySelector(".markdown-preview__body"), result.json.html);
          status.textContent = result.json.message;
        })
        .catch(function () {
          status.textContent = textarea.dataset.tidyError;
        })
        .finally(function () {
          button.disabled = false;
        });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("textarea[data-tidy-url]").forEach(setUp);
  });
})();
