package io.spinewise.web.language;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import io.spinewise.web.client.model.PlanStatus;
import io.spinewise.web.client.model.ReminderChannel;
import io.spinewise.web.client.model.ReminderStatus;
import io.spinewise.web.client.model.Side;

/**
 * The words of the patient's pages, {@code {msg:todayTitle}} in a template. The texts are in
 * {@code messages/msg_<language>.properties} (en, de, fr, es), one key per method; which one a page
 * is in is decided by {@link PageLocaleFilter}.
 */
@MessageBundle(locale = "en")
public interface PatientMessages {

    // the language of the page, for <html lang>
    @Message String htmlLang();
    @Message String languageName();

    // layout: header, navigation, footer
    @Message String skipLink();
    @Message String navMain();
    @Message String navToday();
    @Message String navProgress();
    @Message String signOut();
    @Message String footer();

    // Today
    @Message String todayTitle();
    @Message String libraryDown();
    @Message String sessionDone(int slot);
    @Message String undo();
    @Message String undoSession(int slot);
    @Message String allDone();
    @Message String restDay();
    @Message String todaysSession();
    @Message String sessionOf(Integer slot, int count);
    @Message String painBefore();
    @Message String painAfter();
    @Message String painScale();
    @Message String howHard();
    @Message String difficulty(int level);
    @Message String noteLabel();
    @Message String optional();
    @Message String saveSession();
    @Message String noRoutineTitle();
    @Message String noRoutine();
    @Message String sessionSaved();
    @Message String checkAnswers();
    @Message String answersKept();

    // plan-service's known refusals of a check-off (today/CheckOffRefusals)
    @Message String refusedServiceDown();
    @Message String refusedConflict();
    @Message String refusedNoPlan();
    @Message String refusedDay();
    @Message String refusedSession();

    @Message String formOutOfDate();
    @Message String noteTooLong();
    @Message String tooManyExercises();
    @Message String tickOne();
    @Message String chooseNumber(int min, int max);
    @Message String checkOffUndone();

    // the exercise card
    @Message String usualRange(String range);
    @Message String chiroSays();
    @Message String position();
    @Message String equipment();
    @Message String noEquipment(String name);
    @Message String howToDoIt();
    @Message String takeCare();
    @Message String holdTimer();
    @Message String startHold();
    @Message String resumeHold();
    @Message String pauseHold();
    @Message String holdAgain();
    @Message String holdStarted(Integer seconds);
    @Message String holdComplete();
    @Message String resetTimer();
    @Message String secondsShort(Integer seconds);
    @Message String oneRepLess();
    @Message String oneRepMore();
    @Message String repsDone();
    @Message String done();
    @Message String doseHold(int sets, Integer seconds);
    @Message String doseReps(int sets, Integer reps);
    @Message String doseFree(int sets);
    @Message String side(Side side);

    // the calendar
    @Message String calendarCaption();
    @Message String calendarLegend();
    @Message String legendDone();
    @Message String legendPartial();
    @Message String legendMissed();
    @Message String legendToday();
    @Message String legendRest();
    @Message String dayOutside();
    @Message String dayUpcoming();
    @Message String dayRest();
    @Message String dayDone(int done, int scheduled);
    @Message String dayToday(int done, int scheduled);

    // the pain chart
    @Message String painOneWeek(String week);
    @Message String painBeforeKey();
    @Message String painAfterKey();
    @Message String painNone();
    @Message String painByWeek();
    @Message String painWeekOf();
    @Message String painBeforeColumn();
    @Message String painAfterColumn();

