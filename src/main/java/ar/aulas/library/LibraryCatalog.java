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
        // one flat filter, so the store serves it from an index: the most selective search word's keyword first
        List<String> words = new ArrayList<>();
        if (search.q() != null) {
            for (String w : Text.searchable(search.q()).split("[^\\p{L}\\p{N}]+")) {
                if (!w.isBlank() && words.size() < MAX_WORDS && !words.contains(w)) {
                    words.add(w);
                }
            }
        }
        words.sort(Comparator.comparingInt(String::length).reversed());
        Criteria filter = new Criteria();
        List<Criteria> more = new ArrayList<>();
        boolean keyed = false;
        for (String w : words) {
            String keyword = LibraryDocument.keyword(w);
            if (keyword != null && !keyed) {
                filter = Criteria.where("keywords").is(keyword);
                keyed = true;
            } else if (keyword != null) {
                more.add(Criteria.where("keywords").is(keyword));
            }
            more.add(Criteria.where("searchable").regex(Pattern.quote(w)));
        }
        filter.and("status").is(LibraryDocument.Status.PUBLISHED);
        if (search.type() != null) {
            filter.and("type").is(search.type());
        }
        if (search.institutionId() != null) {
            filter.and("institutionIds").is(search.institutionId());
        }
        if (search.locality() != null) {
            filter.and("localities").is(search.locality());
        }
        if (search.module() != null) {
            filter.and("modules").is(search.module());
        }
        if (search.year() != null) {
            filter.and("year").is(search.year());
        }
        if (search.usageRight() != null) {
            filter.and("usageRight").is(search.usageRight());
        }
        List<Criteria> findable = access.findable(user);
        if (!findable.isEmpty()) {
            // an $or even of one branch: the store counts each branch (with the rest) from an index
            filter.orOperator(findable);
        }
        if (!more.isEmpty()) {
            filter.andOperator(more);
        }
        Query query = new Query(filter);
        long total = mongo.count(query, LibraryDocument.class);
        int size = properties.pageSize();
        int pages = (int) Math.max(1, (total + size - 1) / size);
        int page = Math.min(Math.max(1, search.page()), pages);
        query.with(search.sort() == Sorting.TITLE ? Sort.by(Sort.Order.asc("titleSort"), Sort.Order.asc("_id"))
                : Sort.by(Sort.Order.desc("publishedAt"), Sort.Order.desc("_id")));
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
