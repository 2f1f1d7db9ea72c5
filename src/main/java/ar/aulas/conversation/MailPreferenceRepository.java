package ar.aulas.conversation;

import org.springframework.data.mongodb.repository.MongoRepository;

interface MailPreferenceRepository extends MongoRepository<MailPreference, String> {
}