    // Progress
    @Message String progressTitle();
    @Message String dayStreak();
    @Message String best(int count);
    @Message String sessionsDone();
    @Message String doneOfScheduled(long done, long scheduled, String from, String to);
    @Message String lastSession();
    @Message String howCounted();
    @Message String calendar();
    @Message String pain();
    @Message String myRoutines();
    @Message String planStatus(PlanStatus status);
    @Message String since(String date);
    @Message String completedOn(String date);
    @Message String noRoutines();
    // Progress: calendar subscription
    @Message String feedTitle();
    @Message String feedIntro();
    @Message String feedReady();
    @Message String feedAdd();
    @Message String feedWebLink();
    @Message String feedIs();
    @Message String feedOnWord();
    @Message String feedOffWord();
    @Message String feedPlacedAt(String time);
    @Message String feedTime();
    @Message String feedNewLink();
    @Message String feedTurnOn();
    @Message String feedTurnOff();
    @Message String feedUnavailable();
    // reminders (progress/reminders)
    @Message String remindLink();
    @Message String remindTitle();
    @Message String remindIntro();
    @Message String remindClinicDefault();
    @Message String remindChosen();
    @Message String remindNoEmail();
    @Message String remindEmail();
    @Message String remindAtLabel();
    @Message String remindQuiet();
    @Message String remindQuietFrom();
    @Message String remindQuietUntil();
    @Message String remindQuietHint();
    @Message String remindSave();
    @Message String remindSaved();
    @Message String remindTimeNeeded();
    @Message String remindUnavailable();
    @Message String remindSentTitle();
    @Message String remindSentCaption(String zone);
    @Message String remindSentNone();
    @Message String remindSentUnavailable();
    @Message String remindColDate();
    @Message String remindColTime();
    @Message String remindColChannel();
    @Message String remindColOutcome();
    @Message String remindChannel(ReminderChannel channel);
    @Message String remindStatus(ReminderStatus status);
    @Message String remindBack();
    // reminders: back to the clinic's default, Web Push on this device (progress/reminders)
    @Message String remindChannels();
    @Message String remindPush();
    @Message String remindReset();
    @Message String remindResetHint();
    @Message String remindResetDone();
    @Message String pushTitle();
    @Message String pushIntro();
    @Message String pushNotOffered();
    @Message String pushNoSupport();
    @Message String pushSubscribe();
    @Message String pushStopHere();
    @Message String pushWorking();
    @Message String pushDenied();
    @Message String pushFailed();
    @Message String pushAdded();
    @Message String pushRemoved();
    @Message String pushDevicesTitle();
    @Message String pushDevicesNone();
    @Message String pushDevicesUnavailable();
    @Message String pushColDevice();
    @Message String pushColAdded();
    @Message String pushColLast();
    @Message String pushDeviceUnnamed();
    @Message String pushLastNone();
    @Message String pushRemove();
    @Message String pushNoSuchDevice();

    @Message String zoneTitle();
    @Message String zoneIntro();
    @Message String zoneNotSet();
    @Message String zoneMove();
    @Message String zoneLabel();
    @Message String zoneDevice();
    @Message String zoneSave();
    @Message String languageTitle();
    @Message String languageIntro();
    @Message String languageLabel();
    @Message String languageUnknown();
    @Message String languageSave();
    @Message String dataTitle();
    @Message String dataIntro();
    @Message String dataDownload();
    @Message String dataFhirIntro();
    @Message String dataFhirDownload();

    // error pages
    @Message String errorUnavailableTitle();
    @Message String errorNotAllowedTitle();
    @Message String errorNotAllowed();
    @Message String errorNotYourPage();
    @Message String errorNotFoundTitle();
    @Message String errorNoSuchPage();
    @Message String errorTooManyTitle();
    @Message String errorDidNotWorkTitle();
    @Message String errorNotUnderstood();
    @Message String errorOurSideTitle();
    @Message String errorOurSide();
    @Message String errorNotPossibleTitle();
    @Message String errorNotPossible();
    @Message String errorDegraded();
    @Message String tryAgain();
    @Message String backToStart();
    @Message String errorCode(int status);

    // questionnaires: due on Today, answered on their own page, scores on Progress
    @Message String questionnaireDueTitle();
    @Message String questionnaireOpen();
    @Message String questionnaireSaved();
    @Message String questionnaireTitle();
    @Message String questionnaireLate();
    @Message String questionnaireInEnglish();
    @Message String questionnaireActivity(int number);
    @Message String questionnaireActivityName();
    @Message String questionnaireRateIt();
    @Message String questionnaireSend();
    @Message String questionnaireBack();
    @Message String questionnaireAnsweredAlready();
    @Message String questionnaireChoose();
    @Message String questionnaireNameActivity();
    @Message String questionnaireRateActivity();
    @Message String questionnaireActivityTooLong(int max);
    @Message String questionnaireEmpty();
    @Message String outcomesTitle();
    @Message String outcomesDown();
    @Message String outcomeScore(String day, String score);
    @Message String outcomeHowJudged();

    // the outbox: a check-off made offline, kept on the phone until it is sent (offline.js)
    @Message String outboxSaved();
    @Message String outboxSignIn();
    @Message String outboxSent();
    @Message String outboxRefused();

    /** Asked at sign-out while the outbox still holds check-offs that could not be sent. */
    @Message String outboxUnsentAtSignOut();
}
