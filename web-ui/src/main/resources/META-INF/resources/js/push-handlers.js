/*
 * Spinewise web-ui: the service worker's push handlers (reminders). A placeholder until the reminders
 * slice fills it: /service-worker.js imports this file first, so it must exist for the worker to install.
 */
