package ar.aulas.conversation;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.notifications.Notification;
import ar.aulas.notifications.Notifications;
import ar.aulas.shared.web.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/**
 * What the course's trainers do to keep the conversation useful: hide a post (with a reason its author sees), lock,
 * pin and move a thread, endorse a reply, set a debate's Q&A mode or lock it, publish a question as FAQ; and what any
 * member does: report a post. Everything is written to the audit.
 */
@Service
public class Moderation {

    static final int MAX_REASON = 500;

    public record Report(PostReport report, String reporter, String threadTitle) {
    }

    public record AuditLine(ModerationEntry entry, String actor) {
    }

    public record Page(Course course, List<Report> reports, List<AuditLine> audit) {
    }

    private final ThreadRepository threads;
    private final PostRepository posts;
    private final DebateSettingsRepository settings;
    private final PostReportRepository reports;
    private final ModerationEntryRepository audit;
    private final ConversationAccess access;
    private final Debates debates;
    private final People people;
    private final Notifications notifications;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ConversationParticipation counts;
    private final ThreadSummaries summaries;

    Moderation(ThreadRepository threads, PostRepository posts, DebateSettingsRepository settings,
            PostReportRepository reports, ModerationEntryRepository audit, ConversationAccess access, Debates debates,
            People people, Notifications notifications, MongoTemplate mongo, Clock clock, ConversationParticipation counts,
            ThreadSummaries summaries) {
        this.summaries = summaries;
        this.counts = counts;
        this.threads = threads;
        this.posts = posts;
        this.settings = settings;
        this.reports = reports;
        this.audit = audit;
        this.access = access;
        this.debates = debates;
        this.people = people;
        this.notifications = notifications;
        this.mongo = mongo;
        this.clock = clock;
    }

    public void hide(AulasUser user, String courseCode, String postId, String reason) {
        Course course = moderated(user, courseCode);
        Post post = postOf(course, postId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new ConversationRefused("reason", "moderation.reason.required");
        }
        if (why.length() > MAX_REASON) {
            throw new ConversationRefused("reason", "form.tooLong");
        }
        var hidden = mongo.updateFirst(Query.query(Criteria.where("_id").is(post.getId()).and("hidden").is(false)),
                new Update().set("hidden", true).set("hiddenReason", why).set("hiddenBy", user.id())
                        .set("hiddenAt", clock.instant()), Post.class);
        if (hidden.getModifiedCount() == 1) {
            counts.count(post, Space.of(post.getSpace()), -1);
        }
        if (post.isOpening()) {
            mongo.updateFirst(byId(post.getThreadId()), new Update().set("hidden", true), DiscussionThread.class);
        }
        record(course, user, ModerationEntry.Action.HIDE, post.getThreadId(), post.getId(), why);
        DiscussionThread thread = threads.findById(post.getThreadId()).orElseThrow();
        if (!post.getAuthorId().equals(user.id())) {
            notifications.tell(post.getAuthorId(), Notification.Kind.MODERATION, "notification.hidden",
                    List.of(thread.getTitle(), why), Debates.postPath(thread, post.getId()));
        }
    }

    public void show(AulasUser user, String courseCode, String postId) {
        Course course = moderated(user, courseCode);
        Post post = postOf(course, postId);
        var shown = mongo.updateFirst(Query.query(Criteria.where("_id").is(post.getId()).and("hidden").is(true)),
                new Update().set("hidden", false).unset("hiddenReason").unset("hiddenBy").unset("hiddenAt"), Post.class);
        if (shown.getModifiedCount() == 1) {
            counts.count(post, Space.of(post.getSpace()), 1);
        }
        if (post.isOpening()) {
            mongo.updateFirst(byId(post.getThreadId()), new Update().set("hidden", false), DiscussionThread.class);
        }
        record(course, user, ModerationEntry.Action.SHOW, post.getThreadId(), post.getId(), null);
    }

    public void endorse(AulasUser user, String courseCode, String postId, boolean endorsed) {
        Course course = moderated(user, courseCode);
        Post post = postOf(course, postId);
        if (post.isOpening()) {
            throw new NotFoundException();
        }
        mongo.updateFirst(byId(post.getId()), new Update().set("endorsed", endorsed).set("endorsedBy", user.id()), Post.class);
        record(course, user, endorsed ? ModerationEntry.Action.ENDORSE : ModerationEntry.Action.UNENDORSE,
                post.getThreadId(), post.getId(), null);
    }

