package ar.aulas.courses;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface MaterialRepository extends MongoRepository<Material, String> {

    List<Material> findByCourseCodeAndModuleNumberOrderByPositionAsc(String courseCode, int moduleNumber);

    List<Material> findByCourseCode(String courseCode);

    Optional<Material> findByCourseCodeAndFileFileId(String courseCode, String fileId);

    Optional<Material> findFirstByCourseCodeAndModuleNumberOrderByPositionDesc(String courseCode, int moduleNumber);
}
