package ar.aulas.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The application as docs/configuration.md recommends running it: the jar extracted ({@code -Djarmode=tools extract})
 * and a class data archive made by one training run that stops after the context is refreshed. Made once per jar.
 */
final class ClassDataArchive {

    private ClassDataArchive() {
    }

    /** The archive for this jar under {@code out/cds}, made when missing or made from another jar. */
    static Path of(Path jar, Path out) throws IOException, InterruptedException {
        Path dir = out.resolve("cds").toAbsolutePath();
        Path archive = dir.resolve("aulas.jsa");
        Path stamp = dir.resolve("jar.stamp");
        String id = Files.size(jar) + "-" + Files.getLastModifiedTime(jar).toMillis();
        if (Files.exists(archive) && Files.exists(stamp) && Files.readString(stamp).equals(id)) {
            return archive;
        }
        LoadBenchmark.deleteTree(dir);
        Files.createDirectories(dir);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", dir.resolve("app").toString()),
                dir.resolve("extract.log"));
        List<String> train = new ArrayList<>(List.of(java));
        train.addAll(LoadBenchmark.JVM_OPTIONS);
        train.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
                jarIn(archive).toString(), "--server.port=0", "--aulas.store.data-dir=" + dir.resolve("train-data"),
                "--logging.level.root=WARN"));
        run(train, dir.resolve("train.log"));
        if (!Files.exists(archive)) {
            throw new AssertionError("No class data archive: see " + dir.resolve("train.log"));
        }
        Files.writeString(stamp, id);
        return archive;
    }

    /** The extracted application jar the archive was made from. */
    static Path jarIn(Path archive) throws IOException {
        try (Stream<Path> files = Files.list(archive.getParent().resolve("app"))) {
            return files.filter(p -> p.toString().endsWith(".jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("No extracted jar in " + archive.getParent().resolve("app")));
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new AssertionError("Failed: " + String.join(" ", command) + " (see " + log + ")");
        }
    }
}
