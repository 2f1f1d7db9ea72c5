package ar.aulas.conversation;

import ar.aulas.accounts.Account;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseCatalog;
import ar.aulas.courses.Enrolment;
import ar.aulas.courses.Enrolments;
import ar.aulas.shared.jobs.JobLeases;
import ar.aulas.shared.mail.Mailer;
import ar.aulas.shared.web.PublicUrls;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every morning, one mail per person with the previous day's posts in the spaces they read across their courses,
 * unless they chose otherwise for a space or thread or none at all. Each person's digest of a day is recorded before
 * it is sent, so it is composed exactly once however many times the job runs.
 */
@Component
public class DebateDigest {

    private static final Logger log = LoggerFactory.getLogger(DebateDigest.class);
    static final ZoneId SALTA = ZoneId.of("America/Argentina/Salta");
    static final int EXCERPT = 200;

    record Line(String course, String space, String thread, String author, String excerpt, String link) {
    }

    private final CourseCatalog catalog;
    private final Enrolments enrolments;
    private final ThreadRepository threads;
    private final SubscriptionRepository subscriptions;
    private final MailPreferenceRepository preferences;
    private final Debates debates;
    private final People people;
    private final Subscriptions subscriptionService;
    private final Mailer mailer;
    private final MessageSource messages;
    private final PublicUrls urls;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final JobLeases leases;

    DebateDigest(CourseCatalog catalog, Enrolments enrolments, ThreadRepository threads,
            SubscriptionRepository subscriptions, MailPreferenceRepository preferences, Debates debates, People people,
            Subscriptions subscriptionService, Mailer mailer, MessageSource messages, PublicUrls urls,
            MongoTemplate mongo, Clock clock, JobLeases leases) {
        this.leases = leases;
        this.catalog = catalog;
        this.enrolments = enrolments;
        this.threads = threads;
        this.subscriptions = subscriptions;
        this.preferences = preferences;
        this.debates = debates;
        this.people = people;
        this.subscriptionService = subscriptionService;
        this.mailer = mailer;
        this.messages = messages;
        this.urls = urls;
        this.mongo = mongo;
        this.clock = clock;
    }

    // the same property as ConversationProperties.digestCron, read here because a cron is fixed when the bean is made
    @Scheduled(cron = "${aulas.conversation.digest-cron:0 0 7 * * *}", zone = "America/Argentina/Salta")
    void everyMorning() {
        leases.runExclusively("debate-digest", Duration.ofHours(1),
                () -> send(LocalDate.now(clock.withZone(SALTA)).minusDays(1)));
    }

    /** Sends the digest of {@code day}'s posts (Salta time); returns how many people were sent one now. */
    public int send(LocalDate day) {
        Instant from = day.atStartOfDay(SALTA).toInstant();
        Instant to = day.plusDays(1).atStartOfDay(SALTA).toInstant();
        Map<String, List<Line>> byPerson = new LinkedHashMap<>();
        for (Course course : catalog.live()) {
            collect(course, from, to, byPerson);
        }
        if (byPerson.isEmpty()) {
            return 0;
        }
        Map<String, Account> accounts = people.byId(byPerson.keySet());
        Set<String> none = new HashSet<>();
        preferences.findAllById(byPerson.keySet()).forEach(p -> {
            if (p.isNone()) {
                none.add(p.getId());
            }
        });
        int sent = 0;
        for (var entry : byPerson.entrySet()) {
            Account person = accounts.get(entry.getKey());
            if (person == null || !person.isActive() || none.contains(person.getId())) {
                continue;
            }
            try {
                mongo.insert(new DigestSent(person.getId(), day, clock.instant(), entry.getValue().size()));
            } catch (DuplicateKeyException e) {
                continue; // composed already today
            }
            mail(person, day, entry.getValue());
            sent++;
        }
        log.info("Debate digest of {}: {} people", day, sent);
        return sent;
    }

