/*
 * Spinewise web-ui: the outbox of check-offs made while offline, kept in IndexedDB on this phone and
 * sent when the connection returns. Used by the pages (app.js) and by the service worker (Background
 * Sync), so it runs in both: no DOM here.
 *
 * An entry is the Today form's fields as the patient filled them (with its Idempotency-Key and
 * performedAt, the phone's time of the check-off), the CSRF token of the page it came from, and which
 * plan, day and slot it is for. It is posted to web-ui's own form endpoint with the session cookie (no
 * token in script) and the header Spinewise-Outbox, to which only that endpoint answers with a verdict:
 * "sent" (recorded, or recorded before: the same key replays) and "refused" (the reason in words) remove
 * the entry; anything else keeps it: "later" (plan-service busy or away), no connection, or no verdict at
 * all (an ended session, a CSRF token that is no longer valid: "sign in to send"). Sending the same entry
 * twice, from a page and from the worker at once, records it once: plan-service keys it by its
 * Idempotency-Key.
 */
(function (scope) {
  'use strict';

  var DB_NAME = 'spinewise-outbox';
  var STORE = 'checkoffs';
  var SYNC_TAG = 'spinewise-outbox';

  function open() {
    return new Promise(function (resolve, reject) {
      var request = scope.indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore(STORE, { keyPath: 'key' }); };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
    });
  }

  function inStore(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction(STORE, mode);
        var result = work(tx.objectStore(STORE));
        tx.oncomplete = function () { db.close(); resolve(result && 'result' in result ? result.result : undefined); };
        tx.onerror = function () { db.close(); reject(tx.error); };
      });
    });
  }

  /** Keeps an entry: {key, fields: [[name, value]...], csrf, planId, date, slot, performedAt, state}. */
  function save(entry) {
    return inStore('readwrite', function (store) { store.put(entry); });
  }

  function all() {
    return inStore('readonly', function (store) { return store.getAll(); }).then(function (list) { return list || []; });
  }

  /** Empties the outbox: at sign-out, so the next person on this phone reads nothing of the last one's. */
  function clear() {
    return inStore('readwrite', function (store) { store.clear(); });
  }

  function remove(key) {
    return inStore('readwrite', function (store) { store.delete(key); });
  }

  function body(entry) {
    var params = new URLSearchParams();
    entry.fields.forEach(function (field) { params.append(field[0], field[1]); });
    return params.toString();
  }

  /**
   * Posts one entry; resolves to {state, reason}: 'sent', 'refused' (both removed), 'later', 'signin'
   * or 'offline' (kept, with that state). {@code csrf}: a fresher token than the entry's, from the open page.
   */
  function send(entry, csrf) {
    return scope.fetch('/today/sessions', {
      method: 'POST', credentials: 'same-origin', redirect: 'manual', cache: 'no-store',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-TOKEN': csrf || entry.csrf,
        'X-Requested-With': 'JavaScript', 'Spinewise-Outbox': '1' },
      body: body(entry)
    }).then(function (response) {
      var verdict = response.headers.get('Spinewise-Outbox');
      if (verdict === 'sent') {
        return remove(entry.key).then(function () { return { state: 'sent' }; });
      }
      if (verdict === 'refused') {
        return response.text().then(function (reason) {
          return remove(entry.key).then(function () { return { state: 'refused', reason: reason }; });
        });
      }
      return { state: verdict === 'later' ? 'later' : 'signin' };
    }, function () {
      return { state: 'offline' };
    }).then(function (outcome) {
      if (outcome.state === 'sent' || outcome.state === 'refused') { return outcome; }
      entry.state = outcome.state;
      return save(entry).then(function () { return outcome; });
    });
  }

  var flushing = null;

  /** Sends every entry, one after the other; resolves to [{entry, state, reason}]. One flush at a time. */
  function flush(csrf) {
    if (flushing) { return flushing; }
    flushing = all().then(function (entries) {
      var outcomes = [];
      return entries.reduce(function (previous, entry) {
        return previous.then(function () {
          return send(entry, csrf).then(function (outcome) {
            outcome.entry = entry;
            outcomes.push(outcome);
          });
        });
      }, Promise.resolve()).then(function () { return outcomes; });
    }).then(function (outcomes) { flushing = null; return outcomes; },
      function (error) { flushing = null; throw error; });
    return flushing;
  }

  scope.SpinewiseOutbox = { SYNC_TAG: SYNC_TAG, save: save, all: all, flush: flush, clear: clear };
})(self);
