package ar.aulas.accounts;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;
import org.springframework.data.mongodb.repository.Query;

public interface AccountRepository extends MongoRepository<Account, String> {

    Optional<Account> findByEmail(String email);

    Optional<Account> findByDni(String dni);

    boolean existsByEmail(String email);

    boolean existsByDni(String dni);

    boolean existsByRolesContaining(Role role);

    long countByInstitutionIdAndActiveTrueAndRolesContaining(String institutionId, Role role);

    List<Account> findByInstitutionIdAndActiveTrueAndRolesContaining(String institutionId, Role role);

    List<Account> findByCoordinatedInstitutionIdAndActiveTrue(String institutionId);

    List<Account> findByIdIn(Collection<String> ids);

    Page<Account> findBySearchTextContaining(String text, Pageable pageable);

    Page<Account> findBySearchTextContainingAndInstitutionId(String text, String institutionId, Pageable pageable);

    /** Just what the per-request check of the session's person needs (no password hash, no DNI). */
    @Query(value = "{ '_id': ?0 }", fields = "{ 'active': 1, 'passwordChangedAt': 1, 'roles': 1, "
            + "'coordinatedInstitutionId': 1, 'institutionId': 1, 'fullName': 1, 'email': 1 }")
    Optional<Account> findStatusById(String id);
}
