package ar.aulas.library;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface LibraryCollectionRepository extends MongoRepository<LibraryCollection, String> {

    List<LibraryCollection> findAllByOrderByPositionAsc();

    List<LibraryCollection> findByDocumentIdsOrderByPositionAsc(String documentId);
}
