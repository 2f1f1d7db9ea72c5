package ar.aulas.library;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

interface LibraryLinkRepository extends MongoRepository<LibraryLink, String> {

    List<LibraryLink> findByCourseCodeAndModuleNumberAndPlace(String courseCode, int moduleNumber, String place);

    List<LibraryLink> findByDocumentId(String documentId);
}
