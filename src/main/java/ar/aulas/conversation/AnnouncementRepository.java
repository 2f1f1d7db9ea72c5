package ar.aulas.conversation;

import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface AnnouncementRepository extends MongoRepository<Announcement, String> {

    List<Announcement> findByCourseCodeOrderByPublishAtDesc(String courseCode);

    List<Announcement> findByDeliveredFalseAndPublishAtLessThanEqual(Instant now);
}
