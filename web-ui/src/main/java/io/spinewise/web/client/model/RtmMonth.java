package io.spinewise.web.client.model;

import java.util.List;

/** One calendar month of treatment-management time ({@code month} as YYYY-MM). */
public record RtmMonth(String month, int minutesLogged, int interactiveEntries, int qualifyingMinutes,
                       List<RtmCodeCount> codes) {
}
