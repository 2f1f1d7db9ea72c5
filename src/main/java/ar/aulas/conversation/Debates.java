package ar.aulas.conversation;

import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.PersonOrder;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseCatalog;
import ar.aulas.courses.CourseFiles;
import ar.aulas.courses.CourseModule;
import ar.aulas.courses.Enrolments;
import ar.aulas.courses.Material;
import ar.aulas.notifications.Notification;
import ar.aulas.notifications.Notifications;
import ar.aulas.shared.Markdown;
import ar.aulas.shared.Text;
import ar.aulas.shared.web.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;
import org.springframework.web.multipart.MultipartFile;

/**
 * Threads and posts in a course's spaces: the list of a space with what is unread, a thread with its replies
 * (one level of nesting, quotes, Q&A mode), starting a thread, replying, editing within 30 minutes, and
 * attachments. Every method checks the person against the course, the space and the thread.
 */
@Service
public class Debates {

    static final Duration EDIT_WINDOW = Duration.ofMinutes(30);
    static final int MAX_TEXT = 20_000;
    static final int MAX_TITLE = 200;
    static final int QUOTE_LENGTH = 300;

    public record NewThread(String title, String text, List<MultipartFile> files, boolean sharedWithTeam) {
    }

    public record NewReply(String text, String replyTo, boolean quote, List<MultipartFile> files) {
    }

    /** A thread as a list shows it; {@code author} is null when it is not to be named (a question in the FAQ). */
    public record ThreadLine(DiscussionThread thread, String author, long unread, boolean mine) {
    }

    /** @param myPoints a participant's points in a debate graded for participation (null otherwise) */
    public record SpacePage(Course course, Space space, String title, DebateSettings settings,
            Page<ThreadLine> threads,
            List<ThreadLine> faq, boolean canWrite, boolean moderator, long unread, Long myPoints) {
    }

    /** A post as shown: {@code placeholder} stands for a hidden post the reader may not see (its replies stay). */
    public record PostView(Post post, String author, String institution, boolean mine, boolean editable,
            boolean placeholder, boolean byTrainer, List<PostView> replies) {
    }

    /**
     * A thread's page: its opening post, then {@value #REPLIES_PER_PAGE} replies (each with its nested ones) of
     * {@code replyPage}; {@code replies} are those of this page.
     */
    public record ThreadPage(Course course, Space space, String spaceTitle, DiscussionThread thread, PostView opening,
            List<PostView> replies, Page<PostView> replyPage, boolean canReply,
            boolean moderator, boolean gated, boolean qaMode, boolean spaceLocked, Map<Integer, String> moveTargets) {
    }

    /** Replies (with their nested ones) a thread's page shows. */
    public static final int REPLIES_PER_PAGE = 50;

    private final ThreadRepository threads;
    private final PostRepository posts;
    private final DebateSettingsRepository settings;
    private final ConversationAccess access;
    private final ReadMarks marks;
    private final PostingLimit limit;
    private final Attachments attachments;
    private final People people;
    private final Notifications notifications;
    private final Markdown markdown;
    private final CourseCatalog catalog;
    private final MongoTemplate mongo;
    private final Clock clock;
    private final ObjectProvider<Subscriptions> subscriptions;
    private final ConversationParticipation counts;
    private final ThreadSummaries summaries;
    private final Enrolments enrolments;

    Debates(ThreadRepository threads, PostRepository posts, DebateSettingsRepository settings, ConversationAccess access,
            ReadMarks marks, PostingLimit limit, Attachments attachments, People people, Notifications notifications,
            Markdown markdown, CourseCatalog catalog, MongoTemplate mongo, Clock clock,
            ObjectProvider<Subscriptions> subscriptions,
            ConversationParticipation counts, ThreadSummaries summaries, Enrolments enrolments) {
        this.enrolments = enrolments;
        this.summaries = summaries;
        this.counts = counts;
        this.subscriptions = subscriptions;
        this.threads = threads;
        this.posts = posts;
        this.settings = settings;
        this.access = access;
        this.marks = marks;
        this.limit = limit;
        this.attachments = attachments;
        this.people = people;
        this.notifications = notifications;
        this.markdown = markdown;
        this.catalog = catalog;
        this.mongo = mongo;
        this.clock = clock;
    }

    /** Whether anyone has written in the course yet (the demo data is written once). */
    public boolean started(String courseCode) {
        return threads.existsByCourseCode(courseCode);
    }