    private void collect(Course course, Instant from, Instant to, Map<String, List<Line>> byPerson) {
        List<Post> day = new ArrayList<>(mongo.find(Query.query(
                Criteria.where("courseCode").is(course.getCode())
                        .and("createdAt").gte(from).lt(to)), Post.class));
        if (day.isEmpty()) {
            return;
        }
        Map<String, DiscussionThread> byId = new HashMap<>();
        threads.findAllById(day.stream().map(Post::getThreadId).distinct().toList()).forEach(t -> byId.put(t.getId(), t));
        Map<String, Enrolment> members = new HashMap<>();
        enrolments.active(course.getCode(), null).forEach(e -> members.put(e.getAccountId(), e));
        Set<String> trainers = people.ids(people.trainers(course));
        Set<String> everyone = new HashSet<>(members.keySet());
        everyone.addAll(trainers);
        Map<String, Map<String, Subscription.Mode>> chosen = new HashMap<>();
        subscriptions.findByCourseCode(course.getCode()).forEach(s ->
                chosen.computeIfAbsent(s.getAccountId(), k -> new HashMap<>()).put(s.getTarget(), s.getMode()));
        Map<String, DebateSettings> settings = new HashMap<>();
        Map<String, Boolean> released = new HashMap<>();
        Map<String, String> titles = new HashMap<>();
        Map<String, Account> authors = people.byId(day.stream().map(Post::getAuthorId).toList());
        day.sort(Comparator.comparing(Post::getCreatedAt));
        for (Post post : day) {
            DiscussionThread thread = byId.get(post.getThreadId());
            if (thread == null) {
                continue;
            }
            Space space = thread.space();
            DebateSettings set = settings.computeIfAbsent(space.key(), k -> debates.settingsOf(course, space));
            boolean open = released.computeIfAbsent(space.key(), k -> debates.released(course, space));
            String spaceTitle = titles.computeIfAbsent(space.key(), k -> spaceName(course, space));
            Account author = authors.get(post.getAuthorId());
            boolean anonymous = space.kind() == Space.Kind.QUESTIONS && !trainers.contains(post.getAuthorId());
            Line line = new Line(course.getTitle(), spaceTitle, thread.getTitle(),
                    anonymous || author == null ? messages.getMessage("conversation.anonymous", null, Subscriptions.SPANISH)
                            : author.getFullName(),
                    excerpt(post.getText()), urls.base() + Debates.postPath(thread, post.getId()));
            for (String id : everyone) {
                if (id.equals(post.getAuthorId())) {
                    continue;
                }
                Map<String, Subscription.Mode> mine = chosen.getOrDefault(id, Map.of());
                Subscription.Mode mode = mine.getOrDefault(Subscription.thread(thread.getId()),
                        mine.getOrDefault(space.key(), Subscription.Mode.DIGEST));
                if (mode != Subscription.Mode.DIGEST) {
                    continue;
                }
                Enrolment e = members.get(id);
                if (DigestReaders.sees(trainers.contains(id), e == null ? null : e.getInstitutionId(), true, id, thread,
                        post, set, open)) {
                    byPerson.computeIfAbsent(id, k -> new ArrayList<>()).add(line);
                }
            }
        }
    }

    private String spaceName(Course course, Space space) {
        return switch (space.kind()) {
            case DEBATE -> messages.getMessage("conversation.debate.title", new Object[] {space.module(),
                    debates.title(course, space)}, Subscriptions.SPANISH);
            case TEAM -> messages.getMessage("conversation.team.title", new Object[] {debates.title(course, space)},
                    Subscriptions.SPANISH);
            case QUESTIONS -> messages.getMessage("conversation.questions.title", null, Subscriptions.SPANISH);
        };
    }

    private void mail(Account person, LocalDate day, List<Line> lines) {
        StringBuilder body = new StringBuilder();
        String course = null;
        String thread = null;
        for (Line l : lines) {
            if (!l.course().equals(course)) {
                body.append("\n== ").append(l.course()).append(" ==\n");
                course = l.course();
                thread = null;
            }
            if (!(l.space() + l.thread()).equals(thread)) {
                body.append("\n").append(l.space()).append(" — «").append(l.thread()).append("»\n");
                thread = l.space() + l.thread();
            }
            body.append("* ").append(l.author()).append(": ").append(l.excerpt()).append("\n  ").append(l.link()).append("\n");
        }
        String unsubscribe = subscriptionService.unsubscribeUrl(new UnsubscribeTokens.Scope(person.getId(), null, null));
        String date = day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        mailer.send(person.getEmail(),
                messages.getMessage("mail.digest.subject", new Object[] {date, lines.size()}, Subscriptions.SPANISH),
                messages.getMessage("mail.digest.body", new Object[] {person.getFullName(), date, body.toString().strip(),
                        urls.base() + "/account/conversation", unsubscribe, lines.size()}, Subscriptions.SPANISH),
                subscriptionService.headers(unsubscribe));
    }

    static String excerpt(String text) {
        String plain = text.replaceAll("\\s+", " ").strip();
        return plain.length() <= EXCERPT ? plain : plain.substring(0, EXCERPT - 1) + "…";
    }
}
