package ar.aulas.library;

import org.springframework.data.mongodb.repository.MongoRepository;

interface LibraryBlobRepository extends MongoRepository<LibraryBlob, String> {
}
