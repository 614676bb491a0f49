package io.spinewise.web.page;

import io.spinewise.web.config.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.stream.Stream;

/**
 * The time zones the forms offer: the clinics' usual ones ({@code spinewise.web.time-zones}).
 * plan-service accepts any IANA zone and checks it; a patient already in another zone finds it
 * first in the list, and a patient's device may add its own (app.js, "Use this device's time zone").
 */
@ApplicationScoped
public class TimeZones {

    @Inject
    WebConfig config;

    /** The usual zones, the enrolment form's choice first. */
    public List<String> usual() {
        return config.timeZones();
    }

    /** What the enrolment form starts with. */
    public String enrolmentChoice() {
        return config.timeZones().get(0);
    }

    /** The usual zones, with {@code own} first when it is not one of them. */
    public List<String> offeredFor(String own) {
        List<String> usual = usual();
        return own == null || usual.contains(own) ? usual : Stream.concat(Stream.of(own), usual.stream()).toList();
    }
}
