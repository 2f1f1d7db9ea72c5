package ar.aulas.courses;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface ReadingRepository extends MongoRepository<Reading, String> {

    List<Reading> findByCourseCode(String courseCode);

    List<Reading> findByCourseCodeAndArchivedFalseOrderByModuleNumberAscPositionAsc(String courseCode);

    List<Reading> findByCourseCodeAndModuleNumberAndArchivedFalseOrderByPositionAsc(String courseCode, int moduleNumber);

    boolean existsByCourseCodeAndArchivedFalseAndAttachmentsFileId(String courseCode, String fileId);
}
