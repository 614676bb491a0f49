package io.spinewise.plan.api;

import io.spinewise.plan.domain.RtmRule;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A patient's Remote Therapeutic Monitoring counts (docs/rtm.md): the monitoring periods and the months with logged
 * time, with both rules in words and the notice that the clinic, not Spinewise, decides what to bill.
 */
public record RtmView(UUID patientId,
                      @Schema(description = "The patient's today") LocalDate today,
                      @Schema(description = "Oldest first") List<RtmRule.Period> periods,
                      @Schema(description = "Calendar months with logged time, oldest first") List<RtmRule.Month> months,
                      String periodRule, String timeRule,
                      @Schema(description = "Spinewise counts; the clinic decides what to bill.") String notice) {
}
