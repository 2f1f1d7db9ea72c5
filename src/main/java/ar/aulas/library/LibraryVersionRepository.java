package ar.aulas.library;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

interface LibraryVersionRepository extends MongoRepository<LibraryVersion, String> {

    List<LibraryVersion> findByDocumentIdOrderByNumberDesc(String documentId);

    Optional<LibraryVersion> findByDocumentIdAndNumber(String documentId, int number);

    boolean existsByFileSha256(String sha256);
}
