package ar.aulas.conversation;

import ar.aulas.accounts.Account;
import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.courses.Enrolment;
import ar.aulas.courses.Enrolments;
import ar.aulas.shared.mail.Mailer;
import ar.aulas.shared.web.NotFoundException;
import ar.aulas.shared.web.PublicUrls;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Who hears of new posts and how: everyone gets the daily digest of the spaces they read unless they choose otherwise
 * for a space or a thread (each post by mail, or nothing), or none at all in their account. Every mail carries a
 * signed one-click unsubscribe link that works without logging in.
 */
@Service
public class Subscriptions {

    private static final Logger log = LoggerFactory.getLogger(Subscriptions.class);
    static final Locale SPANISH = Locale.forLanguageTag("es-AR");

    /** What an unsubscribe link would stop, described for its page. */
    public record Unsubscribe(String token, String personName, String courseTitle, String targetTitle, boolean everything) {
    }

    private final SubscriptionRepository subscriptions;
    private final MailPreferenceRepository preferences;
    private final ConversationAccess access;
    private final Debates debates;
    private final Enrolments enrolments;
    private final People people;
    private final UnsubscribeTokens tokens;
    private final Mailer mailer;
    private final MessageSource messages;
    private final PublicUrls urls;

    Subscriptions(SubscriptionRepository subscriptions, MailPreferenceRepository preferences, ConversationAccess access,
            Debates debates, Enrolments enrolments, People people, UnsubscribeTokens tokens, Mailer mailer,
            MessageSource messages, PublicUrls urls) {
        this.subscriptions = subscriptions;
        this.preferences = preferences;
        this.access = access;
        this.debates = debates;
        this.enrolments = enrolments;
        this.people = people;
        this.tokens = tokens;
        this.mailer = mailer;
        this.messages = messages;
        this.urls = urls;
    }

    /** The person's choice for a space or a thread they read (the digest when they never chose). */
    public Subscription.Mode modeOf(AulasUser user, String courseCode, String target) {
        return subscriptions.findById(Subscription.id(user.id(), courseCode, target)).map(Subscription::getMode)
                .orElse(Subscription.Mode.DIGEST);
    }

    public void choose(AulasUser user, String courseCode, String target, Subscription.Mode mode) {
        Course course = access.course(user, courseCode);
        readableTarget(user, course, target);
        subscriptions.save(new Subscription(user.id(), course.getCode(), target, mode == null ? Subscription.Mode.DIGEST : mode));
    }

    public boolean mailsNone(AulasUser user) {
        return preferences.findById(user.id()).map(MailPreference::isNone).orElse(false);
    }

    public void setNone(AulasUser user, boolean none) {
        preferences.save(new MailPreference(user.id(), none));
    }

    /** What a link stops, or empty when it is forged or damaged. */
    public Optional<Unsubscribe> describe(String token) {
        return tokens.read(token).flatMap(scope -> people.byId(List.of(scope.accountId())).values().stream().findFirst()
                .map(person -> new Unsubscribe(token, person.getFullName(), courseTitle(scope), targetTitle(scope),
                        scope.target() == null)));
    }

    /** One click, no login: the link's own scope is set to "none". */
    public Optional<Unsubscribe> unsubscribe(String token) {
        Optional<Unsubscribe> what = describe(token);
        what.ifPresent(u -> {
            UnsubscribeTokens.Scope scope = tokens.read(token).orElseThrow();
            if (scope.target() == null) {
                preferences.save(new MailPreference(scope.accountId(), true));
            } else {
                subscriptions.save(new Subscription(scope.accountId(), scope.courseCode(), scope.target(),
                        Subscription.Mode.NONE));
            }
            log.info("Account {} unsubscribed from {}", scope.accountId(),
                    scope.target() == null ? "every debate mail" : scope.courseCode() + " " + scope.target());
        });
        return what;
    }

    /** Headers and footer link of a mail that a one-click link stops. */
    Map<String, String> headers(String unsubscribeUrl) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("List-Unsubscribe", "<" + unsubscribeUrl + ">");
        headers.put("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        return headers;
    }