    /** The institution a person follows the course with (their team's space), or null. */
    public String teamOf(AulasUser user, String courseCode) {
        return access.teamOf(user, access.course(user, courseCode));
    }

    /** A team space as the trainers' index lists it. */
    public record TeamLine(Space space, String name, long threads, long unread) {
    }

    /** Every team space of the course the person reads, by institution name, with what is unread in each. */
    public List<TeamLine> teams(AulasUser user, String courseCode) {
        Course course = access.course(user, courseCode);
        Map<String, String> names = people.institutionNames();
        List<Space> spaces = enrolments.institutionsOf(course.getCode()).stream().map(Space::team)
                .filter(s -> access.canRead(user, course, s)).toList();
        if (spaces.isEmpty()) {
            throw new NotFoundException();
        }
        Map<String, Long> seen = marks.of(user.id(), course.getCode());
        Map<String, long[]> sums = new HashMap<>();
        Set<String> keys = new HashSet<>(spaces.stream().map(Space::key).toList());
        summaries.of(course.getCode()).stream().filter(t -> keys.contains(t.getSpace()))
                .filter(t -> access.canRead(user, course, t)).forEach(t -> {
                    long[] sum = sums.computeIfAbsent(t.getSpace(), k -> new long[2]);
                    sum[0]++;
                    sum[1] += Math.max(0, t.getPosts() - seen.getOrDefault(t.getId(), 0L));
                });
        return spaces.stream().map(s -> new TeamLine(s, names.getOrDefault(s.institutionId(), ""),
                        sums.getOrDefault(s.key(), new long[2])[0], sums.getOrDefault(s.key(), new long[2])[1]))
                .sorted(Comparator.comparing(TeamLine::name, PersonOrder.TEXT)).toList();
    }

    static final int THREADS_PER_PAGE = 50;

    public SpacePage space(AulasUser user, String courseCode, Space space) {
        return space(user, courseCode, space, 0);
    }

    /** A page of the space's threads, pinned ones first, then by last activity ({@value #THREADS_PER_PAGE} a page). */
    public SpacePage space(AulasUser user, String courseCode, Space space, int pageNumber) {
        Course course = access.course(user, courseCode);
        access.readable(user, course, space);
        boolean moderator = access.moderates(user, course);
        Map<String, Long> seen = marks.of(user.id(), course.getCode());
        List<DiscussionThread> visible = summaries.of(course.getCode(), space.key()).stream()
                .filter(t -> access.canRead(user, course, t)).toList();
        List<DiscussionThread> listed = new ArrayList<>();
        List<DiscussionThread> faqListed = new ArrayList<>();
        for (DiscussionThread t : visible) {
            if (t.isFaq()) {
                faqListed.add(t);
            }
            if (!t.isFaq() || moderator || access.asker(user, course, t)) {
                listed.add(t);
            }
        }
        listed.sort(Comparator.comparing((DiscussionThread t) -> !t.isPinned())
                .thenComparing(DiscussionThread::getLastActivityAt, Comparator.nullsLast(Comparator.reverseOrder())));
        long unread = listed.stream().mapToLong(t -> Math.max(0, t.getPosts() - seen.getOrDefault(t.getId(), 0L))).sum();
        int pages = Math.max(1, (listed.size() + THREADS_PER_PAGE - 1) / THREADS_PER_PAGE);
        int number = Math.min(Math.max(0, pageNumber), pages - 1);
        List<DiscussionThread> slice = listed.subList(number * THREADS_PER_PAGE,
                Math.min(listed.size(), (number + 1) * THREADS_PER_PAGE));
        // the whole documents (titles) only of what the page shows, read by id
        List<String> wanted = new ArrayList<>(slice.stream().map(DiscussionThread::getId).toList());
        faqListed.forEach(t -> wanted.add(t.getId()));
        Map<String, DiscussionThread> full = new HashMap<>();
        threads.findAllById(wanted).forEach(t -> full.put(t.getId(), t));
        Map<String, String> authors = people.names(full.values().stream().map(DiscussionThread::getAuthorId).toList());
        Function<DiscussionThread, ThreadLine> line = summary -> {
            DiscussionThread t = full.getOrDefault(summary.getId(), summary);
            boolean anonymous = space.kind() == Space.Kind.QUESTIONS && !moderator && !access.asker(user, course, t);
            return new ThreadLine(t, anonymous ? null : authors.get(t.getAuthorId()),
                    Math.max(0, t.getPosts() - seen.getOrDefault(t.getId(), 0L)), t.getAuthorId().equals(user.id()));
        };
        List<ThreadLine> lines = slice.stream().map(line).toList();
        List<ThreadLine> faq = faqListed.stream().map(line).toList();
        DebateSettings set = settingsOf(course, space);
        boolean canWrite = access.canWrite(user, course, space) && !set.isLocked();
        Long points = set.isGraded() && access.enrolled(user, course)
                ? set.points(counts.ofPerson(course.getCode(), user.id()).getOrDefault(space.key(), 0L)) : null;
        var shown = new PageImpl<>(lines,
                PageRequest.of(number, THREADS_PER_PAGE), listed.size());
        return new SpacePage(course, space, title(course, space), set, shown, faq, canWrite, moderator, unread, points);
    }

