package ar.aulas.shared.mail;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface OutboxRepository extends MongoRepository<OutboxMessage, String> {

    Page<OutboxMessage> findAllByOrderByCreatedAtDesc(Pageable pageable);
}
