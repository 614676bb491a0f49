package io.spinewise.web.client.model;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One reminder planned for a session (GET /api/me/reminders/sent, /api/patients/{id}/reminders): when it was
 * due, by which channel, and whether it went out ({@code detail}: why it was skipped or failed).
 */
public record SentReminder(UUID id, UUID planId, LocalDate sessionDate, int slot, ReminderChannel channel,
                           Instant dueAt, ReminderStatus status, String detail, Instant finishedAt) {
}