    public DiscussionThread start(AulasUser user, String courseCode, Space space, NewThread data) {
        Course course = access.course(user, courseCode);
        access.readable(user, course, space);
        if (!access.canWrite(user, course, space)) {
            throw new NotFoundException();
        }
        if (settingsOf(course, space).isLocked()) {
            throw new ConversationRefused(null, "conversation.space.locked");
        }
        String title = data.title() == null ? "" : data.title().strip();
        if (title.isEmpty()) {
            throw new ConversationRefused("title", "conversation.title.required");
        }
        if (title.length() > MAX_TITLE) {
            throw new ConversationRefused("title", "form.tooLong");
        }
        String text = checkedText(data.text());
        limit.check(user);
        List<Material.StoredFile> files = attachments.store(data.files(), course.getCode(), "post");
        Instant now = clock.instant();
        String team = access.teamOf(user, course);
        DiscussionThread thread = new DiscussionThread(course.getCode(), space, title, user.id(), team,
                space.kind() == Space.Kind.QUESTIONS && data.sharedWithTeam() && team != null, now);
        try {
            thread = threads.save(thread);
            summaries.changed(course.getCode());
            Post post = posts.save(new Post(thread, true, null, null, user.id(), team, text, markdown.toSafeHtml(text),
                    Text.searchable(title + " " + text), files, now));
            marks.mark(user.id(), course.getCode(), thread.getId(), 1);
            counts.count(post, space, 1);
            tellAboutNewThread(user, course, space, thread, post);
            subscriptions.getObject().published(course, thread, post, user.fullName());
            return thread;
        } catch (RuntimeException e) {
            if (thread.getId() != null) {
                threads.deleteById(thread.getId()); // no thread without its opening post
                summaries.changed(course.getCode());
            }
            attachments.delete(files);
            throw e;
        }
    }

    public ThreadPage thread(AulasUser user, String courseCode, String threadId) {
        return thread(user, courseCode, threadId, 0, null);
    }

