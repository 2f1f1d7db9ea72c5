package ar.aulas.conversation;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface PostReportRepository extends MongoRepository<PostReport, String> {

    List<PostReport> findByCourseCodeAndResolvedFalse(String courseCode);
}
