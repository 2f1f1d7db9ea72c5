package ar.aulas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The features stay apart: each uses only the others' API (their base package, never a sub-package), none depends
 * on another in a circle, and none names another's collection (which no type check would see).
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(AulasApplication.class);
    private static final Path SOURCES = Path.of("src/main/java/ar/aulas");

    /** Writes around the services on purpose, each with its reason. */
    private static final Map<String, String> EXEMPT = Map.of(
            "demo/DataGenerator.java", "the benchmark's generator inserts a size-L programme in bulk (150,000 documents)");

    @Test
    void eachFeatureUsesOnlyTheApiOfTheOthersAndNoneDependsOnAnotherInACircle() {
        MODULES.verify();
    }

    @Test
    void noFeatureNamesACollectionOfAnother() throws IOException {
        Map<String, String> owner = new HashMap<>();
        Pattern declared = Pattern.compile("@Document\\((?:collection = )?\"([\\w.]+)\"\\)");
        Pattern constant = Pattern.compile("static final String \\w+ = \"([a-z_.]+)\";");
        // a statement on the template (mongo.…;) and the string literals in it
        Pattern statement = Pattern.compile("\\bmongo\\s*\\.[^;]*;", Pattern.DOTALL);
        Pattern literal = Pattern.compile("\"([a-z][\\w.]*)\"");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(SOURCES)) {
            files = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        for (Path file : files) {
            String source = Files.readString(file);
            Matcher m = declared.matcher(source);
            while (m.find()) {
                owner.put(m.group(1), module(file));
            }
            Matcher c = constant.matcher(source);
            while (c.find()) {
                if (source.contains("getCollection(") || source.contains("mongo.")) {
                    owner.putIfAbsent(c.group(1), module(file));
                }
            }
        }
        assertThat(owner).containsEntry("submissions", "exercises").containsEntry("enrolments", "courses")
                .containsEntry("participation_people", "reports");
        List<String> trespass = new ArrayList<>();
        for (Path file : files) {
            String relative = SOURCES.relativize(file).toString();
            if (EXEMPT.containsKey(relative)) {
                continue;
            }
            Matcher m = statement.matcher(Files.readString(file));
            while (m.find()) {
                Matcher l = literal.matcher(m.group());
                while (l.find()) {
                    String theirs = owner.get(l.group(1));
                    if (theirs != null && !theirs.equals(module(file))) {
                        trespass.add(relative + " names \"" + l.group(1) + "\" of " + theirs);
                    }
                }
            }
        }
        assertThat(trespass).isEmpty();
    }

    @Test
    void theModuleMapInTheDocsIsTheCodes() throws IOException {
        Path out = Path.of("target/spring-modulith-docs");
        new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(out.toString()))
                .writeModulesAsPlantUml(Documenter.DiagramOptions.defaults().withStyle(Documenter.DiagramOptions.DiagramStyle.UML));
        // compared as sets of lines: the Documenter's order of modules and arrows is not stable between runs
        assertThat(Files.readAllLines(Path.of("docs/modules.puml")))
                .as("docs/modules.puml is stale: copy target/spring-modulith-docs/components.puml over it")
                .containsExactlyInAnyOrderElementsOf(Files.readAllLines(out.resolve("components.puml")));
    }

    private static String module(Path file) {
        return SOURCES.relativize(file).getName(0).toString();
    }
}
