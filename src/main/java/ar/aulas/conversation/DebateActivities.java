package ar.aulas.conversation;

import ar.aulas.accounts.AulasUser;
import ar.aulas.courses.Course;
import ar.aulas.courses.ModuleActivities;
import java.util.List;
import org.springframework.stereotype.Component;

/** On an encounter's page: its debate. */
@Component
class DebateActivities implements ModuleActivities {

    private final ConversationAccess access;

    DebateActivities(ConversationAccess access) {
        this.access = access;
    }

    @Override
    public List<Activity> activities(AulasUser user, Course course, int moduleNumber) {
        Space space = Space.debate(moduleNumber);
        if (!access.canRead(user, course, space)) {
            return List.of();
        }
        return List.of(new Activity("conversation.activity", null, space.path(course.getCode()), null));
    }
}
