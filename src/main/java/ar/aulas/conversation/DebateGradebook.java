package ar.aulas.conversation;

import ar.aulas.courses.Course;
import ar.aulas.exercises.GradebookColumns;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/** Each debate its trainers grade for participation is a gradebook column: points per visible post, up to the maximum. */
@Component
class DebateGradebook implements GradebookColumns {

    private final DebateSettingsRepository settings;
    private final MongoTemplate mongo;

    DebateGradebook(DebateSettingsRepository settings, MongoTemplate mongo) {
        this.settings = settings;
        this.mongo = mongo;
    }

    @Override
    public List<Column> columns(Course course) {
        List<DebateSettings> graded = settings.findByCourseCode(course.getCode()).stream().filter(DebateSettings::isGraded)
                .sorted(Comparator.comparing(DebateSettings::getSpace)).toList();
        if (graded.isEmpty()) {
            return List.of();
        }
        List<PostCount> counts = mongo.find(Query.query(Criteria.where("courseCode").is(course.getCode())), PostCount.class);
        List<Column> columns = new ArrayList<>();
        for (DebateSettings set : graded) {
            Space space = Space.of(set.getSpace());
            Map<String, String> values = new HashMap<>();
            counts.forEach(c -> values.put(c.getAccountId(),
                    String.valueOf(set.points(c.getSpaces().getOrDefault(space.key(), 0L)))));
            columns.add(new Column("gradebook.debate", new Object[] {space.module(), set.getMaxPoints()}, values, "0"));
        }
        return columns;
    }
}
