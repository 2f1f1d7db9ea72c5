package ar.aulas.notifications;

import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface NotificationRepository extends MongoRepository<Notification, String> {

    long countByAccountIdAndReadFalse(String accountId);

    List<Notification> findByAccountIdOrderByCreatedAtDesc(String accountId, Pageable page);

    Optional<Notification> findByIdAndAccountId(String id, String accountId);
}
