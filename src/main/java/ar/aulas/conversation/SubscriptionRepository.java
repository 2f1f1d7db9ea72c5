package ar.aulas.conversation;

import java.util.Collection;
import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface SubscriptionRepository extends MongoRepository<Subscription, String> {

    List<Subscription> findByCourseCode(String courseCode);

    List<Subscription> findByCourseCodeAndTargetIn(String courseCode, Collection<String> targets);
}