    String unsubscribeUrl(UnsubscribeTokens.Scope scope) {
        return urls.base() + "/unsubscribe?t=" + tokens.sign(scope);
    }

    /**
     * Each post by mail to those who chose it for its thread or space, who still read it, and who did not choose none
     * in their account; the author is never told of their own post.
     */
    void published(Course course, DiscussionThread thread, Post post, String authorName) {
        Space space = thread.space();
        List<Subscription> chosen = subscriptions.findByCourseCodeAndTargetIn(course.getCode(),
                List.of(space.key(), Subscription.thread(thread.getId())));
        Map<String, Subscription.Mode> byThread = new HashMap<>();
        Map<String, Subscription.Mode> bySpace = new HashMap<>();
        chosen.forEach(s -> (s.getTarget().equals(space.key()) ? bySpace : byThread).put(s.getAccountId(), s.getMode()));
        List<String> immediate = new ArrayList<>();
        bySpace.forEach((id, mode) -> {
            if (mode == Subscription.Mode.IMMEDIATE && !byThread.containsKey(id)) {
                immediate.add(id);
            }
        });
        byThread.forEach((id, mode) -> {
            if (mode == Subscription.Mode.IMMEDIATE) {
                immediate.add(id);
            }
        });
        immediate.remove(post.getAuthorId());
        if (immediate.isEmpty()) {
            return;
        }
        Map<String, Enrolment> enrolled = new HashMap<>();
        enrolments.active(course.getCode(), null).forEach(e -> enrolled.put(e.getAccountId(), e));
        Set<String> trainers = people.ids(people.trainers(course));
        Map<String, Boolean> none = new HashMap<>();
        preferences.findAllById(immediate).forEach(p -> none.put(p.getId(), p.isNone()));
        DebateSettings settings = debates.settingsOf(course, space);
        for (Account person : people.byId(immediate).values()) {
            if (!person.isActive() || none.getOrDefault(person.getId(), false)) {
                continue;
            }
            Enrolment e = enrolled.get(person.getId());
            if (!DigestReaders.sees(trainers.contains(person.getId()), e == null ? null : e.getInstitutionId(),
                    e != null || trainers.contains(person.getId()), person.getId(), thread, post, settings,
                    debates.released(course, space))) {
                continue;
            }
            String target = byThread.containsKey(person.getId()) ? Subscription.thread(thread.getId()) : space.key();
            String unsubscribe = unsubscribeUrl(new UnsubscribeTokens.Scope(person.getId(), course.getCode(), target));
            try {
                mailer.send(person.getEmail(),
                        messages.getMessage("mail.post.subject", new Object[] {course.getTitle(), thread.getTitle()}, SPANISH),
                        messages.getMessage("mail.post.body", new Object[] {person.getFullName(), authorName,
                                thread.getTitle(), post.getText(), urls.base() + Debates.postPath(thread, post.getId()),
                                unsubscribe}, SPANISH),
                        headers(unsubscribe));
            } catch (RuntimeException ex) {
                log.warn("Post {} not mailed to account {}: {}", post.getId(), person.getId(), ex.getMessage());
            }
        }
    }

    private void readableTarget(AulasUser user, Course course, String target) {
        if (target != null && target.startsWith("thread:")) {
            debates.readableThread(user, course, target.substring("thread:".length()));
            return;
        }
        Space space = Space.of(target);
        if (space.kind() == Space.Kind.QUESTIONS) {
            throw new NotFoundException(); // a person follows their own questions on the bell
        }
        access.readable(user, course, space);
    }

    private String courseTitle(UnsubscribeTokens.Scope scope) {
        return scope.courseCode() == null ? null : access.courseForSystem(scope.courseCode()).map(Course::getTitle).orElse("");
    }

    private String targetTitle(UnsubscribeTokens.Scope scope) {
        if (scope.target() == null || scope.courseCode() == null) {
            return null;
        }
        if (scope.target().startsWith("thread:")) {
            return debates.threadTitle(scope.target().substring("thread:".length()));
        }
        return access.courseForSystem(scope.courseCode()).map(c -> debates.title(c, Space.of(scope.target()))).orElse("");
    }
}