    /**
     * One page of a thread: page {@code number} (0 is the first), or the page holding post {@code postId} when it is
     * given (a link to a post from the bell, a mail or the search lands where the post is).
     */
    public ThreadPage thread(AulasUser user, String courseCode, String threadId, int number, String postId) {
        Course course = access.course(user, courseCode);
        DiscussionThread thread = readableThread(user, course, threadId);
        Space space = thread.space();
        boolean moderator = access.moderates(user, course);
        DebateSettings set = settingsOf(course, space);
        List<Post> all = posts.findByThreadIdOrderByCreatedAtAsc(thread.getId());
        boolean gated = gated(user, course, set, all);
        Map<String, String> authors = people.names(all.stream().map(Post::getAuthorId).toList());
        Map<String, String> institutions = people.institutionNames();
        Set<String> trainers = people.ids(people.trainers(course));
        boolean anonymousAsker = space.kind() == Space.Kind.QUESTIONS && !moderator && !access.asker(user, course, thread);
        Instant now = clock.instant();
        PostView opening = null;
        Map<String, PostView> top = new LinkedHashMap<>();
        Map<String, List<PostView>> nested = new LinkedHashMap<>();
        for (Post p : all) {
            boolean mine = p.getAuthorId().equals(user.id());
            if (gated && !p.isOpening() && !mine) {
                continue;
            }
            boolean byTrainer = trainers.contains(p.getAuthorId());
            boolean placeholder = p.isHidden() && !moderator && !mine;
            boolean anonymous = anonymousAsker && !byTrainer;
            String author = authors.get(p.getAuthorId());
            PostView view = new PostView(p, placeholder || anonymous ? null : author,
                    placeholder || anonymous || p.getAuthorInstitutionId() == null ? null
                            : institutions.get(p.getAuthorInstitutionId()),
                    mine, mine && editable(p, thread, now), placeholder, byTrainer, new ArrayList<>());
            if (p.isOpening()) {
                opening = view;
            } else if (p.getParentId() == null) {
                top.put(p.getId(), view);
            } else {
                nested.computeIfAbsent(p.getParentId(), k -> new ArrayList<>()).add(view);
            }
        }
        nested.forEach((parent, children) -> {
            PostView p = top.get(parent);
            if (p != null) {
                p.replies().addAll(children);
            }
        });
        if (opening == null) {
            throw new NotFoundException();
        }
        marks.mark(user.id(), course.getCode(), thread.getId(), thread.getPosts());
        notifications.markReadAt(user, path(thread));
        Map<Integer, String> targets = new LinkedHashMap<>();
        if (moderator && space.kind() == Space.Kind.DEBATE) {
            catalog.modules(course.getCode()).forEach((n, m) -> {
                if (n != space.module()) {
                    targets.put(n, m.getTitle());
                }
            });
        }
        List<PostView> replies = List.copyOf(top.values());
        int pageNumber = number;
        if (postId != null) {
            for (int i = 0; i < replies.size(); i++) {
                PostView r = replies.get(i);
                if (r.post().getId().equals(postId) || r.replies().stream().anyMatch(n -> n.post().getId().equals(postId))) {
                    pageNumber = i / REPLIES_PER_PAGE;
                    break;
                }
            }
        }
        int pages = Math.max(1, (replies.size() + REPLIES_PER_PAGE - 1) / REPLIES_PER_PAGE);
        pageNumber = Math.min(Math.max(0, pageNumber), pages - 1);
        List<PostView> shown = replies.subList(pageNumber * REPLIES_PER_PAGE,
                Math.min(replies.size(), (pageNumber + 1) * REPLIES_PER_PAGE));
        var replyPage = new PageImpl<>(shown,
                PageRequest.of(pageNumber, REPLIES_PER_PAGE), replies.size());
        return new ThreadPage(course, space, title(course, space), thread, opening, shown, replyPage,
                access.canReply(user, course, thread), moderator, gated, set.isQaMode(),
                set.isLocked(), targets);
    }

    public Post reply(AulasUser user, String courseCode, String threadId, NewReply data) {
        Course course = access.course(user, courseCode);
        DiscussionThread thread = readableThread(user, course, threadId);
        if (thread.isLocked()) {
            throw new ConversationRefused(null, "conversation.thread.locked");
        }
        if (!access.canReply(user, course, thread)) {
            throw new NotFoundException();
        }
        String text = checkedText(data.text());
        Post parent = null;
        if (data.replyTo() != null && !data.replyTo().isBlank()) {
            parent = posts.findById(data.replyTo()).filter(p -> p.getThreadId().equals(thread.getId()))
                    .filter(p -> !p.isHidden()).orElseThrow(NotFoundException::new);
        }
        limit.check(user);
        List<Material.StoredFile> files = attachments.store(data.files(), course.getCode(), "post");
        String parentId = parent == null || parent.isOpening() ? null
                : parent.getParentId() != null ? parent.getParentId() : parent.getId();
        Post.Quote quote = parent != null && data.quote() && !parent.isOpening()
                ? new Post.Quote(parent.getId(), parent.getAuthorId(), excerpt(parent.getText())) : null;
        Instant now = clock.instant();
        Post post;
        try {
            post = posts.save(new Post(thread, false, parentId, quote, user.id(), access.teamOf(user, course), text,
                    markdown.toSafeHtml(text), Text.searchable(text), files, now));
        } catch (RuntimeException e) {
            attachments.delete(files);
            throw e;
        }
        mongo.updateFirst(Query.query(Criteria.where("_id").is(thread.getId())),
                new Update().inc("posts", 1).set("lastActivityAt", now), DiscussionThread.class);
        summaries.changed(course.getCode());
        marks.mark(user.id(), course.getCode(), thread.getId(), thread.getPosts() + 1);
        counts.count(post, thread.space(), 1);
        tellAboutReply(user, course, thread, parent, post);
        subscriptions.getObject().published(course, thread, post, user.fullName());
        return post;
    }

