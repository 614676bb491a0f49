/*
 * Spinewise web-ui: the service worker's Web Push handlers (reminders; /service-worker.js imports this file
 * first). plan-service sends {title, body, url} in the patient's language: only "your exercises", no token,
 * no health detail. A click focuses a window already showing that page, or opens it. Only a URL of this
 * origin is opened; anything else opens Today.
 */
(function () {
  'use strict';

  var FALLBACK = '/today';

  function sameOrigin(url) {
    try {
      var parsed = new URL(url, self.location.origin);
      return parsed.origin === self.location.origin ? parsed.href : new URL(FALLBACK, self.location.origin).href;
    } catch (e) {
      return new URL(FALLBACK, self.location.origin).href;
    }
  }

  self.addEventListener('push', function (event) {
    var message = {};
    try {
      message = event.data ? event.data.json() : {};
    } catch (e) {
      message = {};
    }
    var title = typeof message.title === 'string' && message.title ? message.title : 'Spinewise';
    event.waitUntil(self.registration.showNotification(title, {
      body: typeof message.body === 'string' ? message.body : '',
      icon: '/img/icons/icon-192.png',
      tag: 'spinewise-reminder',
      data: { url: sameOrigin(typeof message.url === 'string' ? message.url : FALLBACK) }
    }));
  });

  self.addEventListener('notificationclick', function (event) {
    event.notification.close();
    var url = sameOrigin(event.notification.data && event.notification.data.url);
    event.waitUntil(self.clients.matchAll({ type: 'window', includeUncontrolled: true }).then(function (windows) {
      for (var i = 0; i < windows.length; i++) {
        if (windows[i].url === url && 'focus' in windows[i]) {
          return windows[i].focus();
        }
      }
      return self.clients.openWindow ? self.clients.openWindow(url) : undefined;
    }));
  });
}());
