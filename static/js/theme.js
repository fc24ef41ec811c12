/* Colour mode: the reader's stored choice, else the system's (prefers-color-scheme).
   The choice lives in localStorage, never in a cookie, so cached pages stay shared. */
(function () {
  "use strict";
  var KEY = "compass-theme";
  var root = document.documentElement;
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function stored() {
    try {
      var value = window.localStorage.getItem(KEY);
      return value === "dark" || value === "light" ? value : null;
    } catch (e) {
      return null; // storage disabled: follow the system
    }
  }

  function wanted() {
    return stored() || (media && media.matches ? "dark" : "light");
  }

  function apply(mode) {
    root.setAttribute("data-bs-theme", mode);
    var button = document.getElementById("theme-toggle");
    if (button) {
      button.setAttribute("aria-pressed", mode === "dark" ? "true" : "false");
    }
  }

  apply(wanted());
  if (media && media.addEventListener) {
    media.addEventListener("change", function () { apply(wanted()); });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var button = document.getElementById("theme-toggle");
    if (!button) {
      return;
    }
    button.hidden = false;
    apply(wanted());
    button.addEventListener("click", function () {
      var next = root.getAttribute("data-bs-theme") === "dark" ? "light" : "dark";
      try {
        window.localStorage.setItem(KEY, next);
      } catch (e) {
        /* not stored: the choice lasts for this page only */
      }
      apply(next);
    });
  });
})();
