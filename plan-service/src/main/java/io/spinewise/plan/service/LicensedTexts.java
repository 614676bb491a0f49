package io.spinewise.plan.service;

import io.spinewise.common.problem.Problem;
import io.spinewise.common.problem.ProblemException;
import io.spinewise.plan.api.InstrumentTextRequest;
import io.spinewise.plan.api.InstrumentTextView;
import io.spinewise.plan.api.InstrumentView;
import io.spinewise.plan.api.TextSource;
import io.spinewise.plan.data.Assessments;
import io.spinewise.plan.data.ClinicInstrumentTexts;
import io.spinewise.plan.outcomes.ClinicText;
import io.spinewise.plan.outcomes.Definition;
import io.spinewise.plan.outcomes.Instrument;
import io.spinewise.plan.outcomes.Instruments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Licence-required instruments in a clinic (docs/outcomes.md): the clinic's administrator enters the text the
 * clinic licensed; from then on the instrument can be assigned in that clinic, and only there, and every figure
 * of it in that clinic is worded with that text. Removing it stops new assignments and the clinic's running ones
 * but keeps the text, so answers given with it stay readable. Runs inside the caller's audited transaction.
 */
@ApplicationScoped
public class LicensedTexts {

    @Inject
    ClinicInstrumentTexts texts;

    @Inject
    Assessments assessments;

    @Inject
    Today today;

    /** The library as the clinic sees it: each instrument worded with the clinic's text and whether it can assign it. */
    public List<InstrumentView> library(String clinicId) {
        List<ClinicInstrumentTexts.Stored> entered = texts.ofClinic(clinicId);
        return Instruments.all().stream().map(i -> view(i, entered.stream()
                .filter(s -> s.instrument().equals(i.code())).findFirst())).toList();
    }

    public Optional<InstrumentView> one(String clinicId, String code) {
        return Instruments.byCode(code).map(i -> view(i, texts.find(clinicId, i.code())));
    }

    /** Why the clinic cannot assign the instrument; empty when it can. */
    public Optional<String> whyNotAssignable(String clinicId, Instrument instrument) {
        return Optional.ofNullable(reason(instrument, texts.find(clinicId, instrument.code())));
    }

    /**
     * The definition as the clinic words it: with the text it entered (also a withdrawn one, so that answers given
     * with it are shown with their words), else as the library ships it.
     */
    public Definition definition(String clinicId, Instrument instrument) {
        return texts.find(clinicId, instrument.code()).map(s -> s.text().applyTo(instrument.definition()))
                .orElse(instrument.definition());
    }

    /** The clinic's attestation of its licence, for the instrument's copyright statement; empty without a text. */
    public Optional<String> attestation(String clinicId, String code) {
        return texts.find(clinicId, code).map(s -> s.text().attestation());
    }

    /** Stores the clinic's text; 404 for an unknown instrument, 409 for one whose text ships, 400 when it does not fit. */
    public InstrumentTextView put(String clinicId, String by, String byName, String code, InstrumentTextRequest request) {
        Instrument instrument = licensed(code);
        ClinicText text = request.text();
        List<Problem.Violation> violations = text.check(instrument.definition(), utcToday());
        if (!violations.isEmpty()) {
            throw new ProblemException(Problem.invalid("The text does not fit " + instrument.code() + ": "
                    + violations.get(0).field() + " " + violations.get(0).message() + ".", violations));
        }
        texts.put(clinicId, instrument.code(), text, by, byName, today.now());
        return get(clinicId, instrument.code()).orElseThrow();
    }

    /** The clinic's text in use (not withdrawn). */
    public Optional<InstrumentTextView> get(String clinicId, String code) {
        Instrument instrument = licensed(code);
        return texts.find(clinicId, instrument.code()).filter(s -> !s.withdrawn()).map(LicensedTexts::textView);
    }

    /** Withdraws the clinic's text and stops its running assignments of the instrument; 404 when none is in use. */
    public int remove(String clinicId, String code) {
        Instrument instrument = licensed(code);
        if (!texts.withdraw(clinicId, instrument.code(), today.now())) {
            throw ProblemException.notFound("The clinic has no text of " + instrument.code() + " in use.");
        }
        return assessments.stopAllInClinic(clinicId, instrument.code(), today.now());
    }

    private Instrument licensed(String code) {
        Instrument instrument = Instruments.byCode(code)
                .orElseThrow(() -> ProblemException.notFound("No instrument of this code in the library."));
        if (instrument.definition().licence().textsShipped()) {
            throw ProblemException.conflict(instrument.code() + " ships with its text; a clinic enters the text only"
                    + " of an instrument that needs a licence.");
        }
        return instrument;
    }

    private InstrumentView view(Instrument i, Optional<ClinicInstrumentTexts.Stored> stored) {
        Optional<ClinicInstrumentTexts.Stored> inUse = stored.filter(s -> !s.withdrawn());
        Definition d = inUse.map(s -> s.text().applyTo(i.definition())).orElse(i.definition());
        TextSource source = i.definition().licence().textsShipped() ? TextSource.SHIPPED
                : inUse.isPresent() ? TextSource.CLINIC : TextSource.NONE;
        return InstrumentView.of(d, source, reason(i, stored));
    }

    private String reason(Instrument i, Optional<ClinicInstrumentTexts.Stored> stored) {
        if (i.definition().licence().textsShipped()) {
            return null;
        }
        if (stored.isEmpty() || stored.get().withdrawn()) {
            return i.code() + " needs a licence: Spinewise ships its definition only. A clinic administrator who"
                    + " holds a licence enters its text for this clinic (PUT /api/clinic/instruments/" + i.code()
                    + "/text).";
        }
        ClinicText text = stored.get().text();
        if (text.lapsed(utcToday())) {
            return "The clinic's licence for " + i.code() + " was valid until " + text.validUntil()
                    + "; enter the renewed licence to assign it again.";
        }
        return null;
    }

    private LocalDate utcToday() {
        return today.now().atOffset(ZoneOffset.UTC).toLocalDate();
    }

    private static InstrumentTextView textView(ClinicInstrumentTexts.Stored s) {
        ClinicText t = s.text();
        return new InstrumentTextView(s.instrument(), t.title(), t.instructions(), t.items().stream()
                .map(i -> new InstrumentTextRequest.ItemText(i.text(), i.options())).toList(), t.licenceHolder(),
                t.licenceReference(), t.validUntil(), s.enteredBy(), s.enteredByName(), s.enteredAt());
    }
}
