/*
 * Spinewise web-ui: the little the pages need from JavaScript. No inline script anywhere
 * (the Content-Security-Policy forbids it); everything works without this file except the
 * hold timer, the rep counter and in-place updates. Working offline is offline.js and outbox.js.
 */
(function () {
  'use strict';

  // --- htmx: swap error answers too (they carry a readable message), and reload on an ended session ---
  function configureHtmx() {
    if (!window.htmx) { return; }
    htmx.config.responseHandling = [
      { code: '204', swap: false },
      { code: '499', swap: false, error: true },
      { code: '[23]..', swap: true },
      { code: '[45]..', swap: true, error: false }
    ];
    document.body.addEventListener('htmx:beforeSwap', function (event) {
      if (event.detail.xhr && event.detail.xhr.status === 499) {
        // the session ended: a full page load goes through the login page and back
        event.detail.shouldSwap = false;
        window.location.reload();
      }
    });
    document.body.addEventListener('htmx:beforeRequest', function (event) {
      var form = event.detail.elt;
      if (offline() && offline().isCheckOff(form) && navigator.onLine === false && offline().keep(form)) {
        event.preventDefault();
      }
    });
    document.body.addEventListener('htmx:sendError', function (event) {
      if (offline() && offline().isCheckOff(event.detail.elt) && offline().keep(event.detail.elt)) { return; }
      showFlash('The connection dropped. Your answers are still on the page: try again.');
    });
  }

  /** offline.js: the check-off form's outbox, when that file is loaded. */
  function offline() {
    return window.SpinewiseOffline;
  }

  function showFlash(text, kind) {
    var flash = document.getElementById('flash');
    if (!flash) { return; }
    flash.innerHTML = '';
    var div = document.createElement('div');
    div.className = 'notice ' + (kind || 'error');
    div.setAttribute('role', 'alert');
    div.textContent = text;
    flash.appendChild(div);
  }

  // --- hold timer: counts down one hold; start/pause/reset; the seconds held go into the form ---
  function formatSeconds(s) {
    var m = Math.floor(s / 60);
    var r = s % 60;
    return m > 0 ? m + ':' + (r < 10 ? '0' : '') + r : s + ' s';
  }

  function setupTimer(box) {
    if (box.dataset.ready) { return; }
    box.dataset.ready = '1';
    box.hidden = false;
    var total = parseInt(box.dataset.seconds, 10) || 30;
    var left = total;
    var held = 0;
    var tick = null;
    var display = box.querySelector('.timer-display');
    var toggle = box.querySelector('[data-action="toggle"]');
    var reset = box.querySelector('[data-action="reset"]');
    var announce = box.querySelector('[data-announce]');
    var field = document.getElementById(box.dataset.field);
    // the page's words for the buttons and announcements, in the patient's language
    var words = {
      start: box.dataset.start || 'Start hold', resume: box.dataset.resume || 'Resume',
      pause: box.dataset.pause || 'Pause', again: box.dataset.again || 'Hold again',
      started: box.dataset.started || 'Hold started: ' + total + ' seconds.',
      complete: box.dataset.complete || 'Hold complete. Release slowly.'
    };

    function render() {
      display.textContent = formatSeconds(left);
      box.classList.toggle('running', tick !== null);
      box.classList.toggle('finished', left === 0);
    }
    function stop() {
      if (tick !== null) { clearInterval(tick); tick = null; }
      toggle.textContent = left === 0 ? words.again : (left < total ? words.resume : words.start);
      render();
    }
    function finish() {
      stop();
      if (announce) { announce.textContent = words.complete; }
      if (navigator.vibrate) { navigator.vibrate([200, 100, 200]); }
      var card = box.closest('.exercise-card');
      var done = card && card.querySelector('input[name="done"]');
      if (done) { done.checked = true; }
    }
    toggle.addEventListener('click', function () {
      if (tick !== null) { stop(); return; }
      if (left === 0) { left = total; }
      if (announce) { announce.textContent = words.started; }
      tick = setInterval(function () {
        left = Math.max(0, left - 1);
        held += 1;
        if (field) { field.value = String(Math.min(held, 3600)); }
        if (left === 0) { finish(); } else { render(); }
      }, 1000);
      toggle.textContent = words.pause;
      render();
    });
    reset.addEventListener('click', function () {
      if (tick !== null) { clearInterval(tick); tick = null; }
      left = total;
      toggle.textContent = words.start;
      render();
    });
    render();
  }

  // --- rep counter: + and − with large targets; the count goes into the form ---
  function setupCounter(box) {
    if (box.dataset.ready) { return; }
    box.dataset.ready = '1';
    box.hidden = false;
    var target = parseInt(box.dataset.target, 10) || 0;
    var count = 0;
    var out = box.querySelector('[data-count]');
    var field = document.getElementById(box.dataset.field);
    function render() {
      out.textContent = String(count);
      if (field) { field.value = count > 0 ? String(count) : ''; }
      box.classList.toggle('finished', target > 0 && count >= target);
      if (target > 0 && count >= target) {
        var card = box.closest('.exercise-card');
        var done = card && card.querySelector('input[name="done"]');
        if (done) { done.checked = true; }
      }
    }
    box.querySelector('[data-action="plus"]').addEventListener('click', function () {
      count = Math.min(count + 1, 1000); render();
    });
    box.querySelector('[data-action="minus"]').addEventListener('click', function () {
      count = Math.max(count - 1, 0); render();
    });
    render();
  }

  // --- prescription form: remove an item row; move the focus to a message that htmx put in ---
  function onClick(event) {
    var remove = event.target.closest('[data-remove-row]');
    if (remove) {
      var row = remove.closest('[data-row]');
      if (row) {
        var list = row.parentElement;
        row.remove();
        var next = list && list.querySelector('input, select, button');
        if (next) { next.focus(); }
      }
    }
    var print = event.target.closest('[data-print]');
    if (print) { window.print(); }
  }

  // --- date fields: a browser without a date picker shows a plain text box (and reports the
  // field's type as "text"); only there is the YYYY-MM-DD hint shown, a picker shows its own format ---
  function explainDateField(input) {
    if (input.type === 'date') { return; }
    var hint = document.getElementById(input.dataset.dateHint);
    if (!hint || !hint.hidden) { return; }
    hint.hidden = false;
    var described = input.getAttribute('aria-describedby');
    input.setAttribute('aria-describedby', described ? described + ' ' + hint.id : hint.id);
  }

  // --- time zone: the device knows where it is; the button picks that zone (adding it when the
  // list lacks it). Without script, or without Intl, the button stays hidden and the list works ---
  function offerDeviceTimeZone(button) {
    var zone = window.Intl && Intl.DateTimeFormat().resolvedOptions().timeZone;
    var select = document.getElementById(button.dataset.deviceTimeZone);
    if (!zone || !select) { return; }
    button.hidden = false;
    button.addEventListener('click', function () {
      var option = Array.prototype.find.call(select.options, function (o) { return o.value === zone; });
      if (!option) {
        option = new Option(zone, zone);
        select.insertBefore(option, select.firstChild);
      }
      select.value = zone;
      select.focus();
    });
  }

  function enhance(root) {
    root.querySelectorAll('input[data-date-hint]').forEach(explainDateField);
    root.querySelectorAll('button[data-device-time-zone]').forEach(offerDeviceTimeZone);
    root.querySelectorAll('[data-timer]').forEach(setupTimer);
    root.querySelectorAll('[data-counter]').forEach(setupCounter);
    var focus = root.querySelector && root.querySelector('[data-focus]');
    if (focus && root !== document) { focus.focus(); }
  }

  document.addEventListener('DOMContentLoaded', function () {
    configureHtmx();
    enhance(document);
    document.body.addEventListener('click', onClick);
    document.body.addEventListener('htmx:load', function (event) { enhance(event.detail.elt); });
    // a region that was loading (aria-busy, shown as a spinner) is done once its content arrived
    document.body.addEventListener('htmx:afterSwap', function (event) {
      var target = event.detail.target;
      if (target && target.getAttribute('aria-busy') === 'true') { target.removeAttribute('aria-busy'); }
      // a page or sort link replaced the list it was part of: without this the focus would fall
      // back to the top of the document; a search keeps the focus in its own field
      var source = event.detail.requestConfig && event.detail.requestConfig.elt;
      var status = target && target.querySelector && target.querySelector('[data-list-status]');
      if (source && source.tagName === 'A' && status) { status.focus(); }
    });
  });
})();
