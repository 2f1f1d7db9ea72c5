package ar.aulas.certificates;

import java.util.List;
import org.springframework.data.mongodb.repository.MongoRepository;

public interface CertificateAuditRepository extends MongoRepository<CertificateAudit, String> {

    List<CertificateAudit> findByCertificateIdOrderByAtAsc(String certificateId);
}
