package ar.aulas.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.io.PrintStream;
import java.nio.file.Path;
import org.bson.Document;

/**
 * Run in a separate JVM by {@link CrashDurabilityTests}: opens the file store, writes through the
 * real driver over TCP and prints one line per acknowledged write, until it is killed.
 */
public final class DurabilityChild {

    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, false);
        EmbeddedMongo store = EmbeddedMongo.onDisk(Path.of(args[0]), 0, "durability");
        try (MongoClient client = MongoClients.create(store.connectionString())) {
            MongoCollection<Document> docs = client.getDatabase("durability").getCollection("docs");
            MongoCollection<Document> counters = client.getDatabase("durability").getCollection("counters");
            // a non-unique index, written in the same commit as each document it follows
            docs.createIndex(Indexes.ascending("group"),
                    new IndexOptions().name("group"));
            out.println("READY");
            out.flush();
            for (int i = 0; ; i++) {
                docs.insertOne(new Document("_id", i).append("payload", "participante " + i + " · asistencia")
                        .append("group", i % 7));
                if (i >= 3) {
                    // moves an earlier document to another group: its index entries move in the same commit
                    docs.updateOne(Filters.eq("_id", i - 3), Updates.set("group", (i + 1) % 7));
                }
                out.println("INSERT " + i);
                Document counter = counters.findOneAndUpdate(Filters.eq("_id", "seq"), Updates.inc("n", 1),
                        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
                out.println("COUNTER " + counter.getInteger("n"));
                if (i % 10 == 9) {
                    docs.deleteOne(Filters.eq("_id", i - 5));
                    out.println("DELETE " + (i - 5));
                }
                out.flush();
            }
        }
    }

    private DurabilityChild() {
    }
}
