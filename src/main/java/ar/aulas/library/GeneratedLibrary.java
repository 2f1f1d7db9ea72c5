package ar.aulas.library;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Library documents for the data generator, written in bulk by the module that owns them: published links with
 * plausible titles, tags, institutions and years (most for the whole programme, some public, some for one
 * institution), each with its first version, dated over the last two years.
 */
@Component
public class GeneratedLibrary {

    private static final String[] TOPICS = {"Movilidad metropolitana", "Residuos sólidos urbanos", "Agua y saneamiento",
        "Vivienda y suelo urbano", "Borde urbano y áreas rurales", "Transporte interurbano", "Espacio público",
        "Indicadores de sostenibilidad", "Riesgo hídrico", "Gestión de cuencas", "Equipamientos de salud",
        "Cartografía catastral"};
    private static final String[] TAGS = {"movilidad", "residuos", "agua", "vivienda", "suelo", "transporte", "espacio público",
        "indicadores", "riesgo hídrico", "cuencas", "salud", "cartografía"};
    private static final String[] LOCALITIES = {"Salta", "San Lorenzo", "Cerrillos", "La Merced", "Vaqueros", "La Caldera",
        "Campo Quijano", "Rosario de Lerma"};
    private static final int BATCH = 1_000;

    private final MongoTemplate mongo;

    GeneratedLibrary(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Writes {@code count} documents and their versions; returns how many documents were written in all. */
    public long write(int count, List<String> institutionIds, Random random, Instant now) {
        LibraryDocument.Type[] types = LibraryDocument.Type.values();
        LibraryDocument.UsageRight[] rights = LibraryDocument.UsageRight.values();
        long written = 0;
        List<LibraryDocument> documents = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int topic = random.nextInt(TOPICS.length);
            LibraryDocument.Type type = types[random.nextInt(types.length)];
            String institution = institutionIds.isEmpty() ? null : institutionIds.get(random.nextInt(institutionIds.size()));
            int roll = random.nextInt(10);
            LibraryDocument.Visibility visibility = roll == 0 && institution != null ? LibraryDocument.Visibility.INSTITUTION
                    : roll == 1 ? LibraryDocument.Visibility.PUBLIC : LibraryDocument.Visibility.PROGRAMME;
            LibraryDocument.UsageRight right = visibility == LibraryDocument.Visibility.PUBLIC ? LibraryDocument.UsageRight.CC_BY
                    : rights[random.nextInt(rights.length)];
            String locality = LOCALITIES[random.nextInt(LOCALITIES.length)];
            var details = new LibraryDocument.Details(TOPICS[topic] + " en " + locality + " (" + (i + 1) + ")",
                    "Documento de trabajo sobre " + TOPICS[topic].toLowerCase() + " aportado al programa.", type,
                    2018 + random.nextInt(9), "es", institution == null ? List.of() : List.of(institution), List.of(locality),
                    List.of(1 + random.nextInt(5)), List.of(TAGS[topic], TAGS[random.nextInt(TAGS.length)]), right, visibility,
                    visibility == LibraryDocument.Visibility.INSTITUTION ? institution : null);
            Instant at = now.minus(Duration.ofHours(random.nextInt(24 * 730)));
            LibraryDocument d = new LibraryDocument(details, null, "Generador", institution, at);
            d.current(1, LibraryDocument.Kind.LINK, null, "https://datos.example.gob.ar/documentos/" + (i + 1), at);
            d.publish(at);
            documents.add(d);
            if (documents.size() == BATCH || i == count - 1) {
                written += flush(documents, at);
            }
        }
        return written;
    }

    private long flush(List<LibraryDocument> documents, Instant at) {
        if (documents.isEmpty()) {
            return 0;
        }
        List<LibraryDocument> inserted = new ArrayList<>(mongo.insert(documents, LibraryDocument.class));
        List<LibraryVersion> versions = inserted.stream().map(d -> new LibraryVersion(d.getId(), 1, d.getKind(), null, d.getUrl(),
                null, null, "Generador", d.getCreatedAt(), null)).toList();
        mongo.insert(versions, LibraryVersion.class);
        documents.clear();
        return inserted.size() + versions.size();
    }
}
