package ar.aulas.conversation;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface DebateSettingsRepository extends MongoRepository<DebateSettings, String> {

    List<DebateSettings> findByCourseCode(String courseCode);
}
