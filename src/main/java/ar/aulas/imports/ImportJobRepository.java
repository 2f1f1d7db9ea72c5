package ar.aulas.imports;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface ImportJobRepository extends MongoRepository<ImportJob, String> {

    List<ImportJob> findTop10ByOrderByStartedAtDesc();

    List<ImportJob> findTop10ByInstitutionScopeOrderByStartedAtDesc(String institutionScope);
}
