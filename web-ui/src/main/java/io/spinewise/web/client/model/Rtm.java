package io.spinewise.web.client.model;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A patient's Remote Therapeutic Monitoring counts (GET /api/patients/{id}/rtm): monitoring periods, months with
 * logged time, both rules in words and the notice that the clinic decides what to bill.
 */
public record Rtm(UUID patientId, LocalDate today, List<RtmPeriod> periods, List<RtmMonth> months, String periodRule,
                  String timeRule, String notice) {
}
