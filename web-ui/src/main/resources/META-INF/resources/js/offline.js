/*
 * Spinewise web-ui: working offline, on every page. Registers the service worker (pwa.InstallFiles), and
 * on the Today page keeps a check-off made without a connection in the outbox (outbox.js), says so in the
 * patient's language (the data-* words of #outbox-words), and sends the outbox when the connection
 * returns, when a page opens, or hears that the service worker sent it (Background Sync). app.js hands it
 * the check-off forms htmx could not send (window.SpinewiseOffline.keep).
 */
(function () {
  'use strict';

  function showFlash(text, kind) {
    var flash = document.getElementById('flash');
    if (!flash) { return; }
    var div = document.createElement('div');
    div.className = 'notice ' + kind;
    div.setAttribute('role', kind === 'error' ? 'alert' : 'status');
    div.textContent = text;
    flash.appendChild(div);
  }

  function registerServiceWorker() {
    if (!('serviceWorker' in navigator)) { return; }
    navigator.serviceWorker.register('/service-worker.js', { scope: '/', updateViaCache: 'none' })
      .catch(function () { /* the pages work without it, only not offline */ });
  }

  /** The Today page's words for the outbox, in the patient's language (data-* of #outbox-words). */
  function outboxWords() {
    var box = document.getElementById('outbox-words');
    return box && window.SpinewiseOutbox ? box.dataset : null;
  }

  function isCheckOff(form) {
    return form && form.matches && form.matches('form.check-off');
  }

  /** The CSRF token of the page on screen (the layout's htmx headers), fresher than a kept entry's. */
  function pageCsrfToken() {
    try {
      return JSON.parse(document.body.getAttribute('hx-headers') || '{}')['X-CSRF-TOKEN'] || null;
    } catch (e) {
      return null;
    }
  }

  /**
   * The date of {@code date} in the patient's zone (the form's data-time-zone), which plan-service files
   * a check-off under: the phone's own zone can be another (travelling, a phone left on UTC), and its
   * date then differs for hours each day. The parts are put together here: a locale's own order has
   * changed between browser versions. Without a zone the page gives, or in a browser that does not know
   * it, the phone's own date.
   */
  function patientDate(date, zone) {
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    if (zone) {
      try {
        var part = {};
        new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: 'numeric', day: 'numeric' })
          .formatToParts(date).forEach(function (p) { part[p.type] = p.value; });
        return part.year + '-' + pad(Number(part.month)) + '-' + pad(Number(part.day));
      } catch (e) { /* an unknown zone: the phone's date below */ }
    }
    return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate());
  }

  function markKept(form, text) {
    var notice = form.parentElement.querySelector('[data-outbox-notice]');
    if (!notice) {
      notice = document.createElement('div');
      notice.className = 'notice outbox';
      notice.setAttribute('role', 'status');
      notice.setAttribute('tabindex', '-1');
      notice.setAttribute('data-outbox-notice', '');
      form.parentElement.insertBefore(notice, form);
    }
    notice.textContent = text;
    form.querySelectorAll('button[type="submit"]').forEach(function (b) { b.disabled = true; });
    return notice;
  }

  /**
   * Keeps the check-off on this phone. A session done on another day than the page's (a page kept from
   * yesterday, opened offline) is the patient's today, first session: plan-service files a check-off under
   * the patient's date of its performedAt and refuses one whose date says otherwise.
   */
  function keepOffline(form) {
    var words = outboxWords();
    if (!words) { return false; }
    var csrf = form.querySelector('input[data-csrf]');
    var now = new Date();
    var fields = [];
    new FormData(form).forEach(function (value, name) {
      if (!csrf || name !== csrf.name) { fields.push([name, String(value)]); }
    });
    var get = function (name) {
      var f = fields.find(function (x) { return x[0] === name; });
      return f ? f[1] : null;
    };
    var set = function (name, value) {
      fields = fields.filter(function (x) { return x[0] !== name; });
      fields.push([name, value]);
    };
    var today = patientDate(now, form.getAttribute('data-time-zone'));
    if (get('date') !== today) {
      set('date', today);
      set('slot', '1');
    }
    set('performedAt', now.toISOString());
    var entry = { key: get('idempotencyKey'), fields: fields, csrf: csrf ? csrf.value : pageCsrfToken(),
      planId: get('planId'), date: get('date'), slot: get('slot'), performedAt: now.toISOString(), state: 'saved' };
    window.SpinewiseOutbox.save(entry).then(function () {
      markKept(form, words.saved).focus();
      sendLater();
      if (navigator.serviceWorker) {
        navigator.serviceWorker.ready.then(function (reg) {
          return reg.sync && reg.sync.register(window.SpinewiseOutbox.SYNC_TAG);
        }).catch(function () { /* no Background Sync: the page sends it when the connection returns */ });
      }
    });
    return true;
  }

  /** After a reload (or on the next Today page): what the outbox sent or was refused. */
  var REPORT = 'spinewise-outbox-report';

  function showOutbox() {
    var words = outboxWords();
    if (!words) { return; }
    var report = sessionStorage.getItem(REPORT);
    if (report) {
      sessionStorage.removeItem(REPORT);
      JSON.parse(report).forEach(function (r) {
        showFlash(r.state === 'sent' ? words.sent : words.refused + ' ' + (r.reason || ''),
          r.state === 'sent' ? 'success' : 'error');
      });
    }
    window.SpinewiseOutbox.all().then(function (entries) {
      entries.forEach(function (entry) {
        document.querySelectorAll('form.check-off').forEach(function (form) {
          var key = form.querySelector('input[name="idempotencyKey"]');
          if (key && key.value === entry.key) { markKept(form, entry.state === 'signin' ? words.signin : words.saved); }
        });
      });
    });
  }

  /** Sent or refused entries: said on Today after a reload (which shows the session done), else kept for it. */
  function reportOutbox(done) {
    if (done.length === 0) { return false; }
    var earlier = JSON.parse(sessionStorage.getItem(REPORT) || '[]');
    sessionStorage.setItem(REPORT, JSON.stringify(earlier.concat(done)));
    if (outboxWords()) { window.location.reload(); }
    return true;
  }

  /** While an entry waits for the connection (or plan-service), the page tries again this often. */
  var RETRY_MS = 10000;
  var retry = null;

  function sendLater() {
    if (retry === null) { retry = setTimeout(function () { retry = null; sendOutbox(); }, RETRY_MS); }
  }

  /**
   * Sends the outbox now. Not only on the online event: navigator.onLine is a hint (true on a network
   * without internet, and not every browser says when it returns), so a waiting entry is tried again.
   */
  function sendOutbox() {
    if (!window.SpinewiseOutbox) { return; }
    window.SpinewiseOutbox.flush(pageCsrfToken()).then(function (outcomes) {
      var done = outcomes.filter(function (o) { return o.state === 'sent' || o.state === 'refused'; })
        .map(function (o) { return { state: o.state, reason: o.reason }; });
      if (reportOutbox(done)) { return; }
      showOutbox();
      var waiting = outcomes.some(function (o) { return o.state === 'offline' || o.state === 'later'; });
      if (waiting) { sendLater(); }
    }).catch(function () { /* IndexedDB unavailable (private mode): nothing was kept */ });
  }

  /** The service worker sent the outbox (Background Sync). */
  function listenToServiceWorker() {
    if (!navigator.serviceWorker) { return; }
    navigator.serviceWorker.addEventListener('message', function (event) {
      if (event.data && event.data.type === 'spinewise-outbox') { reportOutbox(event.data.outcomes || []); }
    });
  }

  /**
   * Sign-out sends what the outbox holds first; what cannot be sent now (no connection) is deleted from
   * this phone once the patient confirms, since the next person to use it must not read their answers
   * (pain, notes). Declining keeps them signed in with the entries kept.
   */
  function guardSignOut() {
    document.addEventListener('submit', function (event) {
      var form = event.target;
      if (!form.matches || !form.matches('form[action="/logout"]') || !window.SpinewiseOutbox) { return; }
      event.preventDefault();
      var signOut = function () { form.submit(); };
      window.SpinewiseOutbox.flush(pageCsrfToken())
        .then(function () { return window.SpinewiseOutbox.all(); })
        .then(function (left) {
          if (left.length > 0 && !window.confirm(form.dataset.unsent)) { return; }
          return window.SpinewiseOutbox.clear().then(signOut);
        })
        .catch(signOut);
    });
  }

  window.SpinewiseOffline = { isCheckOff: isCheckOff, keep: keepOffline };

  document.addEventListener('DOMContentLoaded', function () {
    registerServiceWorker();
    listenToServiceWorker();
    guardSignOut();
    showOutbox();
    sendOutbox();
    window.addEventListener('online', sendOutbox);
  });
})();
