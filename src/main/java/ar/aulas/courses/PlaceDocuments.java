package ar.aulas.courses;

import ar.aulas.accounts.AulasUser;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Implemented by the library: the documents linked to a place of a course (a module page, one of its exercises, or
 * its encounter's debate) that the person may open, so those pages list them without depending on the library.
 */
public interface PlaceDocuments {

    String MODULE = "module";
    String DEBATE = "debate";

    static String exercise(String slug) {
        return "exercise:" + slug;
    }

    /** A document as a place lists it: its title, where it opens, and its type's message key. */
    record Related(String title, String href, String typeKey) {
    }

    List<Related> related(AulasUser user, String courseCode, int module, String place);

    /** What a place's page lists: the library's documents for it, or none when no library is there. */
    static List<Related> of(ObjectProvider<PlaceDocuments> provider, AulasUser user,
            String courseCode, int module, String place) {
        PlaceDocuments documents = provider.getIfAvailable();
        return documents == null ? List.of() : documents.related(user, courseCode, module, place);
    }
}
