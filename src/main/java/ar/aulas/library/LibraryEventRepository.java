package ar.aulas.library;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

interface LibraryEventRepository extends MongoRepository<LibraryEvent, String> {

    List<LibraryEvent> findByDocumentIdOrderByAtDesc(String documentId, Pageable page);

    void deleteByDocumentId(String documentId);
}
