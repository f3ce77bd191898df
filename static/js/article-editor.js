/*
 * The article body editor in the admin (django-prose-editor): its menu in the admin's
 * language and spellcheck on, in Dutch.
 *
 * The editor's dialogs translate themselves through window.gettext (Django's JavaScript
 * catalog, loaded before this file); its menu buttons have fixed English titles and
 * labels, which this file translates with the same catalog
 * (locale/nl/LC_MESSAGES/djangojs.po), also when the editor draws its menu later. The
 * body is Dutch whatever the admin's language, so the browser checks it as Dutch. The
 * editable body is named by the field's label and described by its help text.
 */
(function () {
  "use strict";

  var translate = window.gettext || function (text) { return text; };

  function translateAttribute(element, name) {
    var text = element.getAttribute(name);
    var translated = text && translate(text);
    if (translated && translated !== text) {
      element.setAttribute(name, translated);
    }
  }

  function translateMenu(container) {
    container.querySelectorAll(".prose-menubar [title], .prose-menubar [aria-label]").forEach(function (element) {
      translateAttribute(element, "title");
      translateAttribute(element, "aria-label");
    });
    container.querySelectorAll(".prose-menubar__option > *").forEach(function (label) {
      var translated = translate(label.textContent);
      if (translated !== label.textContent) {
        label.textContent = translated;
      }
    });
  }

  // The editable body replaces the textarea for assistive technology: it takes over
  // the textarea's label as its name and its help text as its description.
  function nameLikeTextarea(dom, textarea) {
    var label = textarea && textarea.id && document.querySelector('label[for="' + textarea.id + '"]');
    if (label) {
      label.id = label.id || textarea.id + "_label";
      dom.setAttribute("aria-labelledby", label.id);
    }
    var description = textarea && textarea.getAttribute("aria-describedby");
    if (description) {
      dom.setAttribute("aria-describedby", description);
    }
    dom.setAttribute("aria-multiline", "true");
  }

  document.addEventListener("prose-editor:ready", function (event) {
    var dom = event.detail.editor.view.dom;
    dom.setAttribute("spellcheck", "true");
    dom.setAttribute("lang", "nl");
    nameLikeTextarea(dom, event.detail.textarea);
    var container = dom.closest(".prose-editor") || dom.parentElement;
    translateMenu(container);
    new MutationObserver(function () { translateMenu(container); }).observe(container, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ["title", "aria-label"],
    });
  });
})();
