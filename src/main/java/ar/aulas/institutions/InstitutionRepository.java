package ar.aulas.institutions;

import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface InstitutionRepository extends MongoRepository<Institution, String> {

    Optional<Institution> findByCode(String code);

    boolean existsByCode(String code);

    List<Institution> findAllByOrderByNameAsc();

    List<Institution> findByActiveTrueOrderByNameAsc();
}
