package ar.aulas.conversation;

import java.time.Instant;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface PostRepository extends MongoRepository<Post, String> {

    List<Post> findByThreadIdOrderByCreatedAtAsc(String threadId);

    long countByAuthorIdAndCreatedAtAfter(String authorId, Instant after);

    List<Post> findByCourseCodeAndSearchableRegex(String courseCode, String pattern);
}
