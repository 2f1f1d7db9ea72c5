package ar.aulas.library;

import ar.aulas.accounts.AulasUser;
import ar.aulas.accounts.Role;
import ar.aulas.shared.web.NotFoundException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.stereotype.Component;

/**
 * Who may see and do what in the library. Librarians (trainers, programme coordinators, admins) see every
 * document and review proposals; anyone logged in sees what is published for the whole programme, or for
 * their institution (theirs, or the one they coordinate); a contributor sees their own proposals; an
 * anonymous visitor only what is published as public. Anything else is 404.
 */
@Component
public class LibraryAccess {

    public boolean librarian(AulasUser user) {
        return user != null && (user.has(Role.ADMIN) || user.has(Role.TRAINER)
                || (user.has(Role.COORDINATOR) && user.seesAllInstitutions()));
    }

    /** The institutions whose documents the person may see: their own and the one they coordinate. */
    Set<String> institutions(AulasUser user) {
        Set<String> mine = new LinkedHashSet<>();
        if (user.institutionId() != null) {
            mine.add(user.institutionId());
        }
        if (user.has(Role.COORDINATOR) && user.coordinatedInstitutionId() != null) {
            mine.add(user.coordinatedInstitutionId());
        }
        return mine;
    }

    public boolean mayRead(AulasUser user, LibraryDocument d) {
        if (user == null) {
            return d.isPublic();
        }
        if (librarian(user)) {
            return true;
        }
        if (d.getStatus() == LibraryDocument.Status.ARCHIVED) {
            return false;
        }
        if (user.id().equals(d.getProposedById())) {
            return true;
        }
        return d.isPublished() && (d.getVisibility() != LibraryDocument.Visibility.INSTITUTION
                || institutions(user).contains(d.getAudienceInstitutionId()));
    }

    LibraryDocument readable(AulasUser user, LibraryDocument d) {
        if (d == null || !mayRead(user, d)) {
            throw new NotFoundException();
        }
        return d;
    }

    /**
     * Which published documents a person may find, as alternatives (any one suffices): none for librarians (every
     * one), the public ones for an anonymous visitor, the programme's, the public ones and their institutions' for
     * anyone else.
     */
    List<Criteria> findable(AulasUser user) {
        if (user == null) {
            return List.of(Criteria.where("visibility").is(LibraryDocument.Visibility.PUBLIC));
        }
        if (librarian(user)) {
            return List.of();
        }
        return List.of(Criteria.where("visibility").in(LibraryDocument.Visibility.PROGRAMME, LibraryDocument.Visibility.PUBLIC),
                Criteria.where("audienceInstitutionId").in(institutions(user)));
    }

    /** A librarian may edit any document; its proposer while it is not published yet. */
    boolean mayEdit(AulasUser user, LibraryDocument d) {
        if (librarian(user)) {
            return d.getStatus() != LibraryDocument.Status.ARCHIVED;
        }
        return user.id().equals(d.getProposedById())
                && (d.getStatus() == LibraryDocument.Status.PROPOSED || d.getStatus() == LibraryDocument.Status.RETURNED);
    }

    void requireLibrarian(AulasUser user) {
        if (!librarian(user)) {
            throw new NotFoundException();
        }
    }
}
