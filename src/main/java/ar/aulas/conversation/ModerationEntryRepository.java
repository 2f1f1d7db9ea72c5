package ar.aulas.conversation;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ModerationEntryRepository extends MongoRepository<ModerationEntry, String> {

    List<ModerationEntry> findTop200ByCourseCodeOrderByAtDesc(String courseCode);
}
