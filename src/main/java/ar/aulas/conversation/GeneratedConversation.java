package ar.aulas.conversation;

import ar.aulas.shared.Markdown;
import ar.aulas.shared.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Debates for the data generator, written in bulk by the module that owns them: threads in the first encounter's
 * debate with replies by the course's participants over the last 30 days, one long thread, some posts dated
 * yesterday (what the daily digest sends), and the post counts the participation figures read.
 */
@Component
public class GeneratedConversation {

    /** A participant of the course and the institution they follow it with. */
    public record Member(String accountId, String institutionId) {
    }

    private static final String[] TOPICS = {"Movilidad metropolitana", "Residuos sólidos urbanos", "Agua y saneamiento",
        "Vivienda y suelo urbano", "Borde urbano y áreas rurales", "Transporte interurbano", "Espacio público",
        "Indicadores ICES", "Riesgo hídrico", "Gestión de cuencas"};
    private static final int BATCH = 1_000;

    private final MongoTemplate mongo;
    private final Markdown markdown;

    GeneratedConversation(MongoTemplate mongo, Markdown markdown) {
        this.mongo = mongo;
        this.markdown = markdown;
    }

    /**
     * @param threads threads in the debate of encounter 1
     * @param longThread replies of its first thread (0: none longer than the others)
     * @param yesterday posts written yesterday, spread over the threads
     * @return documents written
     */
    public long write(String courseCode, List<Member> members, int threads, int longThread, int yesterday, Random random,
            Instant now) {
        if (members.isEmpty() || threads == 0) {
            return 0;
        }
        Space space = Space.debate(1);
        List<DiscussionThread> written = new ArrayList<>();
        List<Member> authors = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Member author = members.get(random.nextInt(members.size()));
            Instant at = now.minus(Duration.ofMinutes(60L * 24 * 30 - t * 40L % (60 * 24 * 28)));
            written.add(new DiscussionThread(courseCode, space, TOPICS[t % TOPICS.length] + " (" + (t + 1) + ")",
                    author.accountId(), author.institutionId(), false, at));
            authors.add(author);
        }
        long documents = 0;
        for (int from = 0; from < written.size(); from += BATCH) {
            mongo.insert(written.subList(from, Math.min(written.size(), from + BATCH)), DiscussionThread.class);
        }
        documents += written.size();
        Map<String, long[]> counts = new HashMap<>();
        Map<String, String> institutionOf = new HashMap<>();
        List<Post> posts = new ArrayList<>();
        Map<String, long[]> perThread = new HashMap<>();
        for (int t = 0; t < written.size(); t++) {
            DiscussionThread thread = written.get(t);
            Member author = authors.get(t);
            posts.add(post(thread, true, author, "Abro el tema en mi institución: " + thread.getTitle().toLowerCase(), thread.getCreatedAt()));
            int replies = t == 0 && longThread > 0 ? longThread : random.nextInt(4);
            for (int r = 0; r < replies; r++) {
                Member who = members.get(random.nextInt(members.size()));
                posts.add(post(thread, false, who, "En nuestra jurisdicción lo vemos así (" + (r + 1) + "): hace falta "
                        + "coordinar con los municipios vecinos y compartir los datos.", thread.getCreatedAt().plusSeconds(60L * (r + 1))));
            }
        }
        for (int y = 0; y < yesterday; y++) {
            DiscussionThread thread = written.get(random.nextInt(written.size()));
            Member who = members.get(random.nextInt(members.size()));
            posts.add(post(thread, false, who, "Lo conversamos ayer en el equipo: sumamos los datos de " + TOPICS[y % TOPICS.length]
                    .toLowerCase() + ".", now.minus(Duration.ofHours(24)).plusSeconds(60L * y)));
        }
        List<Post> batch = new ArrayList<>();
        for (Post p : posts) {
            batch.add(p);
            long[] tp = perThread.computeIfAbsent(p.getThreadId(), k -> new long[] {0, 0});
            tp[0]++;
            tp[1] = Math.max(tp[1], p.getCreatedAt().toEpochMilli());
            counts.computeIfAbsent(p.getAuthorId(), k -> new long[1])[0]++;
            institutionOf.put(p.getAuthorId(), p.getAuthorInstitutionId());
            if (batch.size() == BATCH) {
                mongo.insert(batch, Post.class);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            mongo.insert(batch, Post.class);
        }
        documents += posts.size();
        for (DiscussionThread thread : written) {
            long[] tp = perThread.get(thread.getId());
            mongo.getCollection("threads").updateOne(new Document("_id", new ObjectId(thread.getId())),
                    new Document("$set", new Document("posts", tp[0]).append("lastActivityAt", new Date(tp[1]))));
        }
        List<Document> countDocs = new ArrayList<>();
        counts.forEach((account, n) -> countDocs.add(new Document("_id", PostCount.id(courseCode, account))
                .append("courseCode", courseCode).append("accountId", account).append("institutionId", institutionOf.get(account))
                .append("total", n[0]).append("spaces", new Document(space.key(), n[0]))));
        for (int from = 0; from < countDocs.size(); from += BATCH) {
            mongo.getCollection("post_counts").insertMany(countDocs.subList(from, Math.min(countDocs.size(), from + BATCH)));
        }
        return documents + countDocs.size();
    }

    private Post post(DiscussionThread thread, boolean opening, Member author, String text, Instant at) {
        return new Post(thread, opening, null, null, author.accountId(), author.institutionId(), text,
                markdown.toSafeHtml(text), Text.searchable(opening ? thread.getTitle() + " " + text : text), List.of(), at);
    }
}
