/* What the admin's Markdown preview and "Tidy pasted text" share: a CSRF-checked POST of form data
   to a staff endpoint, and placing the server's sanitised HTML into a preview. */
"use strict";
window.betterAdmin = (function () {
  function csrfToken(element) {
    var form = element.closest("form");
    var input = form && form.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  /* Resolves to {ok, json}: the endpoints answer JSON, with an "error" on a refusal. */
  function post(element, url, data) {
    return fetch(url, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(element) },
    }).then(function (response) {
      return response.json().then(function (json) {
        return { ok: response.ok, json: json };
      });
    });
  }

  function showHtml(body, html) {
    var output = document.createElement("div");
    output.className = "markdown-preview__output prose";
    // Sanitised by the server with the public pages' allow-list (nh3).
    output.innerHTML = html;
    body.replaceChildren(output);
  }

  return { post: post, showHtml: showHtml };
})();
