/*
 * Follows a background import on its admin page (templates/admin/jobs/importjob/job.html).
 *
 * Without this script the page reloads itself (a meta refresh inside <noscript>). With
 * it, the job's JSON status (data-status-url) is read every second: the progress bar,
 * the rows done and the phase are updated in place, and the status line, a polite live
 * region, changes only when the status or phase does, so screen readers announce each
 * step once. When the job stops running (preview ready, saved, failed, cancelled) the
 * page's body is fetched again and replaces the old one.
 */
(function () {
  "use strict";

  var INTERVAL = 1000;
  var RETRY = 3000;
  var root = document.querySelector(".import-job[data-status-url]");
  if (!root || root.getAttribute("data-running") !== "true" || !window.fetch) {
    return;
  }
  var statusUrl = root.getAttribute("data-status-url");
  var live = document.getElementById("import-job-status");

  function setText(selector, text) {
    var element = root.querySelector(selector);
    if (element && element.textContent !== text) {
      element.textContent = text;
    }
  }

  function show(state) {
    var bar = document.getElementById("import-progress");
    if (bar) {
      if (state.total) {
        bar.max = state.total;
        bar.value = state.done;
      } else {
        bar.removeAttribute("value");
      }
      bar.textContent = state.progress_text;
    }
    setText("[data-job-progress-text]", state.progress_text);
    setText("[data-job-phase]", state.phase_label || state.status_label);
    setText("[data-job-status]", state.status_label);
    var hint = root.querySelector("[data-job-hint]");
    if (hint) {
      hint.textContent = state.hint;
      hint.hidden = !state.hint;
    }
    if (live && live.textContent !== state.announcement) {
      live.textContent = state.announcement;
    }
  }

  function replaceBody() {
    return fetch(window.location.pathname, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.text();
      })
      .then(function (html) {
        var page = new DOMParser().parseFromString(html, "text/html");
        var fresh = page.getElementById("import-job-body");
        var current = document.getElementById("import-job-body");
        if (fresh && current) {
          current.replaceWith(document.importNode(fresh, true));
        }
        var announcement = page.getElementById("import-job-status");
        if (live && announcement) {
          live.textContent = announcement.textContent;
        }
        root.setAttribute("data-running", "false");
      });
  }

  function poll() {
    fetch(statusUrl, {
      credentials: "same-origin",
      headers: { Accept: "application/json" },
    })
      .then(function (response) {
        if (response.status === 403 || response.status === 404) {
          return null; // logged out, or the job is gone: stop following
        }
        if (!response.ok) {
          throw new Error("HTTP " + response.status);
        }
        return response.json();
      })
      .then(function (state) {
        if (!state) {
          return;
        }
        show(state);
        if (state.running) {
          window.setTimeout(poll, INTERVAL);
        } else {
          replaceBody().catch(function () {
            window.location.reload();
          });
        }
      })
      .catch(function () {
        window.setTimeout(poll, RETRY);
      });
  }

  window.setTimeout(poll, INTERVAL);
})();
