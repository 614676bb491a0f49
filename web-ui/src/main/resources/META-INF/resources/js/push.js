/*
 * Spinewise web-ui: reminders by Web Push on this device (the reminder page's #push-device). Progressive:
 * without this script, or in a browser without a service worker, PushManager or notifications, the page's own
 * words stay (this device cannot get push messages; e-mail still works). With them, "Remind me on this device"
 * asks for permission, subscribes the browser with the page's VAPID key (data-push-key) and posts the
 * subscription to web-ui with the page's CSRF token; web-ui passes it to plan-service with the patient's token,
 * which this script never sees. "Stop on this device" unsubscribes the browser and asks web-ui to remove it.
 * The words shown are the page's, in the patient's language (data-* of #push-device).
 */
(function () {
  'use strict';

  var DEVICES = '/progress/reminders/devices';
  var PAGE = '/progress/reminders';
  var box = document.getElementById('push-device');
  if (!box) { return; }
  var words = box.dataset;
  var subscribeButton = document.getElementById('push-subscribe');
  var stopButton = document.getElementById('push-stop');
  var message = document.getElementById('push-message');
  var unsupported = document.getElementById('push-unsupported');
  var DENIED = 'denied';

  function supported() {
    return 'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window && !!words.pushKey;
  }

  /** The CSRF token of the page (the layout's htmx headers). */
  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute('hx-headers') || '{}')['X-CSRF-TOKEN'] || '';
    } catch (e) {
      return '';
    }
  }

  function say(text) {
    message.textContent = text || '';
  }

  function busy(on) {
    subscribeButton.disabled = on;
    stopButton.disabled = on;
    if (on) { say(words.working); }
  }

  /** The VAPID key as pushManager.subscribe takes it: base64url to bytes (atob needs no padding). */
  function keyBytes(base64url) {
    var raw = window.atob(base64url.replace(/-/g, '+').replace(/_/g, '/').replace(/=+$/, ''));
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) { bytes[i] = raw.charCodeAt(i); }
    return bytes;
  }

  function post(body, contentType) {
    return fetch(DEVICES + (contentType === 'application/json' ? '' : '/remove'), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': contentType, 'X-CSRF-TOKEN': csrfToken(), 'X-Requested-With': 'JavaScript' },
      body: body
    }).then(function (response) {
      if (!response.ok) { throw new Error('web-ui answered ' + response.status); }
      return response;
    });
  }

  /**
   * Posts a subscription (PushSubscription.toJSON(): endpoint and keys) to web-ui. Also what the end-to-end
   * test calls with a well-formed subscription, where the headless browser reaches no push service.
   */
  function send(subscription) {
    return post(JSON.stringify({ endpoint: subscription.endpoint,
      keys: { p256dh: subscription.keys.p256dh, auth: subscription.keys.auth } }), 'application/json');
  }

  function removeOnServer(endpoint) {
    return post('endpoint=' + encodeURIComponent(endpoint), 'application/x-www-form-urlencoded');
  }

  function done(what) {
    window.location.assign(PAGE + '?done=' + what);
  }

  function subscribe() {
    busy(true);
    Notification.requestPermission().then(function (permission) {
      if (permission !== 'granted') { throw new Error(DENIED); }
      return navigator.serviceWorker.ready;
    }).then(function (registration) {
      return registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(words.pushKey) });
    }).then(function (subscription) {
      return send(subscription.toJSON());
    }).then(function () {
      done('added');
    }).catch(function (e) {
      busy(false);
      say(e && e.message === DENIED ? words.denied : words.failed);
    });
  }

  function stop() {
    busy(true);
    navigator.serviceWorker.ready.then(function (registration) {
      return registration.pushManager.getSubscription();
    }).then(function (subscription) {
      if (!subscription) { return null; }
      var endpoint = subscription.endpoint;
      // the browser first, so no reminder shows here even if web-ui cannot be reached now
      return subscription.unsubscribe().catch(function () { return false; }).then(function () {
        return removeOnServer(endpoint);
      });
    }).then(function () {
      done('removed');
    }).catch(function () {
      busy(false);
      say(words.failed);
    });
  }

  window.SpinewisePush = { send: send };
  if (!supported()) { return; }
  unsupported.hidden = true;
  subscribeButton.addEventListener('click', subscribe);
  stopButton.addEventListener('click', stop);
  if (Notification.permission === 'denied') { say(words.denied); }
  navigator.serviceWorker.ready.then(function (registration) {
    return registration.pushManager.getSubscription();
  }).then(function (subscription) {
    subscribeButton.hidden = !!subscription;
    stopButton.hidden = !subscription;
  }).catch(function () {
    subscribeButton.hidden = false;
  });
})();