    public DiscussionThread lock(AulasUser user, String courseCode, String threadId, boolean locked) {
        return setOnThread(user, courseCode, threadId, "locked", locked,
                locked ? ModerationEntry.Action.LOCK : ModerationEntry.Action.UNLOCK);
    }

    public DiscussionThread pin(AulasUser user, String courseCode, String threadId, boolean pinned) {
        return setOnThread(user, courseCode, threadId, "pinned", pinned,
                pinned ? ModerationEntry.Action.PIN : ModerationEntry.Action.UNPIN);
    }

    /** Publishes an answered question to the course as a frequently asked one (its asker is never named), or withdraws it. */
    public DiscussionThread faq(AulasUser user, String courseCode, String threadId, boolean published) {
        Course course = moderated(user, courseCode);
        DiscussionThread thread = threadOf(course, threadId);
        if (thread.space().kind() != Space.Kind.QUESTIONS) {
            throw new NotFoundException();
        }
        if (published && thread.getReplies() == 0) {
            throw new ConversationRefused(null, "moderation.faq.unanswered");
        }
        return setOnThread(user, courseCode, threadId, "faq", published,
                published ? ModerationEntry.Action.PUBLISH_FAQ : ModerationEntry.Action.UNPUBLISH_FAQ);
    }

    /** Moves a debate's thread, with its posts, to another encounter's debate of the same course. */
    public DiscussionThread move(AulasUser user, String courseCode, String threadId, int toModule) {
        Course course = moderated(user, courseCode);
        DiscussionThread thread = threadOf(course, threadId);
        Space from = thread.space();
        Space to = Space.debate(toModule);
        if (from.kind() != Space.Kind.DEBATE || !access.canRead(user, course, to)) {
            throw new NotFoundException();
        }
        if (from.equals(to)) {
            return thread;
        }
        List<Post> moving = posts.findByThreadIdOrderByCreatedAtAsc(thread.getId());
        mongo.updateMulti(Query.query(Criteria.where("threadId").is(thread.getId())), new Update().set("space", to.key()),
                Post.class);
        moving.stream().filter(p -> !p.isHidden()).forEach(p -> counts.moved(p, from, to));
        mongo.updateFirst(byId(thread.getId()), new Update().set("space", to.key()), DiscussionThread.class);
        record(course, user, ModerationEntry.Action.MOVE, thread.getId(), null, from.key() + " → " + to.key());
        return threads.findById(thread.getId()).orElseThrow();
    }

    /**
     * A debate's settings; {@code pointsPerPost} and {@code maxPoints} grade it for participation (0 and 0: not graded),
     * shown in the gradebook.
     */
    public void settings(AulasUser user, String courseCode, Space space, boolean qaMode, boolean locked, int pointsPerPost,
            int maxPoints) {
        Course course = moderated(user, courseCode);
        access.readable(user, course, space);
        if (pointsPerPost < 0 || pointsPerPost > 100) {
            throw new ConversationRefused("pointsPerPost", "moderation.points.range", 0, 100);
        }
        if (maxPoints < 0 || maxPoints > 100) {
            throw new ConversationRefused("maxPoints", "moderation.points.range", 0, 100);
        }
        if ((pointsPerPost == 0) != (maxPoints == 0)) {
            throw new ConversationRefused("maxPoints", "moderation.points.both");
        }
        DebateSettings set = debates.settingsOf(course, space);
        boolean debate = space.kind() == Space.Kind.DEBATE;
        set.set(debate && qaMode, locked, debate ? pointsPerPost : 0, debate ? maxPoints : 0, user.id(), clock.instant());
        settings.save(set);
        record(course, user, ModerationEntry.Action.SETTINGS, null, null, space.key() + (set.isQaMode() ? " qa" : "")
                + (locked ? " locked" : "") + (set.isGraded() ? " " + pointsPerPost + "/" + maxPoints : ""));
    }

