package ar.aulas.conversation;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ThreadRepository extends MongoRepository<DiscussionThread, String> {

    List<DiscussionThread> findByCourseCodeAndSpaceOrderByLastActivityAtDesc(String courseCode, String space);

    List<DiscussionThread> findByCourseCodeAndSpaceIn(String courseCode, Collection<String> spaces);

    boolean existsByCourseCode(String courseCode);
}

interface PostRepository extends MongoRepository<Post, String> {

    List<Post> findByThreadIdOrderByCreatedAtAsc(String threadId);

    long countByAuthorIdAndCreatedAtAfter(String authorId, Instant after);

    List<Post> findByCourseCodeAndSearchableRegex(String courseCode, String pattern);
}

interface ReadMarkRepository extends MongoRepository<ReadMark, String> {

    List<ReadMark> findByAccountIdAndCourseCode(String accountId, String courseCode);
}

interface DebateSettingsRepository extends MongoRepository<DebateSettings, String> {

    List<DebateSettings> findByCourseCode(String courseCode);
}

interface ModerationEntryRepository extends MongoRepository<ModerationEntry, String> {

    List<ModerationEntry> findTop200ByCourseCodeOrderByAtDesc(String courseCode);
}

interface PostReportRepository extends MongoRepository<PostReport, String> {

    List<PostReport> findByCourseCodeAndResolvedFalse(String courseCode);
}

interface AnnouncementRepository extends MongoRepository<Announcement, String> {

    List<Announcement> findByCourseCodeOrderByPublishAtDesc(String courseCode);

    List<Announcement> findByDeliveredFalseAndPublishAtLessThanEqual(Instant now);
}

interface SubscriptionRepository extends MongoRepository<Subscription, String> {

    List<Subscription> findByCourseCode(String courseCode);

    List<Subscription> findByCourseCodeAndTargetIn(String courseCode, Collection<String> targets);
}

interface MailPreferenceRepository extends MongoRepository<MailPreference, String> {
}