    public Post edit(AulasUser user, String courseCode, String postId, String newText) {
        Course course = access.course(user, courseCode);
        Post post = ownPost(user, course, postId);
        DiscussionThread thread = readableThread(user, course, post.getThreadId());
        if (!editable(post, thread, clock.instant())) {
            throw new ConversationRefused("text", "conversation.edit.window", EDIT_WINDOW.toMinutes());
        }
        String text = checkedText(newText);
        String searchable = post.isOpening() ? Text.searchable(thread.getTitle() + " " + text) : Text.searchable(text);
        var updated = mongo.updateFirst(Query.query(Criteria.where("_id").is(post.getId()).and("authorId").is(user.id())
                        .and("hidden").is(false)),
                new Update().set("text", text).set("html", markdown.toSafeHtml(text)).set("searchable", searchable)
                        .set("editedAt", clock.instant()), Post.class);
        if (updated.getModifiedCount() == 0) {
            throw new ConversationRefused("text", "conversation.edit.window", EDIT_WINDOW.toMinutes());
        }
        Set<String> before = mentioned(course, thread.space(), post.getText());
        Set<String> now = new HashSet<>(mentioned(course, thread.space(), text));
        now.removeAll(before);
        tellMentioned(user, course, thread, now);
        return posts.findById(post.getId()).orElseThrow();
    }

    /** A post of this course written by this person, which they can still read; 404 otherwise. */
    public Post ownPost(AulasUser user, String courseCode, String postId) {
        Course course = access.course(user, courseCode);
        return ownPost(user, course, postId);
    }

    private Post ownPost(AulasUser user, Course course, String postId) {
        Post post = posts.findById(postId).filter(p -> p.getCourseCode().equals(course.getCode()))
                .filter(p -> p.getAuthorId().equals(user.id())).orElseThrow(NotFoundException::new);
        readableThread(user, course, post.getThreadId());
        return post;
    }

    /** A post someone else wrote that this person sees in full (to report it); 404 otherwise. */
    public Post othersPost(AulasUser user, String courseCode, String postId) {
        Course course = access.course(user, courseCode);
        Post post = visiblePost(user, course, postId);
        if (post.getAuthorId().equals(user.id()) || post.isHidden()) {
            throw new NotFoundException();
        }
        return post;
    }

    public CourseFiles.Download file(AulasUser user, String courseCode, String postId, String fileId) {
        Course course = access.course(user, courseCode);
        Post post = visiblePost(user, course, postId);
        return attachments.open(post.getAttachments(), fileId);
    }

    /** A post this person may see in full: its thread readable, not hidden from them, not behind the Q&A gate. */
    Post visiblePost(AulasUser user, Course course, String postId) {
        Post post = posts.findById(postId).filter(p -> p.getCourseCode().equals(course.getCode()))
                .orElseThrow(NotFoundException::new);
        DiscussionThread thread = readableThread(user, course, post.getThreadId());
        if (!sees(user, course, post, () -> gated(user, course, thread))) {
            throw new NotFoundException();
        }
        return post;
    }

    /**
     * Whether the person sees this post of a thread they read: not hidden from them and not behind the Q&A gate
     * ({@code gated} is asked only when it matters, since it reads the thread's posts).
     */
    boolean sees(AulasUser user, Course course, Post post, BooleanSupplier gated) {
        boolean mine = post.getAuthorId().equals(user.id());
        if (post.isHidden() && !mine && !access.moderates(user, course)) {
            return false;
        }
        return post.isOpening() || mine || !gated.getAsBoolean();
    }

    /** Whether the Q&A gate hides the others' replies of this thread from the person. */
    boolean gated(AulasUser user, Course course, DiscussionThread thread) {
        return gated(user, course, settingsOf(course, thread.space()), posts.findByThreadIdOrderByCreatedAtAsc(thread.getId()));
    }

    DiscussionThread readableThread(AulasUser user, Course course, String threadId) {
        return threads.findById(threadId).filter(t -> access.canRead(user, course, t)).orElseThrow(NotFoundException::new);
    }

    DebateSettings settingsOf(Course course, Space space) {
        return settings.findById(DebateSettings.id(course.getCode(), space)).orElseGet(() -> new DebateSettings(course.getCode(), space));
    }

