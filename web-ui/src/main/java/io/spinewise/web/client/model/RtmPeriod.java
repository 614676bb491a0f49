package io.spinewise.web.client.model;

import java.time.LocalDate;

/** One monitoring period: its days with data and the codes they reach ({@code null}: none). */
public record RtmPeriod(LocalDate start, LocalDate end, int daysWithData, boolean setUp, String deviceSupplyCode,
                        String setUpCode, boolean ongoing, boolean stillReachable) {
}
