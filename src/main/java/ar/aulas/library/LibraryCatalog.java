package ar.aulas.library;

import ar.aulas.accounts.AulasUser;
import ar.aulas.institutions.Institution;
import ar.aulas.institutions.InstitutionDirectory;
import ar.aulas.shared.Text;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Finding documents: words searched accent- and case-insensitively in the title, description and tags (each
 * word must appear; no {@code $text}), filters by type, institution, locality, encounter, year and usage right,
 * sorted by date or title, a page at a time; only what the person may see.
 */
@Service
public class LibraryCatalog {

    public enum Sorting { RECENT, TITLE }

    /** What the search form asks; any part may be empty. */
    public record Search(String q, LibraryDocument.Type type, String institutionId, String locality, Integer module,
            Integer year, LibraryDocument.UsageRight usageRight, Sorting sort, int page) {

        public static Search everything() {
            return new Search(null, null, null, null, null, null, null, Sorting.RECENT, 1);
        }

        boolean filtered() {
            return (q != null && !q.isBlank()) || type != null || institutionId != null || locality != null || module != null
                    || year != null || usageRight != null;
        }
    }

    /** One page of results, with the total and what the filters can offer. */
    public record Results(Search search, List<LibraryDocument> documents, long total, int page, int pages,
            Map<String, Institution> institutions, List<String> localities) {
    }

    static final int MAX_WORDS = 8;

    private final MongoTemplate mongo;
    private final LibraryAccess access;
    private final InstitutionDirectory institutions;
    private final LibraryProperties properties;

    LibraryCatalog(MongoTemplate mongo, LibraryAccess access, InstitutionDirectory institutions, LibraryProperties properties) {
        this.mongo = mongo;
        this.access = access;
        this.institutions = institutions;
        this.properties = properties;
    }

    public Results search(AulasUser user, Search search) {
        List<Criteria> all = new ArrayList<>();
        all.add(access.published(user));
        if (search.q() != null) {
            String[] words = Text.searchable(search.q()).split("\\s+");
            for (int i = 0; i < Math.min(words.length, MAX_WORDS); i++) {
                if (!words[i].isBlank()) {
                    all.add(Criteria.where("searchable").regex(Pattern.quote(words[i])));
                }
            }
        }
        if (search.type() != null) {
            all.add(Criteria.where("type").is(search.type()));
        }
        if (search.institutionId() != null) {
            all.add(Criteria.where("institutionIds").is(search.institutionId()));
        }
        if (search.locality() != null) {
            all.add(Criteria.where("localities").is(search.locality()));
        }
        if (search.module() != null) {
            all.add(Criteria.where("modules").is(search.module()));
        }
        if (search.year() != null) {
            all.add(Criteria.where("year").is(search.year()));
        }
        if (search.usageRight() != null) {
            all.add(Criteria.where("usageRight").is(search.usageRight()));
        }
        Query query = new Query(new Criteria().andOperator(all));
        long total = mongo.count(query, LibraryDocument.class);
        int size = properties.pageSize();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int page = Math.min(Math.max(1, search.page()), pages);
        query.with(search.sort() == Sorting.TITLE ? Sort.by("titleSort").ascending()
                : Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.asc("titleSort")));
        query.skip((long) (page - 1) * size).limit(size);
        List<LibraryDocument> found = mongo.find(query, LibraryDocument.class);
        Map<String, Institution> byId = institutions.byId();
        return new Results(search, found, total, page, pages, byId, localities(byId));
    }

    /** Whether the library holds no document at all (the demo fills an empty one). */
    public boolean isEmpty() {
        return !mongo.exists(new Query(), LibraryDocument.class);
    }

    /** The localities of the programme's institutions, for the filter (a document may name others too). */
    private static List<String> localities(Map<String, Institution> byId) {
        TreeSet<String> names = new TreeSet<>(Comparator.comparing(Text::searchable));
        byId.values().stream().map(Institution::getLocality).filter(l -> l != null && !l.isBlank()).forEach(names::add);
        return List.copyOf(names);
    }
}
