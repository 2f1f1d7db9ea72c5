package ar.aulas.certificates;

import org.springframework.data.mongodb.repository.MongoRepository;

interface CertificateReissueRepository extends MongoRepository<CertificateReissue, String> {
}