    /** Any reader reports a post they see to the trainers, once; the trainers are told. */
    public void report(AulasUser user, String courseCode, String postId, String reason) {
        Course course = access.course(user, courseCode);
        Post post = debates.visiblePost(user, course, postId);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new ConversationRefused("reason", "moderation.reason.required");
        }
        if (why.length() > MAX_REASON) {
            throw new ConversationRefused("reason", "form.tooLong");
        }
        if (post.getAuthorId().equals(user.id())) {
            throw new ConversationRefused("reason", "moderation.report.own");
        }
        try {
            reports.insert(new PostReport(post, user.id(), why, clock.instant()));
        } catch (DuplicateKeyException e) {
            throw new ConversationRefused("reason", "moderation.report.again");
        }
        record(course, user, ModerationEntry.Action.REPORT, post.getThreadId(), post.getId(), why);
        Set<String> trainers = people.ids(people.trainers(course));
        trainers.remove(user.id());
        notifications.tell(trainers, Notification.Kind.REPORT, "notification.report", List.of(course.getTitle()),
                "/courses/" + course.getCode() + "/moderation");
    }

    public void resolve(AulasUser user, String courseCode, String reportId) {
        Course course = moderated(user, courseCode);
        PostReport report = reports.findById(reportId).filter(r -> !r.isResolved())
                .filter(r -> posts.findById(r.getPostId()).map(p -> p.getCourseCode().equals(course.getCode())).orElse(false))
                .orElseThrow(NotFoundException::new);
        mongo.updateFirst(byId(report.getId()), new Update().set("resolved", true).set("resolvedBy", user.id())
                .set("resolvedAt", clock.instant()), PostReport.class);
        record(course, user, ModerationEntry.Action.RESOLVE, report.getThreadId(), report.getPostId(), null);
    }

    public Page page(AulasUser user, String courseCode) {
        Course course = moderated(user, courseCode);
        List<PostReport> open = reports.findByCourseCodeAndResolvedFalse(course.getCode());
        List<ModerationEntry> entries = audit.findTop200ByCourseCodeOrderByAtDesc(course.getCode());
        List<String> ids = new ArrayList<>();
        open.forEach(r -> ids.add(r.getReporterId()));
        entries.forEach(e -> ids.add(e.getActorId()));
        Map<String, String> names = people.names(ids);
        Map<String, String> titles = new HashMap<>();
        threads.findAllById(open.stream().map(PostReport::getThreadId).toList()).forEach(t -> titles.put(t.getId(), t.getTitle()));
        return new Page(course,
                open.stream().map(r -> new Report(r, name(names, r.getReporterId()), titles.getOrDefault(r.getThreadId(), "")))
                        .toList(),
                entries.stream().map(e -> new AuditLine(e, name(names, e.getActorId()))).toList());
    }

    private DiscussionThread setOnThread(AulasUser user, String courseCode, String threadId, String field, boolean value,
            ModerationEntry.Action action) {
        Course course = moderated(user, courseCode);
        DiscussionThread thread = threadOf(course, threadId);
        mongo.updateFirst(byId(thread.getId()), new Update().set(field, value), DiscussionThread.class);
        record(course, user, action, thread.getId(), null, null);
        return threads.findById(thread.getId()).orElseThrow();
    }

    private Course moderated(AulasUser user, String courseCode) {
        Course course = access.course(user, courseCode);
        if (!access.moderates(user, course)) {
            throw new NotFoundException();
        }
        return course;
    }

    private DiscussionThread threadOf(Course course, String threadId) {
        return threads.findById(threadId).filter(t -> t.getCourseCode().equals(course.getCode()))
                .orElseThrow(NotFoundException::new);
    }

    private Post postOf(Course course, String postId) {
        return posts.findById(postId).filter(p -> p.getCourseCode().equals(course.getCode()))
                .orElseThrow(NotFoundException::new);
    }

    private void record(Course course, AulasUser user, ModerationEntry.Action action, String threadId, String postId,
            String detail) {
        summaries.changed(course.getCode()); // every moderation may change what lists show
        audit.insert(new ModerationEntry(course.getCode(), clock.instant(), user.id(), action, threadId, postId, detail));
    }

    private static Query byId(String id) {
        return Query.query(Criteria.where("_id").is(id));
    }

    private static String name(Map<String, String> names, String id) {
        return names.getOrDefault(id, "");
    }
}
