package ar.aulas.library;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseCatalog;
import ar.aulas.courses.CourseModule;
import ar.aulas.courses.DeclaredExercise;
import ar.aulas.courses.PlaceDocuments;
import ar.aulas.shared.Text;
import ar.aulas.shared.web.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;

/**
 * Documents used in the courses: a librarian links one to a module page, an exercise or an encounter's debate;
 * those pages list the linked documents each reader may open, and the document's page says where it is used.
 */
@Service
public class LibraryLinks implements PlaceDocuments {

    /** A place of a live course a document can be linked to, and the words that name it. */
    public record Place(String courseCode, int module, String place, String courseTitle, String moduleTitle, String exerciseTitle) {

        public String value() {
            return courseCode + "|" + module + "|" + place;
        }

        public String href() {
            String base = "/courses/" + courseCode;
            if (place.startsWith("exercise:")) {
                return base + "/modules/" + module + "/exercises/" + place.substring("exercise:".length());
            }
            return DEBATE.equals(place) ? base + "/debates/" + module : base + "/modules/" + module;
        }

        public String kind() {
            return place.startsWith("exercise:") ? "exercise" : place;
        }
    }

    /** Where a document is used, for its page. */
    public record Use(LibraryLink link, Place place) {
    }

    private final LibraryLinkRepository links;
    private final LibraryDocumentRepository documents;
    private final LibraryAccess access;
    private final ObjectProvider<CourseCatalog> catalog;
    private final Clock clock;

    LibraryLinks(LibraryLinkRepository links, LibraryDocumentRepository documents, LibraryAccess access,
            ObjectProvider<CourseCatalog> catalog, Clock clock) {
        this.links = links;
        this.documents = documents;
        this.access = access;
        this.catalog = catalog;
        this.clock = clock;
    }

    @Override
    public List<Related> related(AulasUser user, String courseCode, int module, String place) {
        List<LibraryLink> found = links.findByCourseCodeAndModuleNumberAndPlace(courseCode, module, place);
        if (found.isEmpty()) {
            return List.of();
        }
        List<Related> related = new ArrayList<>();
        documents.findAllById(found.stream().map(LibraryLink::getDocumentId).toList()).forEach(d -> {
            if (d.isPublished() && access.mayRead(user, d)) {
                related.add(new Related(d.getTitle(), "/library/" + d.getId(), "library.type." + d.getType().name()));
            }
        });
        related.sort(Comparator.comparing(r -> Text.searchable(r.title())));
        return related;
    }

    /** Every place of the live courses a document can be linked to: each module page, exercise and debate. */
    public List<Place> places() {
        List<Place> places = new ArrayList<>();
        CourseCatalog courses = catalog.getObject();
        for (Course course : courses.live()) {
            for (CourseModule m : courses.modules(course.getCode()).values()) {
                places.add(new Place(course.getCode(), m.getNumber(), MODULE, course.getTitle(), m.getTitle(), null));
                for (DeclaredExercise e : m.getExercises()) {
                    places.add(new Place(course.getCode(), m.getNumber(), PlaceDocuments.exercise(e.slug()), course.getTitle(),
                            m.getTitle(), e.title()));
                }
                places.add(new Place(course.getCode(), m.getNumber(), DEBATE, course.getTitle(), m.getTitle(), null));
            }
        }
        return places;
    }

    public List<Use> uses(String documentId) {
        Map<String, Place> byValue = new HashMap<>();
        places().forEach(p -> byValue.put(p.value(), p));
        return links.findByDocumentId(documentId).stream()
                .map(l -> new Use(l, byValue.get(l.getCourseCode() + "|" + l.getModuleNumber() + "|" + l.getPlace())))
                .filter(u -> u.place() != null).toList();
    }

    /** Links a published document to a place ({@code value} as {@link Place#value()}); linking it twice changes nothing. */
    public void link(AulasUser user, String documentId, String value) {
        access.requireLibrarian(user);
        LibraryDocument d = documents.findById(documentId).orElseThrow(NotFoundException::new);
        if (!d.isPublished()) {
            throw new LibraryRefused("place", "library.link.notPublished");
        }
        Place place = places().stream().filter(p -> p.value().equals(value)).findFirst()
                .orElseThrow(() -> new LibraryRefused("place", "library.link.place"));
        try {
            links.insert(new LibraryLink(documentId, place.courseCode(), place.module(), place.place(), user.id(), clock.instant()));
        } catch (DuplicateKeyException e) {
            // already used there
        }
    }

    public void unlink(AulasUser user, String documentId, String linkId) {
        access.requireLibrarian(user);
        LibraryLink link = links.findById(linkId).filter(l -> l.getDocumentId().equals(documentId))
                .orElseThrow(NotFoundException::new);
        links.delete(link);
    }
}
