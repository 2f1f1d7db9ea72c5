package ar.aulas.attendance;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.courses.CourseModuleRepository;
import ar.aulas.courses.CourseRepository;
import ar.aulas.courses.Enrolment;
import ar.aulas.courses.Enrolments;
import ar.aulas.shared.CalendarEntries;
import ar.aulas.shared.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.springframework.context.MessageSource;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * A personal iCalendar feed of the encounters of one's courses, behind a secret URL. Only the
 * token's SHA-256 is stored; creating a new link revokes the previous one.
 */
@Service
public class CalendarFeed {

    @Document("calendar_tokens")
    record Token(@Id String hash, String accountId, Instant createdAt) {
    }

    private final MongoTemplate mongo;
    private final Enrolments enrolments;
    private final CourseRepository courses;
    private final AttendanceSessionRepository sessions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final MessageSource messages;
    private static final Locale SPANISH = Locale.forLanguageTag("es-AR");

    private final CourseModuleRepository modules;
    private final List<CalendarEntries> contributions;

    CalendarFeed(MongoTemplate mongo, Enrolments enrolments, CourseRepository courses,
            AttendanceSessionRepository sessions, Clock clock, MessageSource messages,
            CourseModuleRepository modules, List<CalendarEntries> contributions) {
        this.modules = modules;
        this.contributions = contributions;
        this.messages = messages;
        this.mongo = mongo;
        this.enrolments = enrolments;
        this.courses = courses;
        this.sessions = sessions;
        this.clock = clock;
    }

    /** A new secret link for this person (the old one stops working); returns the token to show once. */
    public String newLink(AulasUser user) {
        revoke(user);
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        mongo.insert(new Token(hash(token), user.id(), clock.instant()));
        return token;
    }

    public void revoke(AulasUser user) {
        mongo.remove(Query.query(Criteria.where("accountId").is(user.id())), Token.class);
    }

    public boolean hasLink(AulasUser user) {
        return mongo.exists(Query.query(Criteria.where("accountId").is(user.id())), Token.class);
    }

    /** The feed for a token; unknown or revoked tokens are 404. */
    public String feed(String token) {
        Token found = mongo.findById(hash(token), Token.class);
        if (found == null) {
            throw new NotFoundException();
        }
        Map<String, Course> mine = new LinkedHashMap<>();
        Map<String, String> institutionIn = new HashMap<>();
        for (Enrolment e : enrolments.activeOf(found.accountId())) {
            courses.findById(e.getCourseCode()).filter(c -> !c.isArchived()).ifPresent(c -> mine.put(c.getCode(), c));
            institutionIn.put(e.getCourseCode(), e.getInstitutionId());
        }
        Calendar calendar = new Calendar();
        calendar.add(new ProdId("-//Aulas//Aulas de Gestion de Ciudades//ES"));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        for (Course course : mine.values()) {
            ZoneId zone = ZoneId.of(course.getTimeZone());
            Map<Integer, String> titles = new HashMap<>();
            modules.findByCourseCodeAndArchivedFalseOrderByNumberAsc(course.getCode())
                    .forEach(m -> titles.put(m.getNumber(), m.getTitle()));
            for (AttendanceSession s : sessions.findByCourseCodeAndArchivedFalseOrderByModuleNumberAsc(course.getCode())) {
                if (s.getDate() == null || s.getStart() == null || s.getEnd() == null) {
                    continue;
                }
                var start = s.getDate().atTime(s.getStart()).atZone(zone).toInstant();
                var end = s.getDate().atTime(s.getEnd()).atZone(zone).toInstant();
                // "Encuentro 2: Movilidad metropolitana · Gestión Metropolitana 2026": what the calendar shows first
                String module = messages.getMessage("module.number", new Object[] {s.getModuleNumber()}, SPANISH);
                String title = titles.get(s.getModuleNumber());
                VEvent event = new VEvent(start, end, (title == null ? module : module + ": " + title) + " · "
                        + course.getTitle());
                event.add(new Uid(s.getId() + "@aulas"));
                if (s.getVenue() != null) {
                    event.add(new Location(s.getVenue()));
                }
                event.add(new Description(course.getTitle()));
                calendar.add(event);
            }
            for (CalendarEntries c : contributions) {
                for (var entry : c.entries(found.accountId(), institutionIn.get(course.getCode()), course.getCode(),
                        course.getTimeZone())) {
                    VEvent event = new VEvent(entry.start(), entry.end(), entry.title() + " · " + course.getTitle());
                    event.add(new Uid(entry.uid()));
                    event.add(new Description(entry.description()));
                    calendar.add(event);
                }
            }
        }
        return calendar.toString();
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((token == null ? "" : token).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
