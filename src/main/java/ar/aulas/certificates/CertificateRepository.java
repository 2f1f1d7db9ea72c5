package ar.aulas.certificates;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface CertificateRepository extends MongoRepository<Certificate, String> {

    Optional<Certificate> findBySlot(String slot);

    /** By their unique slots: one query answered from the slot index. */
    List<Certificate> findBySlotIn(Collection<String> slots);

    Optional<Certificate> findByCode(String code);

    List<Certificate> findBySha256(String sha256);

    Optional<Certificate> findFirstByCourseCodeAndTypeOrderBySequenceDesc(String courseCode, CertificateType type);

    List<Certificate> findByCourseCodeOrderByTypeAscSequenceAsc(String courseCode);

    List<Certificate> findByAccountIdOrderByIssuedAtDesc(String accountId);

    List<Certificate> findByCourseCodeAndAccountId(String courseCode, String accountId);

    /** A course's certificates in these states, on the {courseCode, status, institutionId} index. */
    List<HeldCertificate> findHeldByCourseCodeAndStatusIn(String courseCode, Collection<Certificate.Status> statuses);

    List<HeldCertificate> findHeldByCourseCodeAndAccountIdAndStatusIn(String courseCode, String accountId,
            Collection<Certificate.Status> statuses);

    long countByCourseCodeAndType(String courseCode, CertificateType type);
}
