package ar.aulas.conversation;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface ThreadRepository extends MongoRepository<DiscussionThread, String> {

    List<DiscussionThread> findByCourseCodeAndSpaceOrderByLastActivityAtDesc(String courseCode, String space);

    boolean existsByCourseCode(String courseCode);
}
