-- A patient may go back to the clinic's default reminders (DELETE /api/me/reminders), which forgets their own
-- choice: its row goes, so "no row: the clinic's default" (V8) holds again. V8 granted no DELETE on it.
GRANT DELETE ON reminder_preference TO "${runtime_role}";