    /** The space's name as its pages show it: the encounter's title for a debate, the institution for a team. */
    String title(Course course, Space space) {
        return switch (space.kind()) {
            case DEBATE -> {
                CourseModule m = catalog.modules(course.getCode()).get(space.module());
                yield m == null ? "" : m.getTitle();
            }
            case TEAM -> people.institutionName(space.institutionId());
            case QUESTIONS -> "";
        };
    }

    String threadTitle(String threadId) {
        return threads.findById(threadId).map(DiscussionThread::getTitle).orElse("");
    }

    /** Whether a debate's encounter is released today (other spaces always are). */
    boolean released(Course course, Space space) {
        return space.kind() != Space.Kind.DEBATE || access.released(course, space.module());
    }

    static String path(DiscussionThread thread) {
        return "/courses/" + thread.getCourseCode() + "/threads/" + thread.getId();
    }

    /** Where a post of a long thread is: its thread's page that holds it, scrolled to it. */
    public static String postPath(DiscussionThread thread, String postId) {
        return path(thread) + "?post=" + postId + "#post-" + postId;
    }

    /** In Q&A mode a participant sees the others' replies only once they have replied themselves. */
    private boolean gated(AulasUser user, Course course, DebateSettings set, List<Post> all) {
        return set.isQaMode() && !access.moderates(user, course)
                && all.stream().noneMatch(p -> !p.isOpening() && p.getAuthorId().equals(user.id()));
    }

    private static boolean editable(Post post, DiscussionThread thread, Instant now) {
        return !post.isHidden() && !thread.isLocked() && now.isBefore(post.getCreatedAt().plus(EDIT_WINDOW));
    }

    private static String checkedText(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new ConversationRefused("text", "conversation.text.required");
        }
        if (t.length() > MAX_TEXT) {
            throw new ConversationRefused("text", "conversation.text.tooLong", MAX_TEXT);
        }
        return t;
    }

    static String excerpt(String text) {
        String plain = text.replaceAll("\\s+", " ").strip();
        return plain.length() <= QUOTE_LENGTH ? plain : plain.substring(0, QUOTE_LENGTH - 1) + "…";
    }

    private Set<String> mentioned(Course course, Space space, String text) {
        if (text == null || text.indexOf('@') < 0) {
            return Set.of();
        }
        return Mentions.in(text, people.members(course, space));
    }

    private void tellAboutNewThread(AulasUser user, Course course, Space space, DiscussionThread thread, Post post) {
        if (space.kind() == Space.Kind.QUESTIONS) {
            Set<String> trainers = people.ids(people.trainers(course));
            trainers.remove(user.id());
            notifications.tell(trainers, Notification.Kind.ANSWER, "notification.question",
                    List.of(thread.getTitle(), course.getTitle()), path(thread));
            return;
        }
        tellMentioned(user, course, thread, mentioned(course, space, post.getText()));
    }

    private void tellAboutReply(AulasUser user, Course course, DiscussionThread thread, Post parent, Post post) {
        Set<String> told = new HashSet<>();
        told.add(user.id());
        String href = postPath(thread, post.getId());
        if (thread.space().kind() == Space.Kind.QUESTIONS) {
            boolean fromTrainer = access.moderates(user, course);
            Set<String> to = new HashSet<>();
            if (fromTrainer) {
                to.add(thread.getAuthorId());
            } else {
                to.addAll(people.ids(people.trainers(course)));
            }
            to.removeAll(told);
            notifications.tell(to, fromTrainer ? Notification.Kind.ANSWER : Notification.Kind.REPLY,
                    fromTrainer ? "notification.answered" : "notification.questionReply",
                    List.of(thread.getTitle(), course.getTitle()), href);
            return;
        }
        Set<String> mentioned = new HashSet<>(mentioned(course, thread.space(), post.getText()));
        mentioned.removeAll(told);
        tellMentioned(user, course, thread, mentioned);
        told.addAll(mentioned);
        Set<String> replied = new HashSet<>();
        if (parent != null) {
            replied.add(parent.getAuthorId());
        }
        replied.add(thread.getAuthorId());
        replied.removeAll(told);
        notifications.tell(replied, Notification.Kind.REPLY, "notification.reply",
                List.of(user.fullName(), thread.getTitle()), href);
    }

    private void tellMentioned(AulasUser user, Course course, DiscussionThread thread, Set<String> mentioned) {
        Set<String> to = new HashSet<>(mentioned);
        to.remove(user.id());
        notifications.tell(to, Notification.Kind.MENTION, "notification.mention",
                List.of(user.fullName(), thread.getTitle()), path(thread));
    }
}
