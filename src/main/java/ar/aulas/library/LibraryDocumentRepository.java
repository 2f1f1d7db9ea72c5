package ar.aulas.library;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface LibraryDocumentRepository extends MongoRepository<LibraryDocument, String> {

    List<LibraryDocument> findByStatusOrderByUpdatedAtAsc(LibraryDocument.Status status);

    long countByStatus(LibraryDocument.Status status);

    List<LibraryDocument> findByProposedByIdOrderByCreatedAtDesc(String proposedById);
}
