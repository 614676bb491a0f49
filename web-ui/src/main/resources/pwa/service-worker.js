importScripts('/js/push-handlers.js');
importScripts('/js/outbox.js');
/*
 * Spinewise web-ui's service worker (served by pwa.InstallFiles, which writes in the shell and its version).
 * - The shell (CSS, scripts, htmx, logo, icons, the exercise drawings), by versioned URL: pre-cached on
 *   install, then cache-first; a new version of any file makes a new worker, which drops the old shell.
 * - Pages: network-first. Only the Today page is kept (the last one seen), to open offline; never one
 *   sent with Cache-Control: no-store (every other page: staff pages, Progress...), a redirect or an error.
 * - Pictures of this origin: cache-first once seen, so the kept Today page shows its exercises' pictures.
 * - Sign-out (the POST to /logout) and /signed-out empty the kept page and pictures, so the next person
 *   on the phone sees nothing of the last one. The page sends or (once the patient agrees) empties the
 *   outbox before it signs out (offline.js, guardSignOut).
 * - Background Sync: the outbox is sent when the connection returns, also with no page open.
 */
(function () {
  'use strict';

  var VERSION = '@VERSION@';
  var SHELL = '@SHELL@';
  var SHELL_CACHE = 'spinewise-shell-' + VERSION;
  var PAGES = 'spinewise-pages';
  var PICTURES = 'spinewise-pictures';
  /** The pages kept for offline use, and the navigations they stand in for when offline. */
  var KEPT = '/today';
  var OPENS_KEPT = ['/', '/today'];

  self.addEventListener('install', function (event) {
    event.waitUntil(caches.open(SHELL_CACHE).then(function (cache) { return cache.addAll(SHELL); })
      .then(function () { return self.skipWaiting(); }));
  });

  self.addEventListener('activate', function (event) {
    event.waitUntil(caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf('spinewise-shell-') === 0 && name !== SHELL_CACHE;
      }).map(function (name) { return caches.delete(name); }));
    }).then(function () { return self.clients.claim(); }));
  });

  function forgetUser() {
    return Promise.all([caches.delete(PAGES), caches.delete(PICTURES)]);
  }

  function storable(response) {
    return response.status === 200 && response.type === 'basic' && !response.redirected
      && !/no-store/i.test(response.headers.get('Cache-Control') || '');
  }

  function page(request, url) {
    return fetch(request).then(function (response) {
      if (url.pathname === '/signed-out') {
        return forgetUser().then(function () { return response; });
      }
      if (url.pathname === KEPT && storable(response)) {
        var copy = response.clone();
        return caches.open(PAGES).then(function (cache) { return cache.put(KEPT, copy); })
          .then(function () { return response; });
      }
      return response;
    }, function () {
      if (OPENS_KEPT.indexOf(url.pathname) < 0) { return Response.error(); }
      return caches.open(PAGES).then(function (cache) { return cache.match(KEPT); })
        .then(function (kept) { return kept || Response.error(); });
    });
  }

  function cacheFirst(cacheName, request, keep) {
    return caches.open(cacheName).then(function (cache) {
      return cache.match(request).then(function (hit) {
        return hit || fetch(request).then(function (response) {
          if (keep && storable(response)) { cache.put(request, response.clone()); }
          return response;
        });
      });
    });
  }

  self.addEventListener('fetch', function (event) {
    var request = event.request;
    var url = new URL(request.url);
    if (url.origin !== self.location.origin) { return; }
    if (request.method === 'POST' && url.pathname === '/logout') {
      event.waitUntil(forgetUser());
      return;
    }
    if (request.method !== 'GET') { return; }
    if (request.mode === 'navigate') {
      event.respondWith(page(request, url));
    } else if (SHELL.indexOf(url.pathname + url.search) >= 0) {
      event.respondWith(cacheFirst(SHELL_CACHE, request, false));
    } else if (request.destination === 'image') {
      event.respondWith(cacheFirst(PICTURES, request, true));
    }
  });

  /** Tells the open pages what was sent or refused; rejects while something waits, so the browser syncs again. */
  function sendOutbox() {
    return self.SpinewiseOutbox.flush(null).then(function (outcomes) {
      var done = outcomes.filter(function (o) { return o.state === 'sent' || o.state === 'refused'; })
        .map(function (o) { return { state: o.state, reason: o.reason }; });
      var tell = done.length === 0 ? Promise.resolve() : self.clients.matchAll({ type: 'window' })
        .then(function (pages) {
          pages.forEach(function (p) { p.postMessage({ type: 'spinewise-outbox', outcomes: done }); });
        });
      return tell.then(function () {
        if (outcomes.some(function (o) { return o.state === 'offline' || o.state === 'later'; })) {
          throw new Error('the outbox still waits');
        }
      });
    });
  }

  self.addEventListener('sync', function (event) {
    if (event.tag === self.SpinewiseOutbox.SYNC_TAG) {
      event.waitUntil(sendOutbox());
    }
  });
})();
