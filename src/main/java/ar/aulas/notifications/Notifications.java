package ar.aulas.notifications;

import ar.aulas.accounts.AulasUser;
import ar.aulas.shared.web.NotFoundException;
import ar.aulas.shared.web.RequestMemo;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

/** Tells people things in the application (the bell), and keeps what each was told and whether they opened it. */
@Service
public class Notifications {

    /** What the list shows: the latest ones (older ones stay stored, read or not, and still count). */
    static final int SHOWN = 50;

    private final NotificationRepository notifications;
    private final MongoTemplate mongo;
    private final Clock clock;

    Notifications(NotificationRepository notifications, MongoTemplate mongo, Clock clock) {
        this.notifications = notifications;
        this.mongo = mongo;
        this.clock = clock;
    }

    /**
     * Tells each person once (duplicates in {@code accountIds} are dropped). {@code href} is a path inside the
     * application; anything else is refused, so a notification never leads elsewhere.
     */
    public void tell(Collection<String> accountIds, Notification.Kind kind, String key, List<String> args, String href) {
        if (href == null || !href.startsWith("/") || href.startsWith("//")) {
            throw new IllegalArgumentException("A notification leads to a path of the application: " + href);
        }
        var now = clock.instant();
        List<Notification> batch = new LinkedHashSet<>(accountIds).stream()
                .map(id -> new Notification(id, kind, key, args, href, now)).toList();
        if (!batch.isEmpty()) {
            notifications.insert(batch);
        }
    }

    public void tell(String accountId, Notification.Kind kind, String key, List<String> args, String href) {
        tell(List.of(accountId), kind, key, args, href);
    }

    /** How many the person has not opened: read once per page. */
    public long unread(AulasUser user) {
        return RequestMemo.get("notifications:" + user.id(), () -> notifications.countByAccountIdAndReadFalse(user.id()));
    }

    public List<Notification> latest(AulasUser user) {
        return notifications.findByAccountIdOrderByCreatedAtDesc(user.id(), PageRequest.of(0, SHOWN));
    }

    /** Marks the person's own notification read and says where it leads; someone else's is not found. */
    public String open(AulasUser user, String id) {
        Notification n = notifications.findByIdAndAccountId(id, user.id()).orElseThrow(NotFoundException::new);
        if (!n.isRead()) {
            mongo.updateFirst(Query.query(Criteria.where("_id").is(n.getId())), new Update().set("read", true),
                    Notification.class);
        }
        return n.getHref();
    }

    public long markAllRead(AulasUser user) {
        return mongo.updateMulti(Query.query(Criteria.where("accountId").is(user.id()).and("read").is(false)),
                new Update().set("read", true), Notification.class).getModifiedCount();
    }

    /** Marks read what leads to this page (the thread or announcement the person just opened, at any post of it). */
    public void markReadAt(AulasUser user, String href) {
        mongo.updateMulti(Query.query(Criteria.where("accountId").is(user.id()).and("read").is(false).and("href")
                        .regex("^" + Pattern.quote(href) + "([?#].*)?$")),
                new Update().set("read", true), Notification.class);
    }
}
