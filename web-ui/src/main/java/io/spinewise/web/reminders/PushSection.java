package io.spinewise.web.reminders;

import io.spinewise.web.client.PlanClient;
import io.spinewise.web.client.ServiceException;
import io.spinewise.web.client.model.PushAvailability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * The reminder page's part about Web Push: whether plan-service sends it (and the key the page's script
 * subscribes the browser with), and the patient's devices that receive it. {@code devices} is null when
 * they could not be read; plan-service not answering about push reads as push not offered, so the rest of
 * the page, e-mail included, still works.
 */
record PushSection(boolean offered, String publicKey, List<Device> devices) {

    /** One device as a row: what it is known by (null: nothing), and days in the patient's zone. */
    record Device(UUID id, String label, LocalDate added, LocalDate lastReached) {
    }

    static PushSection read(PlanClient plan, String timeZone) {
        PushAvailability availability;
        try {
            availability = plan.pushAvailability();
        } catch (ServiceException e) {
            return new PushSection(false, null, List.of());
        }
        if (!availability.offered()) {
            return new PushSection(false, null, List.of());
        }
        ZoneId zone = ReminderRow.zone(timeZone);
        List<Device> devices;
        try {
            devices = plan.myPushDevices().stream().map(d -> new Device(d.id(), d.userAgent(), day(d.createdAt(), zone),
                    d.lastSuccessAt() == null ? null : day(d.lastSuccessAt(), zone))).toList();
        } catch (ServiceException e) {
            devices = null;
        }
        return new PushSection(true, availability.publicKey(), devices);
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at == null ? null : at.atZone(zone).toLocalDate();
    }
}
