package ar.aulas.conversation;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ReadMarkRepository extends MongoRepository<ReadMark, String> {

    List<ReadMark> findByAccountIdAndCourseCode(String accountId, String courseCode);
}
