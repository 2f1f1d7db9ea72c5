package ar.aulas.courses;

import ar.aulas.accounts.AulasUser;
import ar.aulas.shared.Text;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Search within a course over modules, readings and materials. The store has no $text, so every
 * item keeps a lower-case, accent-free copy of its text and the query is normalised the same way:
 * "gestion" finds "Gestión".
 */
@Service
public class CourseSearch {

    public enum Kind { MODULE, READING, MATERIAL }

    public record Hit(Kind kind, String title, int moduleNumber, String moduleTitle, String slug, String excerpt) {
    }

    static final int MIN_QUERY = 2;
    static final int EXCERPT = 160;

    private final MongoTemplate mongo;
    private final CourseAccess access;
    private final CourseModuleRepository modules;

    CourseSearch(MongoTemplate mongo, CourseAccess access, CourseModuleRepository modules) {
        this.mongo = mongo;
        this.access = access;
        this.modules = modules;
    }

    public List<Hit> search(AulasUser user, String code, String query) {
        Course course = access.course(user, code);
        String needle = Text.searchable(query);
        if (needle.length() < MIN_QUERY) {
            return List.of();
        }
        boolean staff = access.seesUnreleased(user, course);
        var today = access.today(course);
        var visibleModules = modules.findByCourseCodeAndArchivedFalseOrderByNumberAsc(code).stream()
                .filter(m -> staff || m.isReleasedOn(today)).toList();
        var titles = new HashMap<Integer, String>();
        visibleModules.forEach(m -> titles.put(m.getNumber(), m.getTitle()));
        Pattern pattern = Pattern.compile(Pattern.quote(needle));
        Criteria matches = Criteria.where("courseCode").is(code).and("searchText").regex(pattern);

        List<Hit> hits = new ArrayList<>();
        for (CourseModule m : mongo.find(Query.query(matches).addCriteria(Criteria.where("archived").is(false)),
                CourseModule.class)) {
            if (titles.containsKey(m.getNumber())) {
                hits.add(new Hit(Kind.MODULE, m.getTitle(), m.getNumber(), m.getTitle(), null,
                        excerpt(Text.plain(m.getBodyHtml()), needle)));
            }
        }
        for (Reading r : mongo.find(Query.query(Criteria.where("courseCode").is(code).and("searchText").regex(pattern)
                .and("archived").is(false)), Reading.class)) {
            if (titles.containsKey(r.getModuleNumber())) {
                hits.add(new Hit(Kind.READING, r.getTitle(), r.getModuleNumber(), titles.get(r.getModuleNumber()),
                        r.getSlug(), excerpt(Text.plain(r.getBodyHtml()), needle)));
            }
        }
        boolean manager = access.canManageMaterials(user, course);
        for (Material m : mongo.find(Query.query(Criteria.where("courseCode").is(code).and("searchText").regex(pattern)),
                Material.class)) {
            if (titles.containsKey(m.getModuleNumber()) && (manager || !m.isHidden())) {
                hits.add(new Hit(Kind.MATERIAL, m.getTitle(), m.getModuleNumber(), titles.get(m.getModuleNumber()),
                        m.getId(), excerpt(m.getDescription() != null ? m.getDescription()
                                : Text.plain(m.getNoteHtml()), needle)));
            }
        }
        hits.sort((a, b) -> a.moduleNumber() != b.moduleNumber() ? Integer.compare(a.moduleNumber(), b.moduleNumber())
                : a.kind().compareTo(b.kind()));
        return hits;
    }

    /** A short window of the original text around the first match (found accent- and case-insensitively). */
    static String excerpt(String text, String needle) {
        if (text == null) {
            return "";
        }
        int at = Math.max(0, Text.fold(text).indexOf(needle));
        int start = Math.max(0, at - EXCERPT / 2);
        int end = Math.min(text.length(), start + EXCERPT);
        String window = text.substring(start, end).replaceAll("\\s+", " ").strip();
        return (start > 0 ? "… " : "") + window + (end < text.length() ? " …" : "");
    }
}
